using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Operations.GalleryVersions;

namespace ImageTools.Engine.Rules.ListVersions
{
    /// <summary>What Get-GalleryVersion's rules read: the definition, its versions and the names asked for.</summary>
    internal sealed class ListVersionsFacts
    {
        public ListVersionsFacts(DefinitionVersions listing, string[] requested)
        {
            Listing = listing;
            Requested = requested;
            Missing = requested.Where(name => listing.Find(name) == null).ToArray();
            Selected = requested.Length == 0
                ? listing.Versions
                : listing.Versions.Where(v => requested.Contains(v.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        }

        public DefinitionVersions Listing { get; }

        /// <summary>The version names asked for; empty: all.</summary>
        public string[] Requested { get; }

        /// <summary>Names asked for that the definition does not have.</summary>
        public string[] Missing { get; }

        /// <summary>What is shown, highest version first.</summary>
        public IReadOnlyList<GalleryVersionState> Selected { get; }
    }
}
