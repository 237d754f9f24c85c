using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ImageTools.Engine.Catalog;

namespace ImageTools.Completion
{
    /// <summary>Galleries of -GalleryResourceGroupName, or of the whole subscription.</summary>
    public sealed class GalleryCompleter : CatalogCompleter
    {
        public GalleryCompleter() : base(nameof(CompletionKind.Gallery)) { }
    }
}
