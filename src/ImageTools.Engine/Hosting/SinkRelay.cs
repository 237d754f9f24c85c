using System;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace ImageTools.Engine.Hosting
{
    /// <summary>
    /// Runs sink-writing work on the thread pool and delivers its writes, in order, on the
    /// calling thread (a cmdlet's pipeline thread). One way: nothing is asked back. When a
    /// delivery throws (PowerShell's PipelineStoppedException), <c>stop</c> is called, later
    /// writes are dropped, and that exception is rethrown once the work has ended.
    /// </summary>
    public static class SinkRelay
    {
        public static T Run<T>(Func<IOperationSink, Task<T>> work, IOperationSink target, Action stop)
        {
            if (work == null) throw new ArgumentNullException(nameof(work));
            using var queue = new BlockingCollection<Action<IOperationSink>>();
            var relay = new QueueSink(queue);
            Task<T> task = Task.Run(() => work(relay));
            task.ContinueWith(_ => queue.CompleteAdding(), TaskScheduler.Default);

            ExceptionDispatchInfo? failure = null;
            foreach (var write in queue.GetConsumingEnumerable())
            {
                if (failure != null)
                    continue;
                try { write(target); }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                    stop();
                }
            }
            failure?.Throw();
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Queues each write; writes after the work ended are dropped. Thread-safe.</summary>
        private sealed class QueueSink : IOperationSink
        {
            private readonly BlockingCollection<Action<IOperationSink>> _queue;

            public QueueSink(BlockingCollection<Action<IOperationSink>> queue) => _queue = queue;

            public void WriteVerbose(string message) => Post(s => s.WriteVerbose(message));
            public void WriteWarning(string message) => Post(s => s.WriteWarning(message));
            public void WriteProgress(OperationProgress progress) => Post(s => s.WriteProgress(progress));
            public void WriteObject(object item) => Post(s => s.WriteObject(item));
            public void WriteError(ImageToolsException error) => Post(s => s.WriteError(error));

            private void Post(Action<IOperationSink> write)
            {
                try { _queue.TryAdd(write); }
                catch (InvalidOperationException) { } // the work ended (adding completed) or the queue was disposed
            }
        }
    }
}
