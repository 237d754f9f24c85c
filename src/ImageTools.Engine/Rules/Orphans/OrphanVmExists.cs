namespace ImageTools.Engine.Rules.Orphans
{
    /// <summary>What was made for a VM that still exists is no orphan: it is refused, and the way to remove it is named.</summary>
    internal sealed class OrphanVmExists : Rule<OrphanRemoveFacts>
    {
        public override string Reads => "GET of the VM its tags name";

        public override Finding? Evaluate(OrphanRemoveFacts facts) =>
            facts.Origin == null || !facts.VmExists ? null : Refuse(
                $"'{facts.Id.Name}' is the {facts.Origin.Description}, and that VM still exists: it is no orphan.",
                facts.Origin.Kind == Operations.Orphans.OrphanOrigin.ClonePart
                    ? $"Delete the clone with what it owns: New-CapturedImage or Publish-GalleryVersion -DeleteSourceVm, or Remove-AzVM -Id {facts.Origin.VmId.Id}."
                    : "Remove the VM's snapshots with Get-ImageToolsSnapshot | Remove-ImageToolsSnapshot.",
                facts.Id.Id);
    }
}
