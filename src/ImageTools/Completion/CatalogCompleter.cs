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
}
