using System;
using System.Collections.Generic;
using System.Linq;

namespace ImageTools.Engine.Gateway
{
    /// <summary>What a run command answered: its statuses' codes and messages (StdOut / StdErr).</summary>
    internal sealed class GuestCommandResult
    {
        public string StdOut { get; set; } = "";
        public string StdErr { get; set; } = "";
        public string[] Codes { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Linux only: the status text before its [stdout]/[stderr] sections, e.g. "Enable succeeded:"
        /// or "Enable failed: failed to execute command: command terminated with exit status=1".
        /// </summary>
        public string Summary { get; set; } = "";
    }
}
