using System;
using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// A gallery holds one definition per publisher/offer/SKU: a new definition whose triple another
    /// definition of the gallery already has is refused here, where ARM would refuse it only at the PUT.
    /// </summary>
    internal sealed class GalleryDefinitionIdentifierTaken : Rule<PublishFacts>
    {
        public override string Reads => "the list of the gallery's definitions; -Publisher -Offer -Sku";

        public override Finding? Evaluate(PublishFacts facts)
        {
            var publisher = PublishFacts.Stated(facts.Request.Publisher);
            var offer = PublishFacts.Stated(facts.Request.Offer);
            var sku = PublishFacts.Stated(facts.Request.Sku);
            if (facts.Definition != null || publisher == null || offer == null || sku == null)
                return null;
            var holder = facts.GalleryDefinitions.FirstOrDefault(d => Same(d.Publisher, publisher) && Same(d.Offer, offer) && Same(d.Sku, sku));
            return holder == null ? null : Refuse(
                $"Gallery '{facts.GalleryName}' already has image definition '{holder.Name}' identified by (publisher: {holder.Publisher}, offer: {holder.Offer}, sku: {holder.Sku}); " +
                $"a gallery holds one definition per publisher, offer and SKU, so '{facts.DefinitionName}' cannot be created with them.",
                $"Publish into '{holder.Name}' (-DefinitionName {holder.Name}), or give the new definition another -Sku (or -Offer).",
                facts.DefinitionId, FailureCategory.ResourceExists);
        }

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
