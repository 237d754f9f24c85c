using System.Collections.Concurrent;

namespace ImageTools.Engine.Hosting
{
    /// <summary>
    /// Where nobody watches a progress bar (runbooks, non-interactive jobs), progress becomes
    /// verbose lines: one per change of an activity's status. Percentages alone make no new line;
    /// closing a bar whose status was already written adds none. Thread-safe.
    /// </summary>
    internal sealed class ProgressLines
    {
        private readonly ConcurrentDictionary<int, string> _last = new ConcurrentDictionary<int, string>();

        public bool ShouldWrite(OperationProgress progress)
        {
            string key = progress.Activity + "\u0000" + progress.Status;
            bool changed = true;
            _last.AddOrUpdate(progress.ActivityId, key, (_, old) =>
            {
                changed = old != key;
                return key;
            });
            return changed;
        }
    }
}
