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
        /// How long-running operations are polled. Null = Azure.Core's default sequence
        /// (1,1,1,2,4,8... s); Retry-After from the service is always honoured.
        /// </summary>
        public DelayStrategy? PollingDelay { get; set; }

        /// <summary>Request retries of the SDK pipeline on 408/429/500/502/503/504 and dropped connections.</summary>
        public int MaxRetries { get; set; } = 5;

        /// <summary>First back-off of the SDK retry policy (exponential; Retry-After wins when sent).</summary>
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>The longest any single Azure long-running operation (deallocate, snapshot, image...) may take.</summary>
        public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(60);

        /// <summary>Pause between two reads of the guest's state (Sysprep progress, a busy run command, shutdown).</summary>
        public TimeSpan GuestPollInterval { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Options for tests and rehearsals: poll at once, retry quickly.</summary>
        public static EngineOptions Fast() => new EngineOptions
        {
            PollingDelay = DelayStrategy.CreateFixedDelayStrategy(TimeSpan.Zero),
            RetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            GuestPollInterval = TimeSpan.Zero,
            OperationTimeout = TimeSpan.FromSeconds(30),
        };
    }
}
