using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ImageTools.Engine.Connection
{
    /// <summary>
    /// Paces the session's ARM requests by the budgets ARM reports on every answer
    /// (x-ms-ratelimit-remaining-subscription-reads/writes/deletes and Compute's
    /// x-ms-ratelimit-remaining-resource policies such as PutVM3Min): a request waits while one
    /// of the budgets it falls under has no room left for it (counting the requests still in
    /// flight), until the oldest of this client's requests leaves that budget's window. A large
    /// fleet therefore slows down to the rate the budget allows before it is exhausted, instead of
    /// meeting 429s. Which budgets a kind of request (method, resource type, $expand) falls under is
    /// learned from its first answer; until then one request of that kind is in flight at a time.
    /// </summary>
    internal sealed class ArmRatePacer : HttpPipelinePolicy
    {
        private const string SubscriptionHeader = "x-ms-ratelimit-remaining-subscription-";
        private const string ResourceHeader = "x-ms-ratelimit-remaining-resource";

        /// <summary>Requests left to other clients of the subscription in every budget.</summary>
        private const int Reserve = 1;

        private readonly object _sync = new object();
        private readonly Dictionary<string, RateBudget> _budgets = new Dictionary<string, RateBudget>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, HashSet<string>> _learned = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _learning = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly IDictionary<string, TimeSpan>? _windows;
        private readonly Func<DateTimeOffset> _clock;

        public ArmRatePacer(IDictionary<string, TimeSpan>? windows, Func<DateTimeOffset>? clock = null)
        {
            _windows = windows;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>How many requests waited for room in a budget (for tests and the bench).</summary>
        public int Paced => Volatile.Read(ref _paced);
        private int _paced;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var kind = KindOf(message.Request);
            var admitted = await AdmitAsync(kind, message.Request.Method, message.CancellationToken).ConfigureAwait(false);
            try
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            }
            finally
            {
                Answered(kind, message.Request.Method, admitted, message.HasResponse ? message.Response : null);
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var kind = KindOf(message.Request);
            var admitted = AdmitAsync(kind, message.Request.Method, message.CancellationToken).AsTask().GetAwaiter().GetResult();
            try
            {
                ProcessNext(message, pipeline);
            }
            finally
            {
                Answered(kind, message.Request.Method, admitted, message.HasResponse ? message.Response : null);
            }
        }

        private async ValueTask<List<RateBudget>> AdmitAsync(string kind, RequestMethod method, CancellationToken ct)
        {
            var waited = false;
            while (true)
            {
                TimeSpan wait;
                lock (_sync)
                {
                    var now = _clock();
                    var known = _learned.TryGetValue(kind, out var names);
                    if (known || !_learning.Contains(kind))
                    {
                        var budgets = (known ? names! : new HashSet<string> { SubscriptionBudget(method) }).Select(Budget).ToList();
                        var full = budgets.Where(b => !b.HasRoom(now, Reserve)).ToList();
                        if (full.Count == 0)
                        {
                            if (!known)
                                _learning.Add(kind);
                            foreach (var b in budgets)
                                b.InFlight++;
                            if (waited)
                                Interlocked.Increment(ref _paced);
                            return budgets;
                        }
                        wait = full.Select(b => WaitFor(b, now)).Max();
                    }
                    else
                    {
                        // The first request of this kind is out: its answer says which budgets the kind uses.
                        wait = TimeSpan.FromMilliseconds(20);
                    }
                }
                waited = true;
                await Task.Delay(wait, ct).ConfigureAwait(false);
            }
        }

        private static TimeSpan WaitFor(RateBudget budget, DateTimeOffset now)
        {
            // Until this client's oldest request leaves the window; with none of ours in it, the
            // others' use is unknown: wait a share of the window that the size would allow per request.
            var slot = budget.NextSlot(now);
            var wait = slot is DateTimeOffset at ? at - now : TimeSpan.FromTicks(budget.Window.Ticks / Math.Max(1, budget.Size ?? 1));
            return wait < TimeSpan.FromMilliseconds(5) ? TimeSpan.FromMilliseconds(5) : wait;
        }

        private void Answered(string kind, RequestMethod method, List<RateBudget> admitted, Response? response)
        {
            lock (_sync)
            {
                var now = _clock();
                foreach (var b in admitted)
                    b.Release();
                _learning.Remove(kind);
                if (response == null)
                    return;
                var counted = response.Status != 429;
                var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var header in response.Headers)
                {
                    if (header.Name.StartsWith(SubscriptionHeader, StringComparison.OrdinalIgnoreCase))
                        Report(reported, "subscription" + Capitalized(header.Name.Substring(SubscriptionHeader.Length)), header.Value, now, counted);
                    else if (string.Equals(header.Name, ResourceHeader, StringComparison.OrdinalIgnoreCase))
                        foreach (var policy in header.Value.Split(','))
                        {
                            // Microsoft.Compute/PutVM3Min;239
                            var parts = policy.Split(';');
                            if (parts.Length == 2)
                                Report(reported, parts[0].Substring(parts[0].LastIndexOf('/') + 1).Trim(), parts[1], now, counted);
                        }
                }
                // Learned from this answer even when it reported nothing (then the method's subscription
                // budget stands for it), so that a kind is never held to one request at a time for long.
                if (!_learned.TryGetValue(kind, out var names))
                    _learned[kind] = names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                names.UnionWith(reported.Count > 0 ? reported : new HashSet<string> { SubscriptionBudget(method) });
            }
        }

        private void Report(HashSet<string> reported, string name, string value, DateTimeOffset now, bool counted)
        {
            if (name.Length == 0 || !int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
                return;
            Budget(name).Record(now, remaining, counted);
            reported.Add(name);
        }

        private RateBudget Budget(string name)
        {
            if (!_budgets.TryGetValue(name, out var budget))
                _budgets[name] = budget = new RateBudget(name, RateBudget.WindowOf(name, _windows));
            return budget;
        }

        private static string SubscriptionBudget(RequestMethod method) =>
            method == RequestMethod.Get || method == RequestMethod.Head ? "subscriptionReads"
            : method == RequestMethod.Delete ? "subscriptionDeletes" : "subscriptionWrites";

        private static string Capitalized(string suffix) =>
            string.Concat(suffix.Split('-').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));

        /// <summary>
        /// A request's kind: its method, the resource types of its path without the names
        /// (…/providers/Microsoft.Compute/virtualMachines, …/virtualMachines/runCommand) and its $expand.
        /// </summary>
        internal static string KindOf(Request request)
        {
            var segments = request.Uri.Path.Trim('/').Split('/');
            var kind = new System.Text.StringBuilder(request.Method.Method);
            for (var i = 0; i < segments.Length; i += 2)
            {
                if (string.Equals(segments[i], "providers", StringComparison.OrdinalIgnoreCase) && i + 1 < segments.Length)
                {
                    kind.Append("/providers/").Append(segments[i + 1]);
                    continue;
                }
                kind.Append('/').Append(segments[i]);
            }
            var query = request.Uri.Query.Replace("%24", "$");
            if (query.IndexOf("$expand=", StringComparison.OrdinalIgnoreCase) is var at && at >= 0)
                kind.Append('?').Append(query.Substring(at).Split('&')[0]);
            return kind.ToString().ToLowerInvariant();
        }
    }
}
