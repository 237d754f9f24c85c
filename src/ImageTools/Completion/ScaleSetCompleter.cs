using ImageTools.Engine.Catalog;

namespace ImageTools.Completion
{
    /// <summary>The scale sets of -ResourceGroupName (or of the subscription).</summary>
    public sealed class ScaleSetCompleter : CatalogCompleter
    {
        public ScaleSetCompleter() : base(nameof(CompletionKind.ScaleSet)) { }
    }
}
