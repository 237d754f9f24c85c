using System.Collections.Generic;
using System.Linq;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>
    /// New-VmFromImage's catalogue, in the order findings are reported. The source and target rules
    /// are shared with the scale set cmdlets (New-VmssFromImage, Update-VmssImage), which evaluate
    /// them over the same facts.
    /// </summary>
    internal static class DeployRules
    {
        private static readonly Rule<DeployFacts> ResourceGroup = new DeployResourceGroupNotFound();
        private static readonly Rule<DeployFacts> OsProfile = new OsProfileMissing();
        private static readonly Rule<DeployFacts> Credential = new AdminCredentialInvalid();

        /// <summary>The source: it exists, and is usable in the target location (for a definition: a latest version there).</summary>
        public static readonly IReadOnlyList<Rule<DeployFacts>> Source = new Rule<DeployFacts>[]
        {
            new DeploySourceNotFound(),
            new SourceNotInTargetLocation(),
            new NoEligibleLatestVersion(),
        };

        /// <summary>The size boots the source's Hyper-V generation (also checked when a scale set changes image).</summary>
        public static readonly IReadOnlyList<Rule<DeployFacts>> Generation = new Rule<DeployFacts>[] { new VmSizeGenerationMismatch() };

        /// <summary>The size: offered in the location, boots the source's generation, fits the vCPU quota.</summary>
        public static readonly IReadOnlyList<Rule<DeployFacts>> Size =
            new Rule<DeployFacts>[] { new VmSizeNotOffered() }.Concat(Generation).Concat(new Rule<DeployFacts>[] { new VcpuQuotaExceeded() }).ToList();

        private static readonly Rule<DeployFacts> Subnet = new SubnetNotFound();

        /// <summary>A scale set's placement: its resource group, then the source rules.</summary>
        public static readonly IReadOnlyList<Rule<DeployFacts>> Placement = new[] { ResourceGroup }.Concat(Source).ToList();

        /// <summary>A scale set's build from a generalized source: the account, the size, the network.</summary>
        public static readonly IReadOnlyList<Rule<DeployFacts>> Build = new[] { OsProfile, Credential }.Concat(Size).Concat(new[] { Subnet }).ToList();

        /// <summary>Rules over the whole run: any refusal stops it before the first write.</summary>
        public static readonly IReadOnlyList<Rule<DeployFacts>> All =
            new[] { ResourceGroup }.Concat(Source)
                .Concat(new Rule<DeployFacts>[] { new DiskSourceGeneralized(), new DiskSourceSingleVm(), new DiskSourceInUse() })
                .Concat(new Rule<DeployFacts>[] { OsProfile, new OsProfileNotAllowed(), new SpecializedCopies(), Credential, new VmNameInvalid(), new ComputerNameInvalid() })
                .Concat(Size)
                .Concat(new Rule<DeployFacts>[] { Subnet, new VmsAlreadyDeployed() })
                .ToList();

        /// <summary>Rules over one VM of the run: a refusal is that VM's error; the others go on.</summary>
        public static readonly IReadOnlyList<Rule<PlannedVm>> PerVm = new Rule<PlannedVm>[]
        {
            new VmExistsFromOtherSource(),
        };
    }
}
