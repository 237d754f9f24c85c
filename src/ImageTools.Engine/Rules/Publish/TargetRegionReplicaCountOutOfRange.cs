using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>Replicas per region: 1 to 100.</summary>
    internal sealed class TargetRegionReplicaCountOutOfRange : Rule<PublishFacts>
    {
        public override string Reads => "-TargetRegion replica counts, -ReplicaCount";

        public override Finding? Evaluate(PublishFacts facts)
        {
            var bad = facts.Regions.Where(r => r.ReplicaCount < 1 || r.ReplicaCount > PublishFacts.MaxReplicas).ToList();
            return bad.Count == 0 ? null : Refuse(
                $"Replica count out of range: {string.Join(", ", bad.Select(r => $"{r.Name}={r.ReplicaCount}"))}; each region takes 1 to {PublishFacts.MaxReplicas} replicas.",
                "Give each region 1 to 100 replicas (for example eastus=2).",
                facts.VersionId, FailureCategory.InvalidArgument);
        }
    }
}
