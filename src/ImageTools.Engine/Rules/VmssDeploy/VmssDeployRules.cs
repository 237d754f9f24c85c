using System.Collections.Generic;

namespace ImageTools.Engine.Rules.VmssDeploy
{
    /// <summary>
    /// New-VmssFromImage's own rules. Findings are reported in this order: New-VmFromImage's group and
    /// source rules (<see cref="Deploy.DeployRules.Placement"/>), <see cref="Source"/>, its account,
    /// size, quota and network rules (<see cref="Deploy.DeployRules.Build"/>), then <see cref="Existing"/>.
    /// </summary>
    internal static class VmssDeployRules
    {
        /// <summary>Right after the source rules: what the source and the request allow.</summary>
        public static readonly IReadOnlyList<Rule<VmssDeployFacts>> Source = new Rule<VmssDeployFacts>[]
        {
            new SpecializedScaleSetSource(),
            new ScaleSetNameInvalid(),
            new ComputerNamePrefixInvalid(),
            new ScaleSetCapacityOutOfRange(),
        };

        /// <summary>Last: the scale set of that name.</summary>
        public static readonly IReadOnlyList<Rule<VmssDeployFacts>> Existing = new Rule<VmssDeployFacts>[]
        {
            new ScaleSetExistsFromOtherSource(),
            new ScaleSetAlreadyDeployed(),
        };
    }
}
