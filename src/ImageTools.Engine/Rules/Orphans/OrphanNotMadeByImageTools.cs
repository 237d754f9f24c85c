using ImageTools.Engine.Rules.Clone;
using ImageTools.Engine.Rules.Generalize;

namespace ImageTools.Engine.Rules.Orphans
{
    /// <summary>Only what ImageTools' tags prove it made for a VM is removed; anything else is never touched.</summary>
    internal sealed class OrphanNotMadeByImageTools : Rule<OrphanRemoveFacts>
    {
        public override string Reads => "the resource's imagetools-snapshot-of, imagetools-clone-of and imagetools-owner tags";

        public override Finding? Evaluate(OrphanRemoveFacts facts) =>
            !facts.Exists || facts.Origin != null ? null : Refuse(
                $"'{facts.Id.Name}' ({facts.Id.Type}) carries no tag that proves ImageTools made it for a VM ({PlannedSnapshot.SourceVmTag}, or {CloneTags.CloneOf} with {CloneTags.Owner}); it is not removed.",
                "Remove-ImageToolsOrphan removes only what Get-ImageToolsOrphan lists; delete other resources with the Az cmdlets if you mean to.",
                facts.Id.Id);
    }
}
