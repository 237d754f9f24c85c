using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ImageTools.Engine.Catalog;

namespace ImageTools.Completion
{
    /// <summary>
    /// Tab completion over the engine's listings. The engine (ArgumentCompletion) time-boxes,
    /// caches and never throws; this only passes the parameters already typed and wraps the answers.
    /// </summary>
    public abstract class CatalogCompleter : IArgumentCompleter
    {
        // The kind's name, not the engine's enum: a value-type field of an engine type would make
        // this type unloadable while PowerShell scans ImageTools.dll, before the engine is reachable.
        private readonly string _kind;

        protected CatalogCompleter(string kind) => _kind = kind;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var bound = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (fakeBoundParameters != null)
                foreach (DictionaryEntry entry in fakeBoundParameters)
                    bound[Convert.ToString(entry.Key) ?? ""] = Convert.ToString(entry.Value is PSObject ps ? ps.BaseObject : entry.Value) ?? "";
            return ArgumentCompletion.Complete((CompletionKind)Enum.Parse(typeof(CompletionKind), _kind), wordToComplete, bound)
                .Select(item => new CompletionResult(item.CompletionText, item.ListItemText, CompletionResultType.ParameterValue,
                    item.ToolTip.Length > 0 ? item.ToolTip : item.ListItemText))
                .ToList();
        }
    }

    public sealed class ResourceGroupCompleter : CatalogCompleter
    {
        public ResourceGroupCompleter() : base(nameof(CompletionKind.ResourceGroup)) { }
    }

    public sealed class LocationCompleter : CatalogCompleter
    {
        public LocationCompleter() : base(nameof(CompletionKind.Location)) { }
    }

    /// <summary>Galleries of -GalleryResourceGroupName, or of the whole subscription.</summary>
    public sealed class GalleryCompleter : CatalogCompleter
    {
        public GalleryCompleter() : base(nameof(CompletionKind.Gallery)) { }
    }

    /// <summary>Image definitions of -GalleryName.</summary>
    public sealed class DefinitionCompleter : CatalogCompleter
    {
        public DefinitionCompleter() : base(nameof(CompletionKind.Definition)) { }
    }

    /// <summary>"auto" and the next versions after the highest of -GalleryName/-DefinitionName.</summary>
    public sealed class VersionCompleter : CatalogCompleter
    {
        public VersionCompleter() : base(nameof(CompletionKind.Version)) { }
    }
}
