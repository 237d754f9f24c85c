using System;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Operations
{
    /// <summary>
    /// The pause between two reads of a guest or of a VM's power state while waiting for it to
    /// change: none before the first re-read, then 1 s doubling up to the longest pause allowed, and
    /// back to none when the reading changed. A guest that is done soon is seen soon; one that
    /// takes its time (Sysprep's minutes) is read at the longest interval, not a request a second.
    /// </summary>
    internal sealed class GuestPace
    {
        private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
        private readonly TimeSpan _longest;
        private int _waits;

        public GuestPace(TimeSpan longest)
        {
            _longest = longest < TimeSpan.Zero ? TimeSpan.Zero : longest;
        }

        /// <summary>The next pause (and counts it).</summary>
        public TimeSpan Next()
        {
            var n = _waits++;
            if (n == 0 || _longest == TimeSpan.Zero)
                return TimeSpan.Zero;
            var ticks = First.Ticks * Math.Pow(2, Math.Min(n - 1, 30));
            return ticks >= _longest.Ticks ? _longest : TimeSpan.FromTicks((long)ticks);
        }

        /// <summary>The reading changed: the next re-read comes at once again.</summary>
        public void Reset() => _waits = 0;

        /// <summary>Waits the next pause, promptly cancellable.</summary>
        public Task WaitAsync(CancellationToken ct)
        {
            var pause = Next();
            return pause > TimeSpan.Zero ? Task.Delay(pause, ct) : Task.Yield().AsTask(ct);
        }
    }
}
