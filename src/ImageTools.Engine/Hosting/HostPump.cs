using System;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Hosting
{
    /// <summary>
    /// Runs async, parallel engine work while keeping every host call on one thread.
    /// PowerShell allows WriteObject, WriteError, ShouldProcess and WriteProgress only on the
    /// pipeline thread, but the engine runs on the thread pool and fans out. The pump gives the
    /// engine a proxy host that queues each call; the thread that called <see cref="Run{T}"/>
    /// (the cmdlet's) drains the queue, forwards each call to the real host, hands ShouldProcess
    /// answers back to the waiting engine thread, and returns when the work completes.
    /// <see cref="Cancel"/> (from StopProcessing, any thread) signals the engine's token.
    /// </summary>
    public sealed class HostPump : IDisposable
    {
        private readonly IOperationHost _target;
        private readonly BlockingCollection<Action> _queue = new BlockingCollection<Action>();
        private readonly CancellationTokenSource _cancellation;
        private readonly bool _interactive;
        private readonly bool _whatIf;
        private int _pumpThreadId = -1;
        private ExceptionDispatchInfo? _hostFailure;

        /// <param name="target">The real host; touched only on the thread that calls Run.</param>
        public HostPump(IOperationHost target)
        {
            _target = target ?? throw new ArgumentNullException(nameof(target));
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(target.Cancellation);
            _interactive = target.IsInteractive;
            _whatIf = target.IsWhatIf;
            Proxy = new ProxyHost(this);
        }

        /// <summary>The host to give the engine; safe to call from any thread.</summary>
        public IOperationHost Proxy { get; }

        /// <summary>Signalled when Cancel is called or the target's own token fires.</summary>
        public CancellationToken Cancellation => _cancellation.Token;

        /// <summary>Stops the work: signals the engine's token. Safe from any thread, any number of times.</summary>
        public void Cancel()
        {
            try { _cancellation.Cancel(); }
            catch (ObjectDisposedException) { }
        }

        /// <summary>Runs work that has no result. See <see cref="Run{T}"/>.</summary>
        public void Run(Func<IOperationHost, Task> work)
        {
            if (work == null) throw new ArgumentNullException(nameof(work));
            Run<object?>(async host => { await work(host).ConfigureAwait(false); return null; });
        }

        /// <summary>
        /// Starts the work on the thread pool with the proxy host, drains host calls on this
        /// thread until the work completes, then returns its result or rethrows its exception
        /// (unwrapped, stack trace kept). When a call on the real host throws (PowerShell's
        /// PipelineStoppedException, for instance), the work is cancelled and, once it has ended,
        /// that exception is rethrown here.
        /// </summary>
        public T Run<T>(Func<IOperationHost, Task<T>> work)
        {
            if (work == null) throw new ArgumentNullException(nameof(work));
            if (Interlocked.CompareExchange(ref _pumpThreadId, Environment.CurrentManagedThreadId, -1) != -1)
                throw new InvalidOperationException("A HostPump runs one piece of work, once.");

            Task<T> task = Task.Run(() => work(Proxy));
            // Completing the queue wakes the drain loop once the work has ended, whatever way.
            task.ContinueWith(_ => _queue.CompleteAdding(), TaskScheduler.Default);

            foreach (Action call in _queue.GetConsumingEnumerable())
                call();

            _hostFailure?.Throw();
            try
            {
                return task.GetAwaiter().GetResult();
            }
            finally
            {
                _pumpThreadId = -2;
            }
        }

        public void Dispose()
        {
            _queue.Dispose();
            _cancellation.Dispose();
        }

        private bool OnPumpThread => Environment.CurrentManagedThreadId == _pumpThreadId;

        /// <summary>Queues a call and returns once it has run on the pump thread, with its result.</summary>
        private TResult Invoke<TResult>(Func<IOperationHost, TResult> call)
        {
            if (OnPumpThread)
                return call(_target);

            var answer = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!TryEnqueue(() =>
                {
                    try { answer.SetResult(call(_target)); }
                    catch (Exception ex) { answer.SetException(ex); }
                }))
                throw new InvalidOperationException("The host pump has finished; its host can no longer be called.");
            return answer.Task.GetAwaiter().GetResult();
        }

        /// <summary>Queues a write that needs no answer. A failure on the real host stops the work.</summary>
        private void Post(Action<IOperationHost> call)
        {
            if (OnPumpThread)
            {
                call(_target);
                return;
            }

            TryEnqueue(() =>
            {
                if (_hostFailure != null)
                    return;
                try { call(_target); }
                catch (Exception ex)
                {
                    _hostFailure = ExceptionDispatchInfo.Capture(ex);
                    Cancel();
                }
            });
        }

        private bool TryEnqueue(Action item)
        {
            // Fails once the work has ended (adding completed) or the pump was disposed.
            try { return _queue.TryAdd(item); }
            catch (InvalidOperationException) { return false; }
        }

        /// <summary>What the engine holds: every member is safe from any thread.</summary>
        private sealed class ProxyHost : IOperationHost
        {
            private readonly HostPump _pump;

            public ProxyHost(HostPump pump) => _pump = pump;

            public bool IsWhatIf => _pump._whatIf;
            public bool IsInteractive => _pump._interactive;
            public CancellationToken Cancellation => _pump.Cancellation;

            public bool ShouldProcess(string target, string action) =>
                _pump.Invoke(host => host.ShouldProcess(target, action));

            public bool ConfirmHighImpact(string target, string action) =>
                _pump.Invoke(host => host.ConfirmHighImpact(target, action));

            public void WriteVerbose(string message) => _pump.Post(host => host.WriteVerbose(message));
            public void WriteWarning(string message) => _pump.Post(host => host.WriteWarning(message));
            public void WriteObject(object item) => _pump.Post(host => host.WriteObject(item));
            public void WriteError(ImageToolsException error) => _pump.Post(host => host.WriteError(error));

            /// <summary>Non-interactive hosts (runbooks) get a verbose line per status change instead of a bar.</summary>
            public void WriteProgress(OperationProgress progress)
            {
                if (_pump._interactive)
                    _pump.Post(host => host.WriteProgress(progress));
                else if (_pump._progressLines.ShouldWrite(progress))
                    _pump.Post(host => host.WriteVerbose(progress.ToString()));
            }
        }

        private readonly ProgressLines _progressLines = new ProgressLines();
    }
}
