using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>Copies of a specialized source share computer name and SID: -Count &gt; 1 only with -AllowSpecializedCopies.</summary>
    internal sealed class SpecializedCopies : Rule<DeployFacts>
    {
        public override string Reads => "the source's OS state; -Count, -AllowSpecializedCopies";

        public override Finding? Evaluate(DeployFacts facts) =>
            !facts.Source.Exists || !facts.Source.IsSpecialized || facts.Source.Kind == DeploySourceKind.ManagedDisk || facts.Request.Count <= 1 || facts.Request.AllowSpecializedCopies ? null : Refuse(
                $"The source '{facts.Source.Name}' is specialized: {facts.Request.Count} copies would share one computer name and one machine SID (and domain identity).",
                "Create one VM, generalize the source (Invoke-VmGeneralize) for many, or pass -AllowSpecializedCopies if identical copies are intended.",
                facts.Source.Id, FailureCategory.InvalidArgument);
    }
}
