using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.VmssUpgrade
{
    /// <summary>The scale set must exist (ARM: 404 ResourceNotFound).</summary>
    internal sealed class UpgradeScaleSetNotFound : Rule<VmssUpgradeFacts>
    {
        public override string Reads => "the scale set";

        public override Finding? Evaluate(VmssUpgradeFacts facts) =>
            facts.ScaleSet != null ? null : Refuse(
                $"Scale set '{facts.ScaleSetId}' was not found.",
                "Check -ResourceGroupName and -VMScaleSetName (Get-AzVmss lists the scale sets) and the subscription (-SubscriptionId).",
                facts.ScaleSetId, FailureCategory.ObjectNotFound);
    }
}
