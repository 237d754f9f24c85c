using System;
using System.Collections.Generic;
using System.Linq;

namespace ImageTools.Engine.Connection
{
    /// <summary>
    /// What the client knows of one of ARM's request budgets (a subscription's reads, writes or
    /// deletes, or one of Compute's policies such as PutVM3Min): its sliding window, the size it is
    /// seen to have (what the service reports left plus the requests this client has in the window;
    /// the smallest of the last few readings, so other clients' use only makes it smaller), the
    /// requests this client sent that are still in the window and those not yet answered.
    /// Not thread-safe: <see cref="ArmRatePacer"/> holds its lock.
    /// </summary>
    internal sealed class RateBudget
    {
        private const int Readings = 8;
        private readonly Queue<DateTimeOffset> _hits = new Queue<DateTimeOffset>();
        private readonly Queue<int> _sizes = new Queue<int>();

        public RateBudget(string name, TimeSpan window)
        {
            Name = name;
            Window = window;
        }

        public string Name { get; }
        public TimeSpan Window { get; }

        /// <summary>Requests admitted under this budget and not answered yet.</summary>
        public int InFlight { get; set; }

        /// <summary>The budget's size as seen; null until the service reported it.</summary>
        public int? Size => _sizes.Count == 0 ? (int?)null : _sizes.Min();

        /// <summary>This client's answered requests still in the window at <paramref name="now"/>.</summary>
        public int Used(DateTimeOffset now)
        {
            while (_hits.Count > 0 && _hits.Peek() + Window <= now)
                _hits.Dequeue();
            return _hits.Count;
        }

        /// <summary>Room for one more request now, keeping <paramref name="reserve"/> requests for others (one request always fits).</summary>
        public bool HasRoom(DateTimeOffset now, int reserve) => Size is not int size || Used(now) + InFlight < Math.Max(1, size - reserve);

        /// <summary>When the oldest of this client's requests leaves the window (a slot frees); null when none is in it.</summary>
        public DateTimeOffset? NextSlot(DateTimeOffset now) => Used(now) > 0 ? _hits.Peek() + Window : (DateTimeOffset?)null;

        /// <summary>The answer to a request admitted under this budget arrived.</summary>
        public void Release() => InFlight = Math.Max(0, InFlight - 1);

        /// <summary>
        /// The service reported this budget on an answer: the request is counted (unless it was
        /// refused) and what it says is left is kept as a reading of the budget's size.
        /// </summary>
        public void Record(DateTimeOffset now, int remaining, bool counted)
        {
            if (counted)
                _hits.Enqueue(now);
            _sizes.Enqueue(remaining + Used(now));
            while (_sizes.Count > Readings)
                _sizes.Dequeue();
        }

        /// <summary>
        /// The window of a budget by its name: Compute's policies end in 3Min or 30Min; the
        /// subscription's reads, writes and deletes are counted per hour. A window set in
        /// <paramref name="overrides"/> wins.
        /// </summary>
        public static TimeSpan WindowOf(string name, IDictionary<string, TimeSpan>? overrides)
        {
            if (overrides != null && overrides.TryGetValue(name, out var set))
                return set;
            if (name.EndsWith("30Min", StringComparison.OrdinalIgnoreCase))
                return TimeSpan.FromMinutes(30);
            if (name.EndsWith("3Min", StringComparison.OrdinalIgnoreCase))
                return TimeSpan.FromMinutes(3);
            return TimeSpan.FromHours(1);
        }
    }
}
