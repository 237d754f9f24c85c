using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Catalog
{
    /// <summary>What a parameter's completer lists.</summary>
    public enum CompletionKind
    {
        ResourceGroup,
        Location,
        Gallery,
        Definition,
        Version,

        /// <summary>Scale sets of -ResourceGroupName (or of the subscription).</summary>
        ScaleSet,
        /// <summary>The versions a definition has (Get-, Update-, Remove-GalleryVersion -Name).</summary>
        ExistingVersion,
    }
}
