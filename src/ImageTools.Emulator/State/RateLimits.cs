using System.Globalization;
using System.Text.RegularExpressions;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.State;

/// <summary>A request refused because a budget is exhausted.</summary>
internal sealed record Throttle(string Policy, bool Subscription, int Limit, TimeSpan Window, int Measured, DateTimeOffset WindowStart, long RetryAfterSeconds)
{
    /// <summary>read | write | delete, for the subscription budgets.</summary>
    public string Kind => Policy switch { "subscriptionReads" => "read", "subscriptionDeletes" => "delete", _ => "write" };
}

/// <summary>What the budgets say about one request: the counter headers, and a throttle when one is exhausted.</summary>
internal sealed record Admission(IReadOnlyList<KeyValuePair<string, string>> Headers, Throttle? Throttled);

/// <summary>
/// ARM's request budgets (ARM-REFERENCE §3, Throttling): the subscription's reads, writes and deletes,
/// and Compute's per-policy virtual machine budgets (PutVM, LowCostGet, HighCostGet, 3 and 30 minutes).
/// Each admitted ARM request is counted in a sliding window per budget it falls under; the
/// x-ms-ratelimit-remaining-* headers report what is left after it. By default the budgets have
/// ARM's published sizes and only report. A budget set through PUT /_emulator/ratelimits is enforced:
/// a request that finds it exhausted is refused (429) and counts against nothing, with the seconds
/// until the oldest counted request leaves the window far enough for it to pass.
/// </summary>
internal sealed class RateLimits
{
    private sealed record Definition(string Name, int Limit, TimeSpan Window);

    private sealed class Budget
    {
        public required Definition Definition { get; init; }
        public int Limit { get; set; }
        public TimeSpan Window { get; set; }
        public bool Enforced { get; set; }
        public Queue<DateTimeOffset> Hits { get; } = new();
    }

    public const string SubscriptionReads = "subscriptionReads";
    public const string SubscriptionWrites = "subscriptionWrites";
    public const string SubscriptionDeletes = "subscriptionDeletes";

    private static readonly Definition[] Definitions =
    {
        new(SubscriptionReads, 12000, TimeSpan.FromHours(1)),
        new(SubscriptionWrites, 1200, TimeSpan.FromHours(1)),
        new(SubscriptionDeletes, 15000, TimeSpan.FromHours(1)),
        new("PutVM3Min", 240, TimeSpan.FromMinutes(3)), new("PutVM30Min", 1200, TimeSpan.FromMinutes(30)),
        new("LowCostGet3Min", 4000, TimeSpan.FromMinutes(3)), new("LowCostGet30Min", 32000, TimeSpan.FromMinutes(30)),
        new("HighCostGet3Min", 160, TimeSpan.FromMinutes(3)), new("HighCostGet30Min", 800, TimeSpan.FromMinutes(30)),
    };

    /// <summary>Every budget name the control API accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = Definitions.Select(d => d.Name).ToArray();

    private static readonly string[] PutVm = { "PutVM3Min", "PutVM30Min" };
    private static readonly string[] LowCostGet = { "LowCostGet3Min", "LowCostGet30Min" };
    private static readonly string[] HighCostGet = { "HighCostGet3Min", "HighCostGet30Min" };

