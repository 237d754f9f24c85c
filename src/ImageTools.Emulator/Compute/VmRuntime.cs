using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Compute;

/// <summary>Simulation state of a VM and its guest, beside the VM's JSON body.</summary>
internal sealed class VmRuntime
{
    public string PowerState { get; set; } = "starting";
    public bool Generalized { get; set; }
    public required string OsType { get; init; }
    public required string HyperVGeneration { get; init; }
    public required string OsName { get; init; }
    public required string OsVersion { get; init; }
    public string SecurityType { get; set; } = "Standard";
    public required VmSize Size { get; set; }
    public bool Unmanaged { get; init; }
    public string? ScaleSetId { get; init; }

    // guest
    public bool DomainJoined { get; set; }
    public bool DomainController { get; set; }
    public string SysprepOutcome { get; set; } = "ok";
    /// <summary>ok | fail: whether waagent -deprovision succeeds on a Linux guest.</summary>
    public string DeprovisionOutcome { get; set; } = "ok";
    /// <summary>What the guest agent would do when the guest runs (false: stays Not Ready).</summary>
    public bool AgentHealthy { get; set; } = true;
    public int RunCommandConflicts { get; set; }
    public string ImageState { get; set; } = "IMAGE_STATE_COMPLETE";
    public bool Deprovisioned { get; set; }
    public bool SysprepRunning { get; set; }
    /// <summary>The guest restarts from inside (Sysprep /reboot): the agent does not answer until it is up again.</summary>
    public bool GuestRestarting { get; set; }
    public bool RunCommandRunning { get; set; }
    public List<string> Scripts { get; } = new();

    /// <summary>The last power action (start, powerOff, deallocate, restart); while it runs, other actions and updates are refused.</summary>
    public Arm.LroOperation? ActiveAction { get; set; }
    public bool ActionInProgress => ActiveAction is { Done: false };

    public bool IsWindows => OsType.Equals("Windows", StringComparison.OrdinalIgnoreCase);
    public bool Running => PowerState is "running";
    /// <summary>Guest agent reports Ready only while the guest runs and the agent is healthy.</summary>
    public bool AgentReady => Running && AgentHealthy && !GuestRestarting;
    /// <summary>Counts against vCPU quota unless deallocated.</summary>
    public bool HoldsCores => PowerState is not ("deallocated" or "deallocating");

    public void Apply(GuestTraits traits)
    {
        if (traits.DomainJoined is bool dj) DomainJoined = dj;
        if (traits.DomainController is bool dc) DomainController = dc;
        if (traits.SysprepOutcome is string so)
        {
            var normalized = so.ToLowerInvariant();
            normalized = normalized == "stopsearly" ? "stopsEarly" : normalized;
            if (normalized is not ("ok" or "failed" or "undeployable" or "hang" or "stopsEarly")) throw new ArgumentException("sysprepOutcome must be ok, failed, undeployable, hang or stopsEarly.");
            SysprepOutcome = normalized;
        }
        if (traits.DeprovisionOutcome is string dpo)
        {
            var normalized = dpo.ToLowerInvariant();
            if (normalized is not ("ok" or "fail")) throw new ArgumentException("deprovisionOutcome must be ok or fail.");
            DeprovisionOutcome = normalized;
        }
        if (traits.AgentReady is bool ar) AgentHealthy = ar;
        if (traits.RunCommandConflicts is int n) RunCommandConflicts = Math.Max(0, n);
        if (traits.ImageState is string state) ImageState = state;
        if (traits.Deprovisioned is bool dp) Deprovisioned = dp;
    }

    public GuestTraits Describe() => new()
    {
        OsType = OsType, DomainJoined = DomainJoined, DomainController = DomainController, SysprepOutcome = SysprepOutcome,
        DeprovisionOutcome = DeprovisionOutcome, AgentReady = AgentHealthy, RunCommandConflicts = RunCommandConflicts, ImageState = IsWindows ? ImageState : null,
        Deprovisioned = Deprovisioned, PowerState = PowerState, Generalized = Generalized, Scripts = Scripts.ToList(),
    };

    public static JsonObject Status(string code, string display, DateTimeOffset? time = null, string? message = null)
    {
        var s = new JsonObject { ["code"] = code, ["level"] = "Info", ["displayStatus"] = display };
        if (message is not null) s["message"] = message;
        if (time is DateTimeOffset t) s["time"] = Json.Timestamp(t);
        return s;
    }
}
