using System.Collections.Generic;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>
    /// The VMs still to create must fit the regional vCPU quota: cores of the size × their count
    /// against limit − current, for the total regional vCPUs and for the size's family.
    /// </summary>
    internal sealed class VcpuQuotaExceeded : Rule<DeployFacts>
    {
        public override string Reads => "the location's compute usages and the size's vCPU count";

        public override Finding? Evaluate(DeployFacts facts)
        {
            var needed = facts.CoresNeeded;
            if (facts.Size == null || needed == 0)
                return null;
            var over = new List<string>();
            void Check(UsageState? usage, string label)
            {
                if (usage != null && usage.Current + needed > usage.Limit)
                    over.Add($"{label}: limit {usage.Limit}, in use {usage.Current}, free {System.Math.Max(0, usage.Limit - usage.Current)}");
            }
            Check(facts.TotalCores, "Total Regional vCPUs");
            Check(facts.Family, facts.Family?.LocalizedName is { Length: > 0 } name ? name : facts.Family?.Name ?? "");
            return over.Count == 0 ? null : Refuse(
                $"{facts.Vms.Count} × {facts.Size.Name} needs {needed} vCPUs ({facts.Size.Cores} each for the VMs still to create) in '{facts.TargetLocation}', over quota: {string.Join("; ", over)}.",
                $"Request a quota increase (Azure portal: Quotas), lower {facts.CountParameter}, choose a smaller -Size, or deallocate VMs in that region.",
                facts.TargetLocation, FailureCategory.QuotaExceeded);
        }
    }
}
