using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// -DeleteSourceVm deletes the source VM only once the version reads Succeeded in every
    /// target region; -NoWait returns before that, so the two together are refused before any write.
    /// </summary>
    internal sealed class PublishDeleteSourceNoWait : Rule<PublishFacts>
    {
        public override string Reads => "-DeleteSourceVm; -NoWait";

        public override Finding? Evaluate(PublishFacts facts) =>
            !facts.Request.DeleteSourceVm || !facts.Request.NoWait ? null : Refuse(
                "-DeleteSourceVm deletes the source VM only once the version has replicated to every target region, which -NoWait does not wait for.",
                "Omit -NoWait (the replication is awaited, then the VM deleted), or omit -DeleteSourceVm and remove the VM later.",
                facts.Source.Id, FailureCategory.InvalidArgument);
    }
}
