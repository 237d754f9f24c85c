using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.VmssUpgrade
{
    /// <summary>
    /// While a rolling upgrade runs, ARM refuses a model update (409 OperationNotAllowed) and another
    /// upgrade (409 Conflict). One already moving to the same image is followed instead.
    /// </summary>
    internal sealed class ScaleSetUpgradeInProgress : Rule<VmssUpgradeFacts>
    {
        public override string Reads => "rollingUpgrades/latest: runningStatus.code; the model's image";

        public override Finding? Evaluate(VmssUpgradeFacts facts)
        {
            if (facts.ScaleSet == null || !facts.UpgradeRunning || facts.ModelOnTarget)
                return null;
            var progress = facts.Latest!;
            return Refuse(
                $"Scale set '{facts.ScaleSet.Name}' is in a rolling upgrade to '{facts.ScaleSet.ImageId}' ({progress.Successful} upgraded, {progress.InProgress} in progress, {progress.Pending} pending): Azure refuses a model change until it ends.",
                $"Wait for it (rerun Update-VmssImage with -ImageId {facts.ScaleSet.ImageId} to follow it), or stop it (Stop-AzVmssRollingUpgrade -ResourceGroupName {facts.ScaleSet.ResourceGroupName} -VMScaleSetName {facts.ScaleSet.Name}), then rerun.",
                facts.ScaleSet.Id, FailureCategory.ResourceUnavailable);
        }
    }
}
