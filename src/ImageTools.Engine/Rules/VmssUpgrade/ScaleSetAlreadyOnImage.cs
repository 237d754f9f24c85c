using System.Linq;

namespace ImageTools.Engine.Rules.VmssUpgrade
{
    /// <summary>A rerun converges: the model names the image and every instance runs it, so the scale set is emitted and nothing is written.</summary>
    internal sealed class ScaleSetAlreadyOnImage : Rule<VmssUpgradeFacts>
    {
        public override string Reads => "the model's image, each instance's image, rollingUpgrades/latest";

        public override Finding? Evaluate(VmssUpgradeFacts facts) =>
            facts.ScaleSet != null && facts.ModelOnTarget && facts.AllInstancesOnTarget && !facts.UpgradeRunning
                ? Done($"Scale set '{facts.ScaleSet.Name}' and its {facts.Instances.Count} instance(s) already run '{facts.TargetImageId}'; nothing to upgrade.", facts.ScaleSet.Id)
                : null;
    }
}
