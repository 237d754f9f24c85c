using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ImageTools.PowerShell.Tests.Infrastructure;

/// <summary>
/// A hosted runspace (InitialSessionState.CreateDefault2, as pwsh starts), with or without a
/// <see cref="TestHost"/>, the staged module imported and, when given a connection file,
/// connected to the emulator with Connect-ImageTools. Scripts run with a generous time limit
/// (only to avoid a hung test run); disposing stops and removes the session's jobs.
/// Without a host, PowerShell supplies its "Default Host", which has no UI: the module then
/// behaves as in a runbook (no prompts, progress as verbose lines).
/// </summary>
public sealed class PsSession : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    private PsSession(Runspace runspace, TestHost? host)
    {
        Runspace = runspace;
        Host = host;
    }

    public Runspace Runspace { get; }
    public TestHost? Host { get; }

    /// <summary>Opens a runspace; imports the module unless told not to, and connects when a connection file is given.</summary>
    public static PsSession Open(TestHost? host = null, bool import = true, string? connectionFile = null)
    {
        var iss = InitialSessionState.CreateDefault2();
        var runspace = host == null ? RunspaceFactory.CreateRunspace(iss) : RunspaceFactory.CreateRunspace(host, iss);
        runspace.Open();
        var session = new PsSession(runspace, host);
        try
        {
            if (import)
                session.Run($"Import-Module {Repo.Quote(Repo.ModuleManifest)} -ErrorAction Stop").AssertClean();
            if (connectionFile != null)
                session.Connect(connectionFile);
        }
        catch
        {
            session.Dispose();
            throw;
        }
        return session;
    }

    public RunResult Connect(string connectionFile) =>
        Run($"Connect-ImageTools -EmulatorConnectionFile {Repo.Quote(connectionFile)}").AssertClean();

    /// <summary>Sets session variables, then runs the script with its streams collected.</summary>
    public RunResult Run(string script, IDictionary<string, object?>? variables = null, TimeSpan? timeout = null) =>
        Invoke(script, variables, timeout, toHost: false);

    /// <summary>
    /// Runs the script as a console would: every stream merged into output and sent through
    /// Out-Default, so that the host shows it (formatted objects, VERBOSE/WARNING lines, errors).
    /// </summary>
    public RunResult RunToHost(string script, IDictionary<string, object?>? variables = null, TimeSpan? timeout = null) =>
        Invoke(script, variables, timeout, toHost: true);

    private RunResult Invoke(string script, IDictionary<string, object?>? variables, TimeSpan? timeout, bool toHost)
    {
        using var run = Start(script, variables, toHost);
        return run.Wait(timeout ?? DefaultTimeout);
    }

    /// <summary>Starts the script and returns at once; the caller waits for it or stops it (as Ctrl+C does).</summary>
    public PendingRun Start(string script, IDictionary<string, object?>? variables = null, bool toHost = false)
    {
        if (variables != null)
            foreach (var (name, value) in variables)
                Runspace.SessionStateProxy.SetVariable(name, value);
        return new PendingRun(this, script, toHost);
    }

    /// <summary>A script running in the session.</summary>
    public sealed class PendingRun : IDisposable
    {
        private readonly PsSession _session;
        private readonly string _script;
        private readonly System.Management.Automation.PowerShell _ps;
        private readonly PSDataCollection<PSObject> _output = new();
        private readonly IAsyncResult _pending;
        private readonly (int, int) _mark;

        internal PendingRun(PsSession session, string script, bool toHost)
        {
            _session = session;
            _script = script;
            _mark = session.Host?.Mark() ?? (0, 0);
            _ps = System.Management.Automation.PowerShell.Create();
            _ps.Runspace = session.Runspace;
            _ps.AddScript(script);
            if (toHost)
            {
                _ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.All, PipelineResultTypes.Output);
                _ps.AddCommand("Out-Default");
            }
            var input = new PSDataCollection<PSObject>();
            input.Complete();
            _pending = _ps.BeginInvoke(input, _output);
        }

        public PSInvocationState State => _ps.InvocationStateInfo.State;

        /// <summary>Waits for the end (the limit only keeps a broken run from hanging the test run).</summary>
        public RunResult Wait(TimeSpan timeout)
        {
            if (!_pending.AsyncWaitHandle.WaitOne(timeout))
            {
                var stop = _ps.BeginStop(null, null);
                stop.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60));
                throw new TimeoutException($"The script did not finish within {timeout}: {_script}");
            }
            return Collect();
        }

        /// <summary>Stops the pipeline as Ctrl+C does (the running cmdlet's StopProcessing), then collects what it wrote.</summary>
        public RunResult Stop(TimeSpan timeout)
        {
            var stop = _ps.BeginStop(null, null);
            if (!stop.AsyncWaitHandle.WaitOne(timeout))
                throw new TimeoutException($"The script did not stop within {timeout}: {_script}");
            return Wait(timeout);
        }

        private RunResult Collect()
        {
            Exception? terminating = null;
            try
            {
                _ps.EndInvoke(_pending);
            }
            catch (RuntimeException e)
            {
                terminating = e;
            }
            var host = _session.Host;
            return new RunResult
            {
                Script = _script,
                Output = _output.ToList(),
                Errors = _ps.Streams.Error.ToList(),
                Verbose = _ps.Streams.Verbose.Select(v => v.Message).ToList(),
                Warnings = _ps.Streams.Warning.Select(w => w.Message).ToList(),
                Progress = _ps.Streams.Progress.ToList(),
                Information = _ps.Streams.Information.ToList(),
                HostLines = host?.LinesSince(_mark.Item1) ?? Array.Empty<HostLine>(),
                Prompts = host?.PromptsSince(_mark.Item2) ?? Array.Empty<HostPrompt>(),
                Terminating = terminating,
                State = _ps.InvocationStateInfo.State,
            };
        }

        public void Dispose()
        {
            if (!_pending.IsCompleted)
            {
                var stop = _ps.BeginStop(null, null);
                stop.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60));
            }
            _ps.Dispose();
        }
    }

    /// <summary>Stops and removes every job of the session, then closes the runspace.</summary>
    public void Dispose()
    {
        try
        {
            if (Runspace.RunspaceStateInfo.State == RunspaceState.Opened && Runspace.RunspaceAvailability == RunspaceAvailability.Available)
                Run("Get-Job | Stop-Job -PassThru | Remove-Job -Force", timeout: TimeSpan.FromMinutes(2));
        }
        catch (Exception)
        {
            // Closing the runspace below still ends what it runs.
        }
        Runspace.Dispose();
    }
}
