using System.Runtime.InteropServices;

namespace ImageTools.Emulator;

/// <summary>
/// The signals that stop the emulator process: SIGTERM, SIGINT (Ctrl+C) and SIGQUIT (on Windows:
/// Ctrl+C, Ctrl+Break and console close/shutdown, which .NET maps onto the same names).
/// </summary>
internal static class ShutdownSignals
{
    private static readonly PosixSignal[] Handled = { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT };

    /// <summary>
    /// A process started in the background by a non-interactive shell (<c>emulator &amp;</c>, nohup,
    /// some CI runners) inherits SIGINT and SIGQUIT as ignored, and .NET keeps ignored signals
    /// ignored: neither Console.CancelKeyPress nor a PosixSignalRegistration would ever see them.
    /// This puts inherited "ignore" dispositions of the handled signals back to the default, so the
    /// registrations made next take effect. It must run before anything initialises .NET's signal
    /// handling (the first use of Console, Process or PosixSignalRegistration), so first in Main.
    /// </summary>
    public static void RestoreInheritedIgnored()
    {
        if (OperatingSystem.IsWindows()) return;
        foreach (var number in new[] { SigTerm, SigInt, SigQuit })
        {
            try
            {
                // Only the handler field (the first of struct sigaction on glibc, musl and macOS) is read;
                // the buffer is larger than any of those structs.
                var old = Marshal.AllocHGlobal(512);
                try
                {
                    if (sigaction(number, IntPtr.Zero, old) != 0 || Marshal.ReadIntPtr(old) != SigIgn) continue;
                }
                finally { Marshal.FreeHGlobal(old); }
                signal(number, SigDfl);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return; // no libc to ask: leave the dispositions as they are
            }
        }
    }

    /// <summary>
    /// Registers the handlers. The first signal completes the returned task and is cancelled
    /// (the process goes on to stop cleanly); a further one is not, so the runtime's default
    /// action ends the process at once. Dispose the registrations when stopped.
    /// </summary>
    public static (Task<PosixSignal> First, IDisposable Registrations) Register()
    {
        var first = new TaskCompletionSource<PosixSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registrations = Handled.Select(s => PosixSignalRegistration.Create(s, context =>
        {
            if (first.TrySetResult(context.Signal)) context.Cancel = true;
        })).ToList();
        return (first.Task, new Registrations(registrations));
    }

    private sealed class Registrations(List<PosixSignalRegistration> items) : IDisposable
    {
        public void Dispose() { foreach (var r in items) r.Dispose(); }
    }

    // Signal numbers common to Linux and macOS.
    private const int SigInt = 2, SigQuit = 3, SigTerm = 15;
    private const nint SigDfl = 0, SigIgn = 1;

    [DllImport("libc", SetLastError = true)]
    private static extern int sigaction(int signum, IntPtr act, IntPtr oldact);

    [DllImport("libc", SetLastError = true)]
    private static extern nint signal(int signum, nint handler);
}
