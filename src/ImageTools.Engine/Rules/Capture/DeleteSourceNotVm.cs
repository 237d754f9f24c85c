using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>
    /// -DeleteSourceVm deletes a source VM once its image reads Succeeded; asked of a disk or a
    /// snapshot it is refused before any write, as Publish-GalleryVersion refuses it: nothing is deleted.
    /// </summary>
    internal sealed class DeleteSourceNotVm : Rule<CaptureFacts>
    {
        public override string Reads => "the source kind; -DeleteSourceVm";

        public override Finding? Evaluate(CaptureFacts facts) =>
            !facts.Request.DeleteSourceVm || !facts.SourceExists || facts.Kind == CaptureSourceKind.VirtualMachine ? null : Refuse(
                $"-DeleteSourceVm deletes a source VM, but the source '{facts.SourceId.Name}' is a {facts.Kind.ToString().ToLowerInvariant()}; nothing would be deleted.",
                "Omit -DeleteSourceVm, or capture from the VM itself (Invoke-VmGeneralize ... | New-CapturedImage -DeleteSourceVm).",
                facts.SourceId, FailureCategory.InvalidArgument);
    }
}
