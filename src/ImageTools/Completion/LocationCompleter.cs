using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ImageTools.Engine.Catalog;

namespace ImageTools.Completion
{
    public sealed class LocationCompleter : CatalogCompleter
    {
        public LocationCompleter() : base(nameof(CompletionKind.Location)) { }
    }
}
