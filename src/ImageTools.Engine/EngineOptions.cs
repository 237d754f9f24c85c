using System;
using Azure.Core;

namespace ImageTools.Engine
{
    /// <summary>
    /// Timing knobs of one engine session. The defaults suit Azure; tests pass zero delays and
    /// short timeouts. Request retries (408/429/5xx, honouring Retry-After) and long-running
    /// operation polling are Azure.Core's; these settings only configure them.
    /// </summary>
    public sealed class EngineOptions
    {
        /// <summary>
        /// A fixed pause between two polls of a long-running operation. Null = Azure.Core's own
        /// sequence (first poll at once, then 1,1,1,2,4,8... s); Retry-After from the service is
        /// honoured either way. Replication of gallery versions is read with this pause too
        /// (default there: 5 s doubling to 60 s).
        /// </summary>
        public TimeSpan? PollingInterval { get; set; }

        /// <summary>The SDK's delay strategy for <see cref="PollingInterval"/> (the gateways' view of it).</summary>
        internal DelayStrategy? PollingDelay =>
            PollingInterval is TimeSpan interval ? DelayStrategy.CreateFixedDelayStrategy(interval) : null;

        /// <summary>
        /// Request retries of the SDK pipeline on 408/429/500/502/503/504 and dropped connections.
        /// Ten rides out a throttling storm (a 30 % share of 429s fails one request in 170,000 at 10).
        /// </summary>
        public int MaxRetries { get; set; } = 10;

        /// <summary>First back-off of the SDK retry policy (exponential; a longer Retry-After from the service wins).</summary>
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>The longest any single Azure long-running operation (deallocate, snapshot, image...) may take.</summary>
        public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(60);

        /// <summary>Pause between two reads of the guest's state (Sysprep progress, a busy run command, shutdown).</summary>
        public TimeSpan GuestPollInterval { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Options for tests and rehearsals: poll at once, retry quickly.</summary>
        public static EngineOptions Fast() => new EngineOptions
        {
            PollingInterval = TimeSpan.Zero,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            GuestPollInterval = TimeSpan.Zero,
            OperationTimeout = TimeSpan.FromSeconds(30),
        };
    }
}
