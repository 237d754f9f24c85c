using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ImageTools.Engine.Catalog;

namespace ImageTools.Completion
{
    /// <summary>"auto" and the next versions after the highest of -GalleryName/-DefinitionName.</summary>
    public sealed class VersionCompleter : CatalogCompleter
    {
        public VersionCompleter() : base(nameof(CompletionKind.Version)) { }
    }
}
