using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Operations.GalleryVersions;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.RemoveVersions
{
    /// <summary>
    /// What Remove-GalleryVersion's rules read: the definition's versions (with where `latest`
    /// resolves), the versions named or the retention rule, and the subscription's VMs and scale
    /// sets with the images they were built from.
    /// </summary>
    internal sealed class RemoveVersionsFacts
    {
        public RemoveVersionsFacts(RemoveVersionsRequest request, DefinitionVersions listing, string[] named, IReadOnlyList<ImageConsumerState> consumers)
        {
            Request = request;
            Listing = listing;
            Named = named;
            Consumers = consumers;
            Missing = IsPruning ? new string[0] : named.Where(n => listing.Find(n) == null).ToArray();
            Candidates = IsPruning
                ? listing.Versions.Skip(Math.Max(0, request.KeepLatest!.Value)).ToList()
                : listing.Versions.Where(v => named.Contains(v.Name, StringComparer.OrdinalIgnoreCase)).ToList();
            ToRemove = IsPruning
                ? Candidates.Where(v => !listing.IsLatest(v.Name) && (request.Force || UsedBy(v).Count == 0)).ToList()
                : Candidates;
        }

        public RemoveVersionsRequest Request { get; }
        public DefinitionVersions Listing { get; }
        public string[] Named { get; }
        public IReadOnlyList<ImageConsumerState> Consumers { get; }

        /// <summary>-KeepLatest: every version but the newest N goes, except the protected ones.</summary>
        public bool IsPruning => Request.KeepLatest != null;

        /// <summary>Versions named that the definition does not have (already removed, or never there).</summary>
        public string[] Missing { get; }

        /// <summary>The versions named, or (pruning) those beyond the newest N, highest first.</summary>
        public IReadOnlyList<GalleryVersionState> Candidates { get; }

        /// <summary>What the plan removes: the candidates, less (pruning) the latest and, without Force, those in use.</summary>
        public IReadOnlyList<GalleryVersionState> ToRemove { get; }

        /// <summary>The VMs, scale sets and scale set instances built from the version: by its id, or by its definition when `latest` was this version then.</summary>
        public IReadOnlyList<ImageConsumerState> UsedBy(GalleryVersionState version) =>
            Consumers.Where(c => ArmId.SameId(c.ImageId, version.Id) ||
                                 (ArmId.SameId(c.ImageId, Listing.DefinitionId) && string.Equals(c.ExactVersion, version.Name, StringComparison.OrdinalIgnoreCase)))
                .ToList();

        /// <summary>Machines built from the definition's `latest` that do not say which version it was.</summary>
        public IReadOnlyList<ImageConsumerState> UnknownVersion =>
            Consumers.Where(c => ArmId.SameId(c.ImageId, Listing.DefinitionId) && c.ExactVersion.Length == 0).ToList();

        public static string Describe(IEnumerable<ImageConsumerState> consumers)
        {
            var list = consumers.ToList();
            var shown = list.Take(3).Select(c => $"{Kind(c.Kind)} '{ArmId.NameOf(c.Id)}' ({ArmId.ResourceGroupOf(c.Id)})");
            return string.Join(", ", shown) + (list.Count > 3 ? $" and {list.Count - 3} more" : "");
        }

        private static string Kind(string kind) => kind == "ScaleSet" ? "scale set" : kind == "ScaleSetInstance" ? "scale set instance" : "VM";
    }
}
