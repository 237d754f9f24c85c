using System.Linq;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Rules.Publish;

namespace ImageTools.Engine.Rules.UpdateVersion
{
    /// <summary>
    /// The regions the update leaves hold at most 100 replicas together, as a published version does
    /// (TargetRegionTooManyReplicas); ARM would refuse the PATCH otherwise.
    /// </summary>
    internal sealed class UpdateTooManyReplicas : Rule<UpdateVersionFacts>
    {
        public override string Reads => "the version's target regions and -AddRegion's replica counts (the regions the update leaves)";

        public override Finding? Evaluate(UpdateVersionFacts facts)
        {
            if (facts.Version == null || facts.PlannedRegions.Any(r => r.ReplicaCount < 1 || r.ReplicaCount > UpdateVersionFacts.MaxReplicas))
                return null; // UpdateReplicaCountOutOfRange names those
            var total = facts.PlannedRegions.Sum(r => (long)r.ReplicaCount);
            return total <= TargetRegionTooManyReplicas.MaxReplicasPerVersion ? null : Refuse(
                $"Version '{facts.VersionName}' would hold {total} replicas in {facts.PlannedRegions.Count} regions; a gallery image version holds at most {TargetRegionTooManyReplicas.MaxReplicasPerVersion} replicas over all its regions.",
                "Lower the replica counts (-AddRegion name=count) or remove regions (-RemoveRegion) so that they add up to 100 or fewer.",
                facts.VersionId, FailureCategory.InvalidArgument);
        }
    }
}
