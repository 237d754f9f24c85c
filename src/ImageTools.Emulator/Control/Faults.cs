using System.Text.RegularExpressions;

namespace ImageTools.Emulator.Control;

/// <summary>Injected faults. Thread-safe; consulted by the pipeline (status, drop) and by LRO creation (lroFailed, lroNeverEnds).</summary>
internal sealed class FaultStore
{
    public static readonly string[] Kinds = { "status", "drop", "lroFailed", "lroNeverEnds" };
    private readonly List<FaultRule> _rules = new();
    private readonly object _sync = new();
    private int _next;

    public string Add(FaultRule rule)
    {
        if (!Kinds.Contains(rule.Kind, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"Unknown fault kind '{rule.Kind}'. Known kinds: {string.Join(", ", Kinds)}.");
        if (rule.PathPattern is not null) _ = new Regex(rule.PathPattern); // validates
        if (rule.Probability is double p && (!double.IsFinite(p) || p < 0 || p > 1)) throw new ArgumentException("probability must be between 0 and 1.");
        if (rule.Status is < 100 or > 599) throw new ArgumentException($"status must be an HTTP status code from 100 to 599; got {rule.Status}.");
        if (rule.Count is < 0) throw new ArgumentException($"count must not be negative; got {rule.Count}.");
        if (rule.RetryAfterSeconds is double ra) TimingSettings.RequireSeconds("retryAfterSeconds", ra);
        if (rule.Kind.Equals("status", StringComparison.OrdinalIgnoreCase) && rule.Status is null) rule.Status = 500;
        lock (_sync)
        {
            rule.Id = "fault-" + Interlocked.Increment(ref _next);
            rule.Hits = 0;
            _rules.Add(rule);
            return rule.Id;
        }
    }

    public List<FaultRule> List() { lock (_sync) return _rules.ToList(); }

    public void Clear() { lock (_sync) _rules.Clear(); }

    public bool Remove(string id) { lock (_sync) return _rules.RemoveAll(r => r.Id == id) > 0; }

    /// <summary>Finds (and consumes one use of) the first rule of one of <paramref name="kinds"/> matching the request.</summary>
    public FaultRule? Take(string method, string path, Random random, params string[] kinds)
    {
        lock (_sync)
        {
            foreach (var rule in _rules)
            {
                if (!kinds.Contains(rule.Kind, StringComparer.OrdinalIgnoreCase)) continue;
                if (rule.Count is int c && rule.Hits >= c) continue;
                if (rule.Method is not null && !rule.Method.Equals(method, StringComparison.OrdinalIgnoreCase)) continue;
                if (rule.PathPattern is not null && !Regex.IsMatch(path, rule.PathPattern, RegexOptions.IgnoreCase)) continue;
                if (rule.Probability is double p)
                {
                    double draw;
                    lock (random) draw = random.NextDouble();
                    if (draw >= p) continue;
                }
                rule.Hits++;
                return rule;
            }
            return null;
        }
    }
}
