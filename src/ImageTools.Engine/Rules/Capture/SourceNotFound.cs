using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>The VM, snapshot or disk to capture must exist.</summary>
    internal sealed class SourceNotFound : Rule<CaptureFacts>
    {
        public override string Reads => "GET of the source";

        public override Finding? Evaluate(CaptureFacts facts) =>
            // A source deleted by an earlier -DeleteSourceVm run is fine when its image is there.
            facts.SourceExists || Gateway.ArmId.SameId(facts.ExistingImage?.SourceId, facts.SourceId.Id) ? null : Refuse(
                $"The capture source '{facts.SourceId.Id}' ({facts.Kind}) was not found.",
                "Check the source's resource group, name and subscription (-SubscriptionId), or pass its full -ResourceId.",
                facts.SourceId.Id, FailureCategory.ObjectNotFound);
    }
}
