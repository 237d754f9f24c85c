using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ImageTools.Engine.Catalog;

namespace ImageTools.Completion
{
    /// <summary>Image definitions of -GalleryName.</summary>
    public sealed class DefinitionCompleter : CatalogCompleter
    {
        public DefinitionCompleter() : base(nameof(CompletionKind.Definition)) { }
    }
}
