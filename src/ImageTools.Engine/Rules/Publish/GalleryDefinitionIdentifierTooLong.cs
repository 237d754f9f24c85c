using System.Collections.Generic;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>Definition identifiers: publisher up to 128 characters, offer and SKU up to 64.</summary>
    internal sealed class GalleryDefinitionIdentifierTooLong : Rule<PublishFacts>
    {
        public override string Reads => "-Publisher -Offer -Sku";

        public override Finding? Evaluate(PublishFacts facts)
        {
            if (facts.Definition != null)
                return null;
            var problems = new List<string>();
            Check(problems, "-Publisher", facts.Request.Publisher, 128);
            Check(problems, "-Offer", facts.Request.Offer, 64);
            Check(problems, "-Sku", facts.Request.Sku, 64);
            return problems.Count == 0 ? null : Refuse(
                $"The image definition identifier is too long: {string.Join("; ", problems)}.",
                "Shorten it: publisher up to 128 characters, offer and SKU up to 64.",
                facts.DefinitionId, FailureCategory.InvalidArgument);
        }

        private static void Check(List<string> problems, string name, string? value, int max)
        {
            var text = PublishFacts.Stated(value);
            if (text != null && text.Length > max)
                problems.Add($"{name} has {text.Length} characters (at most {max})");
        }
    }
}
