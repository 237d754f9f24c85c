using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// A gallery image version holds at most 100 replicas over all its regions (azure-docs
    /// azure-compute-gallery.md, Limits); every region holds at least one, so this also bounds the
    /// number of target regions of one version.
    /// </summary>
    internal sealed class TargetRegionTooManyReplicas : Rule<PublishFacts>
    {
        public const int MaxReplicasPerVersion = 100;

        public override string Reads => "-TargetRegion, -ReplicaCount (the replicas of every region, the source's region included)";

        public override Finding? Evaluate(PublishFacts facts)
        {
            if (facts.Regions.Any(r => r.ReplicaCount < 1 || r.ReplicaCount > PublishFacts.MaxReplicas))
                return null; // TargetRegionReplicaCountOutOfRange names those
            var total = facts.Regions.Sum(r => (long)r.ReplicaCount);
            return total <= MaxReplicasPerVersion ? null : Refuse(
                $"The version would hold {total} replicas in {facts.Regions.Count} regions; a gallery image version holds at most {MaxReplicasPerVersion} replicas over all its regions.",
                "Lower the replica counts (-ReplicaCount, name=count in -TargetRegion) or the number of regions so that they add up to 100 or fewer.",
                facts.VersionId, FailureCategory.InvalidArgument);
        }
    }
}
