using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.UpdateVersion
{
    /// <summary>Replicas per region: 1 to 100 (ARM: "The value ... is out of range").</summary>
    internal sealed class UpdateReplicaCountOutOfRange : Rule<UpdateVersionFacts>
    {
        public override string Reads => "-AddRegion replica counts";

        public override Finding? Evaluate(UpdateVersionFacts facts)
        {
            var bad = facts.Adds.Where(a => a.ReplicaCount is int n && (n < 1 || n > UpdateVersionFacts.MaxReplicas)).ToList();
            return bad.Count == 0 ? null : Refuse(
                $"Replica count out of range: {string.Join(", ", bad.Select(a => $"{a.Name}={a.ReplicaCount}"))}; each region takes 1 to {UpdateVersionFacts.MaxReplicas} replicas.",
                "Give each region 1 to 100 replicas (for example westeurope=2).", facts.VersionId, FailureCategory.InvalidArgument);
        }
    }
}
