using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules
{
    internal static class Preflight
    {
        public static PreflightResult Evaluate<TFacts>(IEnumerable<Rule<TFacts>> rules, TFacts facts) =>
            new PreflightResult(rules.Select(r => r.Evaluate(facts)).Where(f => f != null).Select(f => f!).ToList());
    }
}
