using System.Linq;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>A rerun converges: when every VM of the run exists from this source, they are emitted and nothing is written.</summary>
    internal sealed class VmsAlreadyDeployed : Rule<DeployFacts>
    {
        public override string Reads => "the resource group's VMs and their image references";

        public override Finding? Evaluate(DeployFacts facts) =>
            facts.Source.Exists && facts.Vms.Count > 0 && facts.Vms.All(v => v.ExistsFromSource && !v.ToCreate)
                ? Done($"All {facts.Vms.Count} VM(s) already exist from '{facts.Source.Name}'; nothing to create.", facts.Request.ResourceGroupName)
                : null;
    }
}
