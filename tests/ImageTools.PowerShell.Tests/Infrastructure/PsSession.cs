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
        if (variables != null)
            foreach (var (name, value) in variables)
                Runspace.SessionStateProxy.SetVariable(name, value);

        var mark = Host?.Mark() ?? (0, 0);
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = Runspace;
        ps.AddScript(script);
        if (toHost)
        {
            ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.All, PipelineResultTypes.Output);
            ps.AddCommand("Out-Default");
        }

        var input = new PSDataCollection<PSObject>();
        input.Complete();
        var output = new PSDataCollection<PSObject>();
        var pending = ps.BeginInvoke(input, output);
        Exception? terminating = null;
        if (!pending.AsyncWaitHandle.WaitOne(timeout ?? DefaultTimeout))
        {
            var stop = ps.BeginStop(null, null);
            stop.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60));
            throw new TimeoutException($"The script did not finish within {timeout ?? DefaultTimeout}: {script}");
        }
        try
        {
            ps.EndInvoke(pending);
        }
        catch (RuntimeException e)
        {
            terminating = e;
        }

        return new RunResult
        {
            Script = script,
            Output = output.ToList(),
            Errors = ps.Streams.Error.ToList(),
            Verbose = ps.Streams.Verbose.Select(v => v.Message).ToList(),
            Warnings = ps.Streams.Warning.Select(w => w.Message).ToList(),
            Progress = ps.Streams.Progress.ToList(),
            Information = ps.Streams.Information.ToList(),
            HostLines = Host?.LinesSince(mark.Item1) ?? Array.Empty<HostLine>(),
            Prompts = Host?.PromptsSince(mark.Item2) ?? Array.Empty<HostPrompt>(),
            Terminating = terminating,
        };
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
