using System.Collections.Generic;

namespace ImageTools.Engine.Rules.VmssUpgrade
{
    /// <summary>
    /// Update-VmssImage's own rules. Findings are reported in this order: <see cref="ScaleSet"/>,
    /// New-VmFromImage's source rules over the target in the scale set's location
    /// (<see cref="Deploy.DeployRules.Source"/>), <see cref="Image"/>, its generation rule
    /// (<see cref="Deploy.DeployRules.Generation"/>), then <see cref="Upgrade"/>.
    /// </summary>
    internal static class VmssUpgradeRules
    {
        public static readonly IReadOnlyList<Rule<VmssUpgradeFacts>> ScaleSet = new Rule<VmssUpgradeFacts>[]
        {
            new UpgradeScaleSetNotFound(),
        };

        public static readonly IReadOnlyList<Rule<VmssUpgradeFacts>> Image = new Rule<VmssUpgradeFacts>[]
        {
            new UpgradeSourceSpecialized(),
            new UpgradeOsTypeMismatch(),
        };

        public static readonly IReadOnlyList<Rule<VmssUpgradeFacts>> Upgrade = new Rule<VmssUpgradeFacts>[]
        {
            new ScaleSetNotRolling(),
            new ScaleSetUpgradeInProgress(),
            new ScaleSetVersionNotNewer(),
            new ScaleSetAlreadyOnImage(),
        };
    }
}
