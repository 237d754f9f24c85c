using System;
using System.Collections.Generic;
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
        /// A fixed pause between two polls of a long-running operation. Null = the SDK's sequence
        /// (1,1,1,2,4,8... s). Either way the first poll waits for the Retry-After of the response
        /// that started the operation, every later one for the Retry-After of the poll before it,
        /// and no two polls are more than a minute apart. Replication of gallery versions is read
        /// with this pause too (default there: 5 s doubling to 60 s).
        /// </summary>
        public TimeSpan? PollingInterval { get; set; }

        /// <summary>The SDK's delay strategy for <see cref="PollingInterval"/> (the gateways' view of it).</summary>
        internal DelayStrategy PollingDelay => new Connection.LroPolling(PollingInterval);

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

        /// <summary>
        /// The longest pause between two reads of the guest's state (Sysprep progress, a busy run
        /// command, the agent, the power state): each wait re-reads at once, then after 1 s doubling
        /// up to this. Invoke-VmGeneralize -GuestPollInterval sets it for one run.
        /// </summary>
        public TimeSpan GuestPollInterval { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Pace requests by the budgets ARM reports on each answer (x-ms-ratelimit-remaining-*), so
        /// that a large fleet slows down before a budget is exhausted rather than meeting 429s.
        /// Null (default) = on against Azure, off against the emulator, which by default reports
        /// ARM's budgets without enforcing them (a client pacing by them would wait for nothing).
        /// </summary>
        public bool? PaceRequests { get; set; }

        /// <summary>
        /// The window of a request budget by its name (subscriptionReads, subscriptionWrites,
        /// subscriptionDeletes, PutVM3Min...), for a service whose windows are not ARM's (an emulator
        /// with its time scaled). Budgets not named here have ARM's: 3 or 30 minutes as the name says, else an hour.
        /// </summary>
        public IDictionary<string, TimeSpan> RateLimitWindows { get; set; } = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);

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
