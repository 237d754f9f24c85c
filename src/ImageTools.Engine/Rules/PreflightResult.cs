using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules
{
    /// <summary>Every applicable rule evaluated over the facts read before any write.</summary>
    internal sealed class PreflightResult
    {
        public PreflightResult(IReadOnlyList<Finding> findings) => Findings = findings;

        public IReadOnlyList<Finding> Findings { get; }
        public IReadOnlyList<Finding> Refusals => Findings.Where(f => f.Severity == FindingSeverity.Refusal).ToList();
        public IReadOnlyList<Finding> Warnings => Findings.Where(f => f.Severity == FindingSeverity.Warning).ToList();
        public Finding? AlreadyDone => Findings.FirstOrDefault(f => f.Severity == FindingSeverity.AlreadyDone);

        public PreflightResult Add(PreflightResult more) => new PreflightResult(Findings.Concat(more.Findings).ToList());

        /// <summary>Reports the findings found while executing: warnings to the sink, then every refusal at once as one exception.</summary>
        public void Report(IOperationSink sink)
        {
            foreach (var warning in Warnings)
                sink.WriteWarning(warning.Message + (warning.Remedy != null ? " " + warning.Remedy : ""));
            var refusals = Refusals;
            if (refusals.Count > 0)
                throw new PreflightException(refusals);
        }
    }
}
