namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>-DeleteSourceVm only means something for a VM source.</summary>
    internal sealed class DeleteSourceNotVm : Rule<CaptureFacts>
    {
        public override string Reads => "the source kind; -DeleteSourceVm";

        public override Finding? Evaluate(CaptureFacts facts) =>
            facts.Request.DeleteSourceVm && facts.Kind != CaptureSourceKind.VirtualMachine
                ? Warn($"-DeleteSourceVm is ignored: the source '{facts.SourceId.Name}' is a {facts.Kind.ToString().ToLowerInvariant()}, not a VM; nothing will be deleted.", null, facts.SourceId.Id)
                : null;
    }
}
