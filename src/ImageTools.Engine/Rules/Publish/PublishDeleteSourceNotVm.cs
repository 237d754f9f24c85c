using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// -DeleteSourceVm deletes a source VM once its version is replicated; asked of an image,
    /// a snapshot, a disk or another version it is refused before any write: nothing is deleted.
    /// </summary>
    internal sealed class PublishDeleteSourceNotVm : Rule<PublishFacts>
    {
        public override string Reads => "the source kind; -DeleteSourceVm";

        public override Finding? Evaluate(PublishFacts facts) =>
            !facts.Request.DeleteSourceVm || !facts.Source.Exists || facts.Source.Kind == SourceKind.VirtualMachine ? null : Refuse(
                $"-DeleteSourceVm deletes a source VM, but the source '{facts.Source.Name}' is a {KindText(facts.Source.Kind)}; nothing would be deleted.",
                "Omit -DeleteSourceVm, or publish from the VM itself (Invoke-VmGeneralize ... | Publish-GalleryVersion -DeleteSourceVm).",
                facts.Source.Id, FailureCategory.InvalidArgument);

        private static string KindText(SourceKind kind) =>
            kind == SourceKind.ManagedImage ? "managed image" : kind == SourceKind.GalleryVersion ? "gallery image version" : kind.ToString().ToLowerInvariant();
    }
}
