using System.Collections.Generic;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>New-VmFromImage's catalogue, in the order findings are reported.</summary>
    internal static class DeployRules
    {
        /// <summary>Rules over the whole run: any refusal stops it before the first write.</summary>
        public static readonly IReadOnlyList<Rule<DeployFacts>> All = new Rule<DeployFacts>[]
        {
            new DeployResourceGroupNotFound(),
            new DeploySourceNotFound(),
            new SourceNotInTargetLocation(),
            new NoEligibleLatestVersion(),
            new OsProfileMissing(),
            new OsProfileNotAllowed(),
            new SpecializedCopies(),
            new AdminCredentialInvalid(),
            new VmNameInvalid(),
            new ComputerNameInvalid(),
            new VmSizeNotOffered(),
            new VmSizeGenerationMismatch(),
            new VcpuQuotaExceeded(),
            new SubnetNotFound(),
            new VmsAlreadyDeployed(),
        };

        /// <summary>Rules over one VM of the run: a refusal is that VM's error; the others go on.</summary>
        public static readonly IReadOnlyList<Rule<PlannedVm>> PerVm = new Rule<PlannedVm>[]
        {
            new VmExistsFromOtherSource(),
        };
    }
}
