using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// The source (image, VM, snapshot, disk or gallery version) must exist, except a source VM that an
    /// earlier -DeleteSourceVm run deleted after publishing its version: the rerun returns that version.
    /// </summary>
    internal sealed class PublishSourceNotFound : Rule<PublishFacts>
    {
        public override string Reads => "GET of the source";

        public override Finding? Evaluate(PublishFacts facts) =>
            // A source VM deleted by an earlier -DeleteSourceVm run is fine when its version is there.
            facts.Source.Exists || DeletedAfterPublishing(facts) ? null : Refuse(
                $"The source {facts.Source.Kind} '{facts.Source.Id}' was not found.",
                "Check the source id, its resource group and the subscription (-SubscriptionId).",
                facts.Source.Id, FailureCategory.ObjectNotFound);

        public static bool DeletedAfterPublishing(PublishFacts facts) =>
            !facts.Source.Exists && facts.Request.DeleteSourceVm && facts.Source.Kind == Operations.SourceKind.VirtualMachine
            && facts.ExistingVersion is Gateway.GalleryVersionState version && Gateway.ArmId.SameId(version.SourceId, facts.Source.Id)
            && !string.Equals(version.ProvisioningState, "Failed", System.StringComparison.OrdinalIgnoreCase);
    }
}
