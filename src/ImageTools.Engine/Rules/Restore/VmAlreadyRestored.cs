using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Restore
{
    /// <summary>A generalized VM whose restore (the new VM) an earlier run made: that VM is emitted, nothing is written.</summary>
    internal sealed class VmAlreadyRestored : Rule<RestoreFacts>
    {
        public override string Reads => "the new VM's imagetools-restored-from tag and power state";

        public override Finding? Evaluate(RestoreFacts facts) =>
            facts.AsNewVm && facts.ExistingNewVm != null && RestoreFacts.IsRestoreOf(facts.ExistingNewVm.Tags, facts.Vm.Id)
                && facts.ExistingNewVm.PowerState == VmPowerState.Running
                ? Done($"VM '{facts.Vm.Name}' was already restored as VM '{facts.NewVm.Name}', which is running; nothing to do.", facts.ExistingNewVm.Id)
                : null;
    }
}
