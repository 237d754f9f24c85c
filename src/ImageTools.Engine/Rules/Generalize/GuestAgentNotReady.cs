using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>Run Command goes through the guest agent; without a Ready agent the guest step cannot run.</summary>
    internal sealed class GuestAgentNotReady : Rule<GeneralizeFacts>
    {
        public override string Reads => "instance view vmAgent.statuses[0].displayStatus";

        public override Finding? Evaluate(GeneralizeFacts facts)
        {
            var vm = facts.Vm;
            // A VM about to be started reports its agent once it runs; checked again after the start.
            if (!facts.GuestStepNeeded || vm.PowerState != VmPowerState.Running || vm.AgentReady)
                return null;
            var seen = vm.AgentStatus.Length > 0 ? $"'{vm.AgentStatus}'" : "no status";
            return Refuse(
                $"The guest agent of VM '{vm.Name}' is not Ready (it reports {seen}); Sysprep or deprovisioning is started through Run Command, which needs the agent.",
                "Wait for the agent to report Ready (Get-AzVM -Status shows VMAgent), or restart the VM or the agent service in the guest, then rerun.",
                vm.Id, Hosting.FailureCategory.ResourceUnavailable);
        }
    }
}
