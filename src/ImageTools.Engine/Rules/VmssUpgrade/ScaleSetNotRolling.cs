using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.VmssUpgrade
{
    /// <summary>
    /// A rolling move needs upgrade policy Rolling with a health signal: under Manual the instances
    /// keep the old image until each is upgraded by hand, under Automatic they all take the new one
    /// at once, neither in batches.
    /// </summary>
    internal sealed class ScaleSetNotRolling : Rule<VmssUpgradeFacts>
    {
        public override string Reads => "the scale set's upgradePolicy.mode";

        public override Finding? Evaluate(VmssUpgradeFacts facts)
        {
            var vmss = facts.ScaleSet;
            if (vmss == null || vmss.IsRolling || facts.ModelOnTarget && facts.AllInstancesOnTarget)
                return null;
            return Refuse(
                $"Scale set '{vmss.Name}' has upgrade policy {vmss.UpgradeMode}: a new image would " +
                (string.Equals(vmss.UpgradeMode, "Automatic", System.StringComparison.OrdinalIgnoreCase) ? "reach every instance at once, not in batches." : "stay in the model while the instances keep the old one."),
                $"Set the policy to Rolling with a health signal (Update-AzVmss -ResourceGroupName {vmss.ResourceGroupName} -VMScaleSetName {vmss.Name} -UpgradePolicyMode Rolling, with the Application Health extension), or deploy it with New-VmssFromImage -UpgradePolicy Rolling.",
                vmss.Id, FailureCategory.InvalidOperation);
        }
    }
}
