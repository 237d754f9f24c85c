using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Catalog
{
    /// <summary>
    /// Tab completion for resource group, location, gallery, definition and version names. It
    /// never throws and never holds the prompt for long: with no connection it answers nothing;
    /// a listing that takes longer than the time box answers nothing this time but keeps running
    /// and fills the cache, so the next Tab has it. Listings are cached per connection and scope
    /// for a short while. The other parameters already typed (PowerShell's fakeBoundParameters)
    /// give the scope: -SubscriptionId, -GalleryResourceGroupName, -GalleryName, -DefinitionName.
    /// </summary>
    public static class ArgumentCompletion
    {
        /// <summary>How long Tab may wait for a listing.</summary>
        public static readonly TimeSpan DefaultTimeBox = TimeSpan.FromSeconds(3);

        /// <summary>How long a listing started by Tab may run in the background to fill the cache.</summary>
        public static readonly TimeSpan BackgroundLimit = TimeSpan.FromSeconds(30);

        /// <summary>How long a cached listing is reused.</summary>
        public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(2);

        /// <summary>The value Publish-GalleryVersion -Version takes for "the next patch after the highest".</summary>
        public const string AutoVersion = "auto";

        private static readonly ConcurrentDictionary<string, CachedListing> Cache = new ConcurrentDictionary<string, CachedListing>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Completion over the session's connection; nothing when the session is not connected.</summary>
        public static IReadOnlyList<CompletionItem> Complete(CompletionKind kind, string? wordToComplete, IDictionary<string, string> boundParameters) =>
            Complete(ResourceCatalog.ForSession(), kind, wordToComplete, boundParameters, DefaultTimeBox);

        /// <summary>Completion over a given catalog (null = not connected) with a given time box.</summary>
        public static IReadOnlyList<CompletionItem> Complete(ResourceCatalog? catalog, CompletionKind kind, string? wordToComplete,
            IDictionary<string, string> boundParameters, TimeSpan timeBox)
        {
            try
            {
                if (catalog == null)
                    return Array.Empty<CompletionItem>();
                var bound = new Dictionary<string, string>(boundParameters ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
                var listing = Listing(catalog, kind, bound);
                if (listing == null)
                    return Array.Empty<CompletionItem>();
                var entries = Cached(listing.Value.Key, listing.Value.Read, timeBox);
                if (entries == null)
                    return Array.Empty<CompletionItem>();
                if (kind == CompletionKind.Version)
                    return VersionItems(entries, wordToComplete);
                return Match(entries, wordToComplete).Select(e => new CompletionItem(Quote(e.Name), e.Name, ToolTip(e))).ToList();
            }
            catch (Exception)
            {
                // A completer must never surface an error at the prompt.
                return Array.Empty<CompletionItem>();
            }
        }

        /// <summary>Forgets cached listings (after Connect-ImageTools, or in tests).</summary>
        public static void ClearCache() => Cache.Clear();

        /// <summary>
        /// The entries whose name starts with what was typed (case-insensitive, surrounding quotes
        /// ignored); a '*' or '?' in it is a wildcard, as in PowerShell.
        /// </summary>
        public static IEnumerable<CatalogEntry> Match(IEnumerable<CatalogEntry> entries, string? wordToComplete)
        {
            string word = (wordToComplete ?? "").Trim().Trim('\'', '"');
            if (word.Length == 0)
                return entries;
            if (word.IndexOfAny(new[] { '*', '?' }) < 0)
                return entries.Where(e => e.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase));
            var pattern = new Regex("^" + Regex.Escape(word).Replace("\\*", ".*").Replace("\\?", ".") + ".*$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            return entries.Where(e => pattern.IsMatch(e.Name));
        }

        /// <summary>A name as it must be typed: single-quoted (quotes doubled) when it holds anything but letters, digits, '_', '.', '-'.</summary>
        public static string Quote(string name)
        {
            if (name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-'))
                return name;
            return "'" + name.Replace("'", "''") + "'";
        }

        /// <summary>
        /// What -Version is offered: "auto", then the next patch, minor and major version after the
        /// highest existing one (1.0.0 when there is none), each below int32's limit; existing
        /// versions are not offered, since publishing one again from another source is refused.
        /// </summary>
        public static IReadOnlyList<string> VersionSuggestions(IEnumerable<string> existing)
        {
            var highest = existing.Select(ResourceCatalog.VersionKey).Where(k => k.Item1 >= 0)
                .OrderByDescending(k => k).FirstOrDefault();
            var result = new List<string> { AutoVersion };
            if (highest == null)
            {
                result.Add("1.0.0");
                return result;
            }
            void Add(long major, long minor, long patch)
            {
                if (major <= int.MaxValue && minor <= int.MaxValue && patch <= int.MaxValue)
                    result.Add($"{major}.{minor}.{patch}");
            }
            Add(highest.Item1, highest.Item2, highest.Item3 + 1);
            Add(highest.Item1, highest.Item2 + 1, 0);
            Add(highest.Item1 + 1, 0, 0);
            return result;
        }

        private static List<CompletionItem> VersionItems(IReadOnlyList<CatalogEntry> existing, string? wordToComplete)
        {
            string highest = existing.Count > 0 ? existing[0].Name : "none";
            var suggestions = VersionSuggestions(existing.Select(e => e.Name))
                .Select(v => new CatalogEntry(v, "", "", "", v == AutoVersion
                    ? $"The next patch version after the highest existing one ({highest})."
                    : $"Next after the highest existing version ({highest})."));
            return Match(suggestions, wordToComplete).Select(e => new CompletionItem(e.Name, e.Name, e.Detail)).ToList();
        }

        private static string ToolTip(CatalogEntry entry)
        {
            var parts = new[] { entry.Detail, entry.Location, entry.Id }.Where(p => !string.IsNullOrEmpty(p)).Distinct();
            string tip = string.Join(" | ", parts);
            return tip.Length > 0 ? tip : entry.Name;
        }

        /// <summary>The listing a kind needs, keyed by connection and scope; null when a required scope is missing.</summary>
        private static (string Key, Func<CancellationToken, Task<IReadOnlyList<CatalogEntry>>> Read)? Listing(
            ResourceCatalog catalog, CompletionKind kind, IDictionary<string, string> bound)
        {
            string? subscription = Value(bound, "SubscriptionId");
            string? galleryGroup = Value(bound, "GalleryResourceGroupName");
            string? gallery = Value(bound, "GalleryName");
            string? definition = Value(bound, "DefinitionName");
            string? group = Value(bound, "ResourceGroupName");
            string key = string.Join("|", catalog.ConnectionKey, kind, subscription, galleryGroup, gallery, definition, kind == CompletionKind.ScaleSet ? group : null);
            switch (kind)
            {
                case CompletionKind.ResourceGroup:
                    return (key, ct => catalog.ResourceGroupsAsync(subscription, ct));
                case CompletionKind.Location:
                    return (key, ct => catalog.LocationsAsync(subscription, ct));
                case CompletionKind.Gallery:
                    return (key, ct => catalog.GalleriesAsync(subscription, galleryGroup, ct));
                case CompletionKind.Definition:
                    if (gallery == null) return null;
                    return (key, ct => catalog.DefinitionsAsync(subscription, gallery, galleryGroup, ct));
                case CompletionKind.Version:
                case CompletionKind.ExistingVersion:
                    if (gallery == null || definition == null) return null;
                    return (key, ct => catalog.VersionsAsync(subscription, gallery, definition, galleryGroup, ct));
                case CompletionKind.ScaleSet:
                    return (key, ct => catalog.ScaleSetsAsync(subscription, group, ct));
                default:
                    return null;
            }
        }

        private static string? Value(IDictionary<string, string> bound, string name) =>
            bound.TryGetValue(name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        /// <summary>A fresh cached listing, or the listing read within the time box (then cached), or null.</summary>
        private static IReadOnlyList<CatalogEntry>? Cached(string key, Func<CancellationToken, Task<IReadOnlyList<CatalogEntry>>> read, TimeSpan timeBox)
        {
            var now = DateTime.UtcNow;
            if (Cache.TryGetValue(key, out var cached))
            {
                if (cached.Entries != null && now - cached.ReadAt < CacheLifetime)
                    return cached.Entries;
                if (cached.Pending != null && !cached.Pending.IsCompleted && now - cached.ReadAt < BackgroundLimit)
                    return Wait(cached.Pending, timeBox);
            }

            var limit = new CancellationTokenSource(BackgroundLimit);
            Task<IReadOnlyList<CatalogEntry>> pending = Task.Run(() => read(limit.Token));
            Cache[key] = new CachedListing(now, null, pending);
            pending.ContinueWith(t =>
            {
                limit.Dispose();
                if (t.Status == TaskStatus.RanToCompletion)
                    Cache[key] = new CachedListing(DateTime.UtcNow, t.Result, null);
                else
                    Cache.TryRemove(key, out _);
            }, TaskScheduler.Default);
            return Wait(pending, timeBox);
        }

        private static IReadOnlyList<CatalogEntry>? Wait(Task<IReadOnlyList<CatalogEntry>> pending, TimeSpan timeBox)
        {
            try
            {
                return pending.Wait(timeBox) ? pending.Result : null;
            }
            catch (AggregateException)
            {
                return null;
            }
        }

        private sealed class CachedListing
        {
            public CachedListing(DateTime readAt, IReadOnlyList<CatalogEntry>? entries, Task<IReadOnlyList<CatalogEntry>>? pending)
            {
                ReadAt = readAt;
                Entries = entries;
                Pending = pending;
            }

            public DateTime ReadAt { get; }
            public IReadOnlyList<CatalogEntry>? Entries { get; }
            public Task<IReadOnlyList<CatalogEntry>>? Pending { get; }
        }
    }
}
