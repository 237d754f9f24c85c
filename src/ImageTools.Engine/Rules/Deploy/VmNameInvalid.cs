using System.Linq;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>Every VM name -Count generates is a valid VM resource name (1-64, letters, digits, '-', '_', '.').</summary>
    internal sealed class VmNameInvalid : Rule<DeployFacts>
    {
        public override string Reads => "-Name, -Count (the generated VM names)";

        public override Finding? Evaluate(DeployFacts facts)
        {
            var bad = facts.Vms.Select(v => (v.Name, Reason: AzureNames.CheckVmName(v.Name))).Where(x => x.Reason != null).ToList();
            return bad.Count == 0 ? null : Refuse(
                string.Join(" ", bad.Take(3).Select(b => b.Reason)) + (bad.Count > 3 ? $" ({bad.Count} names in all.)" : ""),
                "Choose a -Name of letters, digits and hyphens that leaves room for the '-NN' suffix -Count adds.",
                facts.Request.Name, FailureCategory.InvalidArgument);
        }
    }
}
