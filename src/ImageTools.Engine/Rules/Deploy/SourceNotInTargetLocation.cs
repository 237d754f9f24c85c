using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>
    /// A managed image is used only in its own region; a gallery version only where a replica
    /// has Completed. Refuses listing where the source is available.
    /// </summary>
    internal sealed class SourceNotInTargetLocation : Rule<DeployFacts>
    {
        public override string Reads => "the image's region, or the version's replication status per region";

        public override Finding? Evaluate(DeployFacts facts)
        {
            var source = facts.Source;
            if (!source.Exists || source.Kind == DeploySourceKind.GalleryDefinition)
                return null;
            if (source.AvailableIn.Any(r => RegionNames.Same(r, facts.TargetLocation)))
                return null;
            var available = source.AvailableIn.Count == 0 ? "nowhere yet (no region has Completed replication)" : string.Join(", ", source.AvailableIn);
            if (source.Kind == DeploySourceKind.ManagedDisk)
                return Refuse($"Disk '{source.Name}' is in '{source.Location}'; a disk is attached only to a VM in its own region, not in '{facts.TargetLocation}'.",
                    $"Pass -Location {source.Location} (or leave it out), or publish the disk to a gallery replicated to '{facts.TargetLocation}' (Publish-GalleryVersion -OsState Specialized -TargetRegion {facts.TargetLocation}) and deploy from the version.",
                    source.Id, FailureCategory.InvalidArgument);
            var what = source.Kind == DeploySourceKind.ManagedImage
                ? $"Managed image '{source.Name}' is in '{source.Location}'; a managed image can only be used in its own region, not in '{facts.TargetLocation}'."
                : $"Gallery image version '{source.Name}' has no completed replica in '{facts.TargetLocation}'. It is available in: {available}.";
            var remedy = source.Kind == DeploySourceKind.ManagedImage
                ? $"Pass -Location {source.Location}, copy the image there (Copy-CapturedImage -ResourceId {source.Id} -TargetLocation {facts.TargetLocation}), or publish it to a gallery replicated to '{facts.TargetLocation}' (Publish-GalleryVersion -TargetRegion)."
                : $"Pass -Location with one of: {available}; or add '{facts.TargetLocation}' to the version's target regions and wait for its replication.";
            return Refuse(what, remedy, source.Id, FailureCategory.InvalidArgument);
        }
    }
}
