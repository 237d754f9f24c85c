using ImageTools.Engine.Catalog;

namespace ImageTools.Completion
{
    /// <summary>The versions -GalleryName/-DefinitionName has, highest first, with their provisioning state.</summary>
    public sealed class ExistingVersionCompleter : CatalogCompleter
    {
        public ExistingVersionCompleter() : base(nameof(CompletionKind.ExistingVersion)) { }
    }
}
