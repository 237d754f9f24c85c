using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>A disk is one VM's OS disk: -Count above 1 from a disk is refused (copies go through a specialized gallery version).</summary>
    internal sealed class DiskSourceSingleVm : Rule<DeployFacts>
    {
        public override string Reads => "-Count; the source kind";

        public override Finding? Evaluate(DeployFacts facts)
        {
            var source = facts.Source;
            if (!source.Exists || source.Kind != DeploySourceKind.ManagedDisk || facts.Request.Count <= 1)
                return null;
            return Refuse($"Disk '{source.Name}' becomes one VM: a disk is attached to one VM only, and -Count is {facts.Request.Count}.",
                $"Leave -Count out for one VM on this disk; for {facts.Request.Count} copies publish it first (Publish-GalleryVersion -ResourceId {source.Id} -OsState Specialized ...) " +
                "and deploy from the version with -AllowSpecializedCopies, or generalize it for independent VMs.",
                source.Id, FailureCategory.InvalidArgument);
        }
    }
}
