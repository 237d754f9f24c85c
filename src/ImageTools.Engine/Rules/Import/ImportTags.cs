using System;
using System.Collections.Generic;
using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>
    /// The tags Import-Vhd puts on its disk: the VHD it holds (file name and size, set at creation) and
    /// when its upload finished (set once the write access ended after the last page), so that a rerun
    /// tells its own finished disk from an unfinished one or a stranger's.
    /// </summary>
    internal static class ImportTags
    {
        public const string Source = "imagetools-vhd";
        public const string Uploaded = "imagetools-vhd-uploaded";

        public static bool IsFrom(DiskState disk, string sourceValue) =>
            disk.Tags.TryGetValue(Source, out var value) && string.Equals(value, sourceValue, StringComparison.Ordinal);

        public static bool IsComplete(DiskState disk) => disk.Tags.ContainsKey(Uploaded);

        public static Dictionary<string, string> For(ImportFacts facts)
        {
            var tags = new Dictionary<string, string>(facts.Request.Tags ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
            {
                [Source] = facts.SourceTagValue,
                [DeclaredOsState.Tag] = facts.TargetOsState.Equals("Specialized", StringComparison.OrdinalIgnoreCase) ? "Specialized" : "Generalized",
            };
            return tags;
        }
    }
}
