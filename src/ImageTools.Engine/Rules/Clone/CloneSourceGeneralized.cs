namespace ImageTools.Engine.Rules.Clone
{
    /// <summary>A source already generalized has no identity left to keep: it is captured as it is, not cloned.</summary>
    internal sealed class CloneSourceGeneralized : Rule<CloneFacts>
    {
        public override string Reads => "the source's instance view status OSState/generalized";

        public override Finding? Evaluate(CloneFacts facts) =>
            facts.Source.IsGeneralized
                ? Refuse($"VM '{facts.Source.Name}' is already generalized; there is nothing to keep alive by cloning it.",
                    $"Capture it directly: New-CapturedImage -ResourceGroupName {facts.Source.ResourceGroupName} -Name {facts.Source.Name} (or Publish-GalleryVersion), without -Clone.",
                    facts.Source.Id)
                : null;
    }
}
