using System;
using System.Linq;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>
    /// Every computer name -Count generates is a valid host name (Windows: ≤15, not all digits,
    /// none of ` ~ ! @ # $ % ^ &amp; * ( ) = + _ [ ] { } \ | ; : . ' " , &lt; &gt; / ?) and the names are distinct.
    /// </summary>
    internal sealed class ComputerNameInvalid : Rule<DeployFacts>
    {
        public override string Reads => "-Name, -Count (the generated computer names); the source's OS type";

        public override Finding? Evaluate(DeployFacts facts)
        {
            if (!facts.Source.Exists || facts.Source.IsSpecialized)
                return null;
            var windows = facts.Source.IsWindows;
            var bad = facts.Vms.Select(v => (v.ComputerName, Reason: AzureNames.CheckComputerName(v.ComputerName, windows))).Where(x => x.Reason != null).ToList();
            if (bad.Count > 0)
                return Refuse(
                    string.Join(" ", bad.Take(3).Select(b => b.Reason)) + (bad.Count > 3 ? $" ({bad.Count} names in all.)" : ""),
                    "Choose a -Name of letters, digits and hyphens (not only digits) so that each generated computer name is valid.",
                    facts.Request.Name, FailureCategory.InvalidArgument);
            var duplicates = facts.Vms.GroupBy(v => v.ComputerName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            return duplicates.Count == 0 ? null : Refuse(
                $"The generated computer names are not distinct: {string.Join(", ", duplicates)}.",
                "Choose a shorter -Name so that the '-NN' suffixes survive the 15-character Windows limit.",
                facts.Request.Name, FailureCategory.InvalidArgument);
        }
    }
}
