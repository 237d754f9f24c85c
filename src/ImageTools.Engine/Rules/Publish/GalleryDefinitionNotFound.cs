using System.Collections.Generic;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>A missing definition is created only when publisher, offer and SKU are given; otherwise the refusal names what is missing.</summary>
    internal sealed class GalleryDefinitionNotFound : Rule<PublishFacts>
    {
        public override string Reads => "GET of the gallery and of the definition; -Publisher -Offer -Sku";

        public override Finding? Evaluate(PublishFacts facts)
        {
            if (facts.Definition != null)
                return null;
            var missing = new List<string>();
            if (PublishFacts.Stated(facts.Request.Publisher) == null) missing.Add("-Publisher");
            if (PublishFacts.Stated(facts.Request.Offer) == null) missing.Add("-Offer");
            if (PublishFacts.Stated(facts.Request.Sku) == null) missing.Add("-Sku");
            if (missing.Count == 0)
                return null;
            var what = facts.Gallery == null
                ? $"Gallery '{facts.GalleryName}' and its image definition '{facts.DefinitionName}' do not exist"
                : $"Image definition '{facts.DefinitionName}' does not exist in gallery '{facts.GalleryName}'";
            return Refuse(
                $"{what}, and creating the definition needs {string.Join(", ", missing)}.",
                "Pass -Publisher, -Offer and -Sku to create it (OS type, OS state, Hyper-V generation and security type are taken from the source unless stated), or name an existing definition.",
                facts.DefinitionId, FailureCategory.ObjectNotFound);
        }
    }
}
