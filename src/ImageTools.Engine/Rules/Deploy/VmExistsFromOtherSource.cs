using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>
    /// A VM of a generated name already exists from another source: that name is refused (a
    /// non-terminating error), never overwritten; the other VMs go on.
    /// </summary>
    internal sealed class VmExistsFromOtherSource : Rule<PlannedVm>
    {
        public override string Reads => "the existing VM of that name and its image reference";

        public override Finding? Evaluate(PlannedVm vm) =>
            !vm.ExistsFromOtherSource ? null : Refuse(
                $"VM '{vm.Name}' already exists, made from '{(vm.Existing!.ImageId.Length > 0 ? vm.Existing.ImageId : "another source")}'; it is left as it is.",
                "Choose another -Name, or remove that VM first if it should be replaced.",
                vm.Existing.Id, FailureCategory.ResourceExists);
    }
}
