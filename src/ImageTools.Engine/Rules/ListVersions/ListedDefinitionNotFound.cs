using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.ListVersions
{
    /// <summary>The gallery or the image definition does not exist.</summary>
    internal sealed class ListedDefinitionNotFound : Rule<ListVersionsFacts>
    {
        public override string Reads => "GET of the image definition";

        public override Finding? Evaluate(ListVersionsFacts facts) => facts.Listing.Definition != null ? null : Refuse(
            $"Image definition '{facts.Listing.DefinitionName}' was not found in gallery '{facts.Listing.GalleryName}' ('{facts.Listing.DefinitionId}').",
            "Check -ResourceGroupName, -GalleryName and -DefinitionName (Tab completes them), or pipe in a definition or version.",
            facts.Listing.DefinitionId, FailureCategory.ObjectNotFound);
    }
}
