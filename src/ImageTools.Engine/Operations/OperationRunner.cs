using System;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Operations
{
    /// <summary>Prepare → review (the console answers each step) → Execute, for callers without PowerShell.</summary>
    public static class OperationRunner
    {
        public static async Task<T?> RunAsync<T>(Func<IOperationSink, CancellationToken, Task<PreparedOperation>> prepare, IOperationConsole console)
            where T : class
        {
            var prepared = await prepare(console, console.Cancellation).ConfigureAwait(false);
            if (!OperationReview.Review(prepared, console, console.IsWhatIf, console.Confirm))
                return null;
            return await prepared.ExecuteAsync(console, console.Cancellation).ConfigureAwait(false) as T;
        }
    }
}
