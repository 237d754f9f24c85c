using System.Globalization;
using System.Text.RegularExpressions;

namespace ImageTools.Emulator.State;

/// <summary>
/// ARM's remaining-request counters (ARM-REFERENCE §3, Throttling): the subscription's reads, writes
/// and deletes per hour, and Compute's per-policy counters for virtual machine PUTs and GETs. Each ARM
/// request is counted in a sliding window; the headers report what is left after it. The counters only
/// report: throttling itself is injected through faults.
/// </summary>
internal sealed class RateLimits
{
    private sealed record Policy(string Name, int Limit, TimeSpan Window);

    private static readonly Policy SubscriptionReads = new("reads", 12000, TimeSpan.FromHours(1));
    private static readonly Policy SubscriptionWrites = new("writes", 1200, TimeSpan.FromHours(1));
    private static readonly Policy SubscriptionDeletes = new("deletes", 15000, TimeSpan.FromHours(1));
    private static readonly Policy[] PutVm = { new("PutVM3Min", 240, TimeSpan.FromMinutes(3)), new("PutVM30Min", 1200, TimeSpan.FromMinutes(30)) };
    private static readonly Policy[] LowCostGet = { new("LowCostGet3Min", 4000, TimeSpan.FromMinutes(3)), new("LowCostGet30Min", 32000, TimeSpan.FromMinutes(30)) };
    private static readonly Policy[] HighCostGet = { new("HighCostGet3Min", 160, TimeSpan.FromMinutes(3)), new("HighCostGet30Min", 800, TimeSpan.FromMinutes(30)) };

    private const string Rg = @"^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.Compute/virtualMachines";
    private static readonly Regex OneVm = new(Rg + @"/[^/]+/?$", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex VmInstanceView = new(Rg + @"/[^/]+/instanceView/?$", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex VmListInGroup = new(Rg + @"/?$", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex VmListInSubscription = new(@"^/subscriptions/[^/]+/providers/Microsoft\.Compute/virtualMachines/?$", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private readonly object _sync = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _hits = new(StringComparer.Ordinal);

    public void Reset()
    {
        lock (_sync) _hits.Clear();
    }

    /// <summary>Counts one request and returns the headers that report the counters it touched.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Count(string method, string path, string? expand, DateTimeOffset now)
    {
        var headers = new List<KeyValuePair<string, string>>();
        lock (_sync)
        {
            var subscription = method switch
            {
                "GET" or "HEAD" => SubscriptionReads,
                "DELETE" => SubscriptionDeletes,
                _ => SubscriptionWrites,
            };
            headers.Add(new("x-ms-ratelimit-remaining-subscription-" + subscription.Name, Remaining(subscription, now).ToString(CultureInfo.InvariantCulture)));

            var policies = ComputePolicies(method, path, expand);
            if (policies is not null)
                headers.Add(new("x-ms-ratelimit-remaining-resource",
                    string.Join(",", policies.Select(p => $"Microsoft.Compute/{p.Name};{Remaining(p, now).ToString(CultureInfo.InvariantCulture)}"))));
        }
        return headers;
    }

    private static Policy[]? ComputePolicies(string method, string path, string? expand)
    {
        if (method is "PUT" or "PATCH") return OneVm.IsMatch(path) ? PutVm : null;
        if (method != "GET") return null;
        if (VmInstanceView.IsMatch(path) || VmListInSubscription.IsMatch(path)) return HighCostGet;
        if (OneVm.IsMatch(path)) return string.Equals(expand, "instanceView", StringComparison.OrdinalIgnoreCase) ? HighCostGet : LowCostGet;
        if (VmListInGroup.IsMatch(path)) return LowCostGet;
        return null;
    }

    private int Remaining(Policy policy, DateTimeOffset now)
    {
        if (!_hits.TryGetValue(policy.Name, out var hits)) _hits[policy.Name] = hits = new Queue<DateTimeOffset>();
        while (hits.Count > 0 && now - hits.Peek() >= policy.Window) hits.Dequeue();
        hits.Enqueue(now);
        return Math.Max(0, policy.Limit - hits.Count);
    }
}
