using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Restore
{
    /// <summary>A generalized VM is restored as a new VM; a name held by a VM that is no restore of this one is not reused.</summary>
    internal sealed class RestoreVmNameTaken : Rule<RestoreFacts>
    {
        public override string Reads => "GET of the new VM (-NewVmName, default '<vm>-restored'): its imagetools-restored-from tag";

        public override Finding? Evaluate(RestoreFacts facts) =>
            facts.AsNewVm && facts.ExistingNewVm != null && !RestoreFacts.IsRestoreOf(facts.ExistingNewVm.Tags, facts.Vm.Id)
                ? Refuse($"VM '{facts.NewVm.Name}' already exists and is not a restore of VM '{facts.Vm.Name}'.",
                    "Pass another -NewVmName.", facts.ExistingNewVm.Id, FailureCategory.ResourceExists)
                : null;
    }
}