    private const string Rg = @"^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.Compute/virtualMachines";
    private static readonly Regex OneVm = new(Rg + @"/[^/]+/?$", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex VmInstanceView = new(Rg + @"/[^/]+/instanceView/?$", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex VmListInGroup = new(Rg + @"/?$", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex VmListInSubscription = new(@"^/subscriptions/[^/]+/providers/Microsoft\.Compute/virtualMachines/?$", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private readonly object _sync = new();
    private readonly Dictionary<string, Budget> _budgets = new(StringComparer.OrdinalIgnoreCase);

    public RateLimits() => Reset();

    /// <summary>Back to ARM's sizes, reported only, every window empty.</summary>
    public void Reset()
    {
        lock (_sync)
        {
            _budgets.Clear();
            foreach (var d in Definitions) _budgets[d.Name] = new Budget { Definition = d, Limit = d.Limit, Window = d.Window };
        }
    }

    /// <summary>Every budget with its limit, window and whether it is enforced.</summary>
    public RateLimitSettings Settings()
    {
        lock (_sync)
        {
            var settings = new RateLimitSettings();
            foreach (var d in Definitions)
            {
                var b = _budgets[d.Name];
                settings.Policies[d.Name] = new RateLimitPolicy { Limit = b.Limit, WindowSeconds = b.Window.TotalSeconds, Enforced = b.Enforced };
            }
            return settings;
        }
    }

    /// <summary>
    /// Replaces the settings: every budget given is set (enforced unless <c>enforced: false</c>), every
    /// other one goes back to ARM's size, reported only; all windows start empty. Throws
    /// <see cref="ArgumentException"/> for an unknown budget, a limit below 1 or a window outside 0–24 h.
    /// </summary>
    public RateLimitSettings Set(RateLimitSettings settings)
    {
        var given = settings.Policies ?? new();
        foreach (var (name, policy) in given)
        {
            if (!Names.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"Unknown rate-limit policy '{name}'. Known policies: {string.Join(", ", Names)}.");
            if (policy is null) throw new ArgumentException($"Policy '{name}' needs a limit and a windowSeconds.");
            if (policy.Limit < 1) throw new ArgumentException($"{name}.limit must be at least 1; got {policy.Limit}.");
            if (!double.IsFinite(policy.WindowSeconds) || policy.WindowSeconds <= 0 || policy.WindowSeconds > TimingSettings.MaxSeconds)
                throw new ArgumentException($"{name}.windowSeconds must be more than 0 and at most {TimingSettings.MaxSeconds:0} (24 h); got {policy.WindowSeconds.ToString(CultureInfo.InvariantCulture)}.");
        }
        lock (_sync)
        {
            Reset();
            foreach (var (name, policy) in given)
            {
                var b = _budgets[name];
                b.Limit = policy.Limit;
                b.Window = TimeSpan.FromSeconds(policy.WindowSeconds);
                b.Enforced = policy.Enforced ?? true;
            }
        }
        return Settings();
    }

    /// <summary>
    /// Admits one request: refuses it when an enforced budget it falls under is exhausted (nothing is
    /// counted then), otherwise counts it in each of them. Returns the counter headers either way.
    /// With <paramref name="enforce"/> false the request is counted and never refused.
    /// </summary>
    public Admission Admit(string method, string path, string? expand, DateTimeOffset now, bool enforce = true)
    {
        lock (_sync)
        {
            var subscription = _budgets[method switch
            {
                "GET" or "HEAD" => SubscriptionReads,
                "DELETE" => SubscriptionDeletes,
                _ => SubscriptionWrites,
            }];
            var compute = ComputePolicies(method, path, expand)?.Select(n => _budgets[n]).ToArray() ?? Array.Empty<Budget>();
            var all = compute.Prepend(subscription).ToArray();
            foreach (var b in all) Prune(b, now);

            Throttle? throttle = null;
            if (enforce)
            {
                var exhausted = all.Where(b => b.Enforced && b.Hits.Count >= b.Limit).Select(b => (Budget: b, Wait: Wait(b, now))).ToList();
                if (exhausted.Count > 0)
                {
                    // ARM's front door refuses before Compute sees the request; the wait covers every exhausted budget.
                    var reported = exhausted.FirstOrDefault(e => e.Budget == subscription);
                    if (reported.Budget is null) reported = exhausted.MaxBy(e => e.Wait);
                    var seconds = (long)Math.Max(1, Math.Ceiling(exhausted.Max(e => e.Wait).TotalSeconds));
                    var b = reported.Budget!;
                    throttle = new Throttle(b.Definition.Name, b == subscription, b.Limit, b.Window, b.Hits.Count + 1, b.Hits.Peek(), seconds);
                }
            }
            if (throttle is null) foreach (var b in all) b.Hits.Enqueue(now);

            var headers = new List<KeyValuePair<string, string>>
            {
                new("x-ms-ratelimit-remaining-subscription-" + subscription.Definition.Name["subscription".Length..].ToLowerInvariant(), Remaining(subscription)),
            };
            if (compute.Length > 0)
                headers.Add(new("x-ms-ratelimit-remaining-resource", string.Join(",", compute.Select(b => $"Microsoft.Compute/{b.Definition.Name};{Remaining(b)}"))));
            return new Admission(headers, throttle);
        }
    }

    private static string[]? ComputePolicies(string method, string path, string? expand)
    {
        if (method is "PUT" or "PATCH") return OneVm.IsMatch(path) ? PutVm : null;
        if (method != "GET") return null;
        if (VmInstanceView.IsMatch(path) || VmListInSubscription.IsMatch(path)) return HighCostGet;
        if (OneVm.IsMatch(path)) return string.Equals(expand, "instanceView", StringComparison.OrdinalIgnoreCase) ? HighCostGet : LowCostGet;
        if (VmListInGroup.IsMatch(path)) return LowCostGet;
        return null;
    }

    private static void Prune(Budget b, DateTimeOffset now)
    {
        while (b.Hits.Count > 0 && now - b.Hits.Peek() >= b.Window) b.Hits.Dequeue();
    }

    /// <summary>Time until enough counted requests leave the window for one more to fit.</summary>
    private static TimeSpan Wait(Budget b, DateTimeOffset now) => b.Hits.ElementAt(b.Hits.Count - b.Limit) + b.Window - now;

    private static string Remaining(Budget b) => Math.Max(0, b.Limit - b.Hits.Count).ToString(CultureInfo.InvariantCulture);
}
