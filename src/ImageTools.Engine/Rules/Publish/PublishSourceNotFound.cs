using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>The source (image, VM, snapshot, disk or gallery version) must exist.</summary>
    internal sealed class PublishSourceNotFound : Rule<PublishFacts>
    {
        public override string Reads => "GET of the source";

        public override Finding? Evaluate(PublishFacts facts) =>
            facts.Source.Exists ? null : Refuse(
                $"The source {facts.Source.Kind} '{facts.Source.Id}' was not found.",
                "Check the source id, its resource group and the subscription (-SubscriptionId).",
                facts.Source.Id, FailureCategory.ObjectNotFound);
    }
}
