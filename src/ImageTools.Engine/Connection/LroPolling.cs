using System;
using Azure;
using Azure.Core;

namespace ImageTools.Engine.Connection
{
    /// <summary>
    /// How the engine polls a long-running operation after the first poll (which
    /// <see cref="Gateway.ArmCall"/> holds back until the start response's Retry-After): the
    /// service's Retry-After when it sent one, otherwise a fixed interval or the SDK's own sequence
    /// (1, 1, 1, 2, 4, 8... s); never more than <see cref="MaxInterval"/> apart.
    /// </summary>
    internal sealed class LroPolling : DelayStrategy
    {
        /// <summary>The longest pause between two polls of one operation, whatever the service asks.</summary>
        public static readonly TimeSpan MaxInterval = TimeSpan.FromMinutes(1);

        private static readonly TimeSpan[] Sequence =
        {
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2),
            TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(32),
        };

        private readonly TimeSpan? _interval;

        /// <param name="interval">A fixed pause between polls; null for the sequence.</param>
        public LroPolling(TimeSpan? interval)
            : base(MaxInterval, interval.HasValue ? 0 : 0.2)
        {
            _interval = interval;
        }

        protected override TimeSpan GetNextDelayCore(Response? response, int retryNumber) =>
            _interval ?? Sequence[Math.Min(Math.Max(retryNumber, 1), Sequence.Length) - 1];

        /// <summary>
        /// The pause a response asks for before the next request: Retry-After (seconds or an HTTP
        /// date), or retry-after-ms / x-ms-retry-after-ms; zero when it asks for none. At most
        /// <see cref="MaxInterval"/>.
        /// </summary>
        public static TimeSpan RetryAfter(Response? response, DateTimeOffset now)
        {
            if (response == null)
                return TimeSpan.Zero;
            var asked = TimeSpan.Zero;
            if (response.Headers.TryGetValue("retry-after-ms", out var ms) || response.Headers.TryGetValue("x-ms-retry-after-ms", out ms))
            {
                if (double.TryParse(ms, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var millis) && millis > 0)
                    asked = TimeSpan.FromMilliseconds(millis);
            }
            else if (response.Headers.TryGetValue("Retry-After", out var value))
            {
                if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
                    asked = seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
                else if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
                    asked = at > now ? at - now : TimeSpan.Zero;
            }
            return asked > MaxInterval ? MaxInterval : asked;
        }
    }
}
