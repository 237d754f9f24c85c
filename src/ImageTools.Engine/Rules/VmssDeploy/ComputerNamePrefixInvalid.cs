using System.Linq;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Rules.VmssDeploy
{
    /// <summary>
    /// The instances' computer names are the prefix plus six characters the platform appends: the
    /// prefix is 1-9 characters on Windows (15 in all), 1-58 on Linux, and makes a valid host name.
    /// </summary>
    internal sealed class ComputerNamePrefixInvalid : Rule<VmssDeployFacts>
    {
        public override string Reads => "-ComputerNamePrefix (else -Name); the source's OS type";

        public override Finding? Evaluate(VmssDeployFacts facts)
        {
            if (!facts.Source.Exists || facts.Source.IsSpecialized)
                return null;
            var prefix = facts.ComputerNamePrefix;
            var windows = facts.Source.IsWindows;
            string? problem = null;
            if (prefix.Length == 0 || prefix.Length > facts.MaxPrefixLength)
                problem = $"Computer name prefix '{prefix}' is invalid: a {(windows ? "Windows" : "Linux")} scale set's prefix is 1-{facts.MaxPrefixLength} characters (the platform appends 6).";
            else if (AzureNames.CheckComputerName(prefix + "000000", windows) is string bad)
                problem = bad.Replace($"Computer name '{prefix}000000'", $"Computer name prefix '{prefix}'");
            else if (windows && prefix.All(char.IsDigit))
                problem = $"Computer name prefix '{prefix}' is invalid: a Windows computer name cannot be entirely numeric.";
            return problem == null ? null : Refuse(problem,
                $"Pass -ComputerNamePrefix with 1-{facts.MaxPrefixLength} letters, digits and hyphens.",
                facts.Request.Name, FailureCategory.InvalidArgument);
        }
    }
}
