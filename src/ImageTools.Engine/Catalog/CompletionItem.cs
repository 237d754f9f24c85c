using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Catalog
{
    /// <summary>One tab-completion answer: the text inserted (quoted when needed), the list label and a tooltip.</summary>
    public sealed class CompletionItem
    {
        public CompletionItem(string completionText, string listItemText, string toolTip)
        {
            CompletionText = completionText;
            ListItemText = listItemText;
            ToolTip = toolTip;
        }

        public string CompletionText { get; }
        public string ListItemText { get; }
        public string ToolTip { get; }

        public override string ToString() => CompletionText;
    }
}
