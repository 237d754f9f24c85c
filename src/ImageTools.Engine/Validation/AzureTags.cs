using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Validation
{
    /// <summary>
    /// ARM's tag limits (azure-docs tag-resources.md, Limitations), checked before any request:
    /// at most 50 tags, names 1 to 512 characters without &lt; &gt; % &amp; \ ? / or control characters,
    /// values at most 256 characters.
    /// </summary>
    internal static class AzureTags
    {
        public const int MaxTags = 50;
        public const int MaxNameLength = 512;
        public const int MaxValueLength = 256;
        private const string Reserved = "<>%&\\?/";

        /// <summary>Throws InvalidTag naming every tag ARM would refuse; nothing when the tags are fine.</summary>
        public static void Require(IReadOnlyDictionary<string, string>? tags)
        {
            if (tags == null || tags.Count == 0)
                return;
            var problems = new List<string>();
            if (tags.Count > MaxTags)
                problems.Add($"{tags.Count} tags were given; a resource holds at most {MaxTags}");
            foreach (var tag in tags)
            {
                var name = tag.Key ?? "";
                var shown = name.Length > 40 ? name.Substring(0, 40) + "…" : name;
                if (name.Trim().Length == 0)
                    problems.Add("a tag name is empty");
                else if (name.Length > MaxNameLength)
                    problems.Add($"tag name '{shown}' has {name.Length} characters (at most {MaxNameLength})");
                else if (name.Any(c => Reserved.IndexOf(c) >= 0 || char.IsControl(c)))
                    problems.Add($"tag name '{shown}' holds one of < > % & \\ ? / or a control character");
                if ((tag.Value ?? "").Length > MaxValueLength)
                    problems.Add($"the value of tag '{shown}' has {tag.Value!.Length} characters (at most {MaxValueLength})");
            }
            if (problems.Count > 0)
                throw new ImageToolsException(ErrorIds.InvalidTag,
                    $"-Tag cannot be applied: {string.Join("; ", problems)}.",
                    $"Give at most {MaxTags} tags, names of 1 to {MaxNameLength} characters without < > % & \\ ? /, and values of at most {MaxValueLength} characters.",
                    null, FailureCategory.InvalidArgument);
        }
    }
}
