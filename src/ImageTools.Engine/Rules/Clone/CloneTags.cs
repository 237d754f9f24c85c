using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Clone
{
    /// <summary>
    /// The tags of a clone: the clone VM, its disks, NIC and network carry imagetools-clone-of (the
    /// source VM's id); its disks, NIC and network also carry imagetools-owner (the clone VM's id),
    /// so what is left of a deleted clone can be found.
    /// </summary>
    internal static class CloneTags
    {
        public const string CloneOf = "imagetools-clone-of";
        public const string Owner = "imagetools-owner";

        public static Dictionary<string, string> ForVm(ArmId sourceVmId) =>
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [CloneOf] = sourceVmId.Id };

        public static Dictionary<string, string> ForPart(ArmId sourceVmId, ArmId cloneVmId) =>
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [CloneOf] = sourceVmId.Id, [Owner] = cloneVmId.Id };

        public static string? Read(IReadOnlyDictionary<string, string>? tags, string name) =>
            tags?.FirstOrDefault(t => string.Equals(t.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        public static bool IsCloneOf(IReadOnlyDictionary<string, string>? tags, ArmId sourceVmId) =>
            sourceVmId.Is(Read(tags, CloneOf));
    }
}
