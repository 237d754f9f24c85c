using System.Text.Json.Serialization;

namespace ImageTools.Emulator.Control;

/// <summary>Operation durations. Zero everywhere by default: every operation completes by its first poll.</summary>
public sealed class TimingSettings
{
    /// <summary>Default duration of every long-running operation, in seconds.</summary>
    public double OperationSeconds { get; set; }

    /// <summary>Per operation kind overrides (see README: vmCreate, vmDelete, deallocate, powerOff, start,
    /// restart, runCommand, sysprep, deprovision, diskCreate, snapshotCreate, imageCreate, galleryCreate,
    /// galleryImageCreate, galleryImageVersionCreate, replicationPerRegion, delete, networkCreate, resourceGroupDelete).</summary>
    public Dictionary<string, double> PerKind { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Retry-After sent on LRO responses; null = the remaining time of the operation, rounded up.</summary>
    public double? RetryAfterSeconds { get; set; }

    public double For(string kind) => PerKind.TryGetValue(kind, out var s) ? s : OperationSeconds;

    /// <summary>Longest duration any setting may have: 24 hours.</summary>
    public const double MaxSeconds = 86_400;

    /// <summary>The operation kinds <see cref="PerKind"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Kinds = new[]
    {
        "vmCreate", "vmUpdate", "vmDelete", "deallocate", "powerOff", "start", "restart", "runCommand", "runCommandDelete",
        "sysprep", "deprovision", "guestShutdown", "diskCreate", "diskUpdate", "diskDelete", "snapshotCreate", "snapshotDelete", "snapshotCopy",
        "imageCreate", "imageUpdate", "imageDelete", "galleryCreate", "galleryUpdate", "galleryDelete", "galleryImageCreate",
        "galleryImageDelete", "galleryImageVersionCreate", "galleryImageVersionUpdate", "galleryImageVersionDelete", "replicationPerRegion", "networkCreate",
        "delete", "resourceGroupDelete", "scaleSetCreate", "scaleSetUpdate", "scaleSetDelete", "rollingUpgradeBatch",
    };

    /// <summary>Throws <see cref="ArgumentException"/> unless every duration is a number of seconds in 0..24 h and every kind is known.</summary>
    public void Validate()
    {
        RequireSeconds("operationSeconds", OperationSeconds);
        if (RetryAfterSeconds is double ra) RequireSeconds("retryAfterSeconds", ra);
        foreach (var (kind, seconds) in PerKind ?? new())
        {
            if (!Kinds.Contains(kind, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"Unknown timing kind '{kind}'. Known kinds: {string.Join(", ", Kinds)}.");
            RequireSeconds("perKind." + kind, seconds);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="seconds"/> is finite and within 0..<see cref="MaxSeconds"/>.</summary>
    public static void RequireSeconds(string name, double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0 || seconds > MaxSeconds)
            throw new ArgumentException($"{name} must be a number of seconds from 0 to {MaxSeconds:0} (24 h); got {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
    }

    public TimingSettings Clone() => new() { OperationSeconds = OperationSeconds, PerKind = new(PerKind, StringComparer.OrdinalIgnoreCase), RetryAfterSeconds = RetryAfterSeconds };
}

/// <summary>Replication behaviour of gallery image versions.</summary>
public sealed class ReplicationSettings
{
    /// <summary>Regions (any spelling) whose replication ends Failed, with the details text to report.</summary>
    public Dictionary<string, string> FailRegions { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Seconds each region takes to replicate (regions replicate in parallel). Null = timing perKind replicationPerRegion.</summary>
    public double? SecondsPerRegion { get; set; }
}

/// <summary>Simulated guest of one VM.</summary>
public sealed class GuestTraits
{
    /// <summary>Windows or Linux (from the image when the VM was created).</summary>
    public string? OsType { get; set; }
    public bool? DomainJoined { get; set; }
    public bool? DomainController { get; set; }
    /// <summary>ok | failed | undeployable | hang | stopsEarly (the guest stops while Sysprep works, before it seals the image)</summary>
    public string? SysprepOutcome { get; set; }
    /// <summary>ok | fail: with fail, waagent -deprovision exits 1 on a Linux guest, the run command answers
    /// "Enable failed: ..." with code ProvisioningState/failed, and the guest is not deprovisioned.</summary>
    public string? DeprovisionOutcome { get; set; }
    public bool? AgentReady { get; set; }
    /// <summary>How many of the next run command invocations answer 409 "Run command extension execution is in progress…".</summary>
    public int? RunCommandConflicts { get; set; }
    /// <summary>Read-only in GET: HKLM\…\Setup\State ImageState of a Windows guest.</summary>
    public string? ImageState { get; set; }
    /// <summary>Read-only in GET: whether waagent -deprovision ran on a Linux guest.</summary>
    public bool? Deprovisioned { get; set; }
    /// <summary>Read-only in GET: PowerState code suffix (running, stopped, deallocated…).</summary>
    public string? PowerState { get; set; }
    /// <summary>Read-only in GET: whether the VM is marked generalized.</summary>
    public bool? Generalized { get; set; }
    /// <summary>Read-only in GET: scripts received by run commands, oldest first.</summary>
    public List<string>? Scripts { get; set; }
}

/// <summary>A fault injected into the ARM surface.</summary>
public sealed class FaultRule
{
    public string? Id { get; set; }
    /// <summary>status | drop | lroFailed | lroNeverEnds</summary>
    public string Kind { get; set; } = "status";
    public int? Status { get; set; }
    public double? RetryAfterSeconds { get; set; }
    /// <summary>HTTP method to match (any when null).</summary>
    public string? Method { get; set; }
    /// <summary>Regex on the request path, case-insensitive (any when null).</summary>
    public string? PathPattern { get; set; }
    /// <summary>Times the fault applies (unlimited when null).</summary>
    public int? Count { get; set; }
    /// <summary>Chance that a matching request is hit, 0..1 (1 when null). Uses the --seed random source.</summary>
    public double? Probability { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    /// <summary>Read-only: how many times the fault has fired.</summary>
    public int Hits { get; set; }
}

/// <summary>One ARM request seen by the emulator.</summary>
public sealed class RequestLogEntry
{
    public long Sequence { get; set; }
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public string Query { get; set; } = "";
    public int Status { get; set; }
    public DateTimeOffset Time { get; set; }
    public double DurationMs { get; set; }
    /// <summary>True for GETs of operation status / monitor URLs.</summary>
    public bool Poll { get; set; }
    public string? OperationId { get; set; }
    /// <summary>Retry-After (seconds) sent on the previous response for the same operation.</summary>
    public double? PreviousRetryAfterSeconds { get; set; }
    /// <summary>Seconds since the previous response for the same operation.</summary>
    public double? SecondsSincePrevious { get; set; }
    /// <summary>True when this poll came sooner than the Retry-After given on the previous response.</summary>
    public bool? EarlyPoll { get; set; }
    /// <summary>Id of the fault that answered this request, if any.</summary>
    public string? FaultId { get; set; }
    /// <summary>The rate-limit policy that refused this request (429), if any.</summary>
    public string? ThrottledBy { get; set; }
}

/// <summary>Seeds a VM directly in a given state (no LRO, no validation beyond the basics).</summary>
public sealed class SeedVmRequest
{
    public string ResourceGroup { get; set; } = "";
    public string Name { get; set; } = "";
    public string Location { get; set; } = "eastus";
    /// <summary>running | stopped | deallocated | generalized</summary>
    public string State { get; set; } = "running";
    public string OsType { get; set; } = "Windows";
    public string HyperVGeneration { get; set; } = "V2";
    public string VmSize { get; set; } = "Standard_D2s_v5";
    /// <summary>Standard | TrustedLaunch | ConfidentialVM</summary>
    public string SecurityType { get; set; } = "Standard";
    /// <summary>True: the OS disk is an unmanaged VHD blob (osDisk.vhd).</summary>
    public bool UnmanagedDisk { get; set; }
    /// <summary>Id of a scale set the VM belongs to (virtualMachineScaleSet reference).</summary>
    public string? ScaleSetId { get; set; }
    /// <summary>Marketplace URN publisher:offer:sku:version recorded as imageReference (default per OS).</summary>
    public string? ImageUrn { get; set; }
    public int DataDisks { get; set; }
    public Dictionary<string, string>? Tags { get; set; }
    public GuestTraits? Guest { get; set; }
}

/// <summary>Reply of POST /_emulator/vms.</summary>
public sealed class SeedVmResult
{
    public string Id { get; set; } = "";
    public string OsDiskId { get; set; } = "";
    public List<string> DataDiskIds { get; set; } = new();
}

internal sealed class FaultCreated
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
}

/// <summary>
/// Request budgets (GET/PUT /_emulator/ratelimits), by policy name: subscriptionReads, subscriptionWrites,
/// subscriptionDeletes, PutVM3Min, PutVM30Min, LowCostGet3Min, LowCostGet30Min, HighCostGet3Min, HighCostGet30Min.
/// </summary>
public sealed class RateLimitSettings
{
    public Dictionary<string, RateLimitPolicy> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One budget: at most <see cref="Limit"/> requests in any window of <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitPolicy
{
    public int Limit { get; set; }
    public double WindowSeconds { get; set; }
    /// <summary>True: requests beyond the budget get 429. False: the budget is only reported in the headers. In a PUT, null means true.</summary>
    public bool? Enforced { get; set; }
}

/// <summary>Reply of GET /_emulator/health: identity, and how much state the emulator holds.</summary>
public sealed class EmulatorHealth
{
    public string Status { get; set; } = "";
    public string SubscriptionId { get; set; } = "";
    public string TenantId { get; set; } = "";
    public int ResourceGroups { get; set; }
    /// <summary>Stored resources of every type (VMs, disks, NICs, gallery versions…).</summary>
    public int Resources { get; set; }
    /// <summary>Long-running operations kept for their status and monitor URLs.</summary>
    public int Operations { get; set; }
    /// <summary>Time-driven effects not applied yet (operations finishing, guest steps).</summary>
    public int ScheduledEffects { get; set; }
    /// <summary>Guest traits set for VMs not created yet.</summary>
    public int PendingGuests { get; set; }
    /// <summary>Entries in the request log.</summary>
    public int LoggedRequests { get; set; }
    public int Faults { get; set; }
}

/// <summary>Paging of ARM lists: pages carry at most <see cref="PageSize"/> items, then a nextLink.</summary>
public sealed class PagingSettings
{
    public const int DefaultPageSize = 1000;
    public int PageSize { get; set; } = DefaultPageSize;
}

/// <summary>POST /_emulator/storageaccounts: a storage account (its group made when missing).</summary>
public sealed class SeedStorageAccountRequest
{
    public string ResourceGroup { get; set; } = "";
    public string Name { get; set; } = "";
    public string Location { get; set; } = "eastus";
}

public sealed class SeedStorageAccountResult
{
    public string Id { get; set; } = "";
    /// <summary>primaryEndpoints.blob: where the account's blobs answer.</summary>
    public string BlobEndpoint { get; set; } = "";
}

/// <summary>
/// PUT /_emulator/storageaccounts/{account}/blobs/{container}/{blob}: a blob of the given length whose first
/// and last 512 bytes are <see cref="Head"/> and <see cref="Footer"/> (base64; zeros when absent), all else zeros.
/// </summary>
public sealed class PutBlobRequest
{
    /// <summary>PageBlob (default), BlockBlob or AppendBlob.</summary>
    public string BlobType { get; set; } = "PageBlob";
    public long Length { get; set; }
    public string? Head { get; set; }
    public string? Footer { get; set; }
    /// <summary>The container allows anonymous reads (no SAS needed).</summary>
    public bool PublicRead { get; set; }
}

public sealed class PutBlobResult
{
    /// <summary>The blob's URL without a SAS.</summary>
    public string Uri { get; set; } = "";
    /// <summary>The blob's URL with a read SAS.</summary>
    public string SasUri { get; set; } = "";
}
