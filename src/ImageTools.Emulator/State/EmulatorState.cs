using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.State;

/// <summary>A stored resource: its JSON body as returned by GET, plus simulation state.</summary>
internal sealed class ArmResource
{
    public ArmResource(ResourceId rid, JsonObject body)
    {
        Rid = rid; Body = body;
    }

    public ResourceId Rid { get; }
    public string Id => Body.Str("id")!;
    public string Name => Rid.Name;
    public string Location => Body.Str("location") ?? "";
    public JsonObject Body { get; }
    public JsonObject Properties => Body.Obj("properties");

    public string ProvisioningState
    {
        get => Properties.Str("provisioningState") ?? "Succeeded";
        set => Properties["provisioningState"] = value;
    }

    /// <summary>Set while a create/update LRO runs.</summary>
    public LroOperation? PendingOperation { get; set; }

    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Facts kept beside the body (e.g. the OS name a VM made from this image reports).</summary>
    public Dictionary<string, string> Extra { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Compute.VmRuntime? Vm { get; set; }
    public Compute.ScaleSetRuntime? ScaleSet { get; set; }
    /// <summary>Disks and snapshots: the guest state a VM booted from them finds (null: a fresh guest).</summary>
    public Disk.GuestImage? Guest { get; set; }
    /// <summary>Disks created with createOption Upload: what was written through the write SAS.</summary>
    public Disk.UploadRuntime? Upload { get; set; }
    public Compute.ReplicationRuntime? Replication { get; set; }
    public Guest.RunCommandRuntime? RunCommand { get; set; }
    /// <summary>Storage accounts: their blobs.</summary>
    public Storage.StorageAccountRuntime? Storage { get; set; }
}

internal sealed class ResourceGroup
{
    public required string Name { get; init; }
    public required string Location { get; set; }
    public JsonObject Tags { get; set; } = new();
    public string ProvisioningState { get; set; } = "Succeeded";
}

/// <summary>
/// All emulator state. Every ARM handler runs under <see cref="Sync"/>; time-driven changes are
/// scheduled effects applied by <see cref="Advance"/> at the start and end of each request.
/// </summary>
internal sealed class EmulatorState
{
    private readonly List<(DateTimeOffset At, long Seq, Action Effect)> _schedule = new();
    private long _seq;

    public EmulatorState(string subscriptionId, string tenantId, int? seed, double operationSeconds)
    {
        SubscriptionId = subscriptionId;
        TenantId = tenantId;
        Random = seed is int s ? new Random(s) : new Random();
        _initialOperationSeconds = operationSeconds;
        Timing = new TimingSettings { OperationSeconds = operationSeconds };
    }

    private readonly double _initialOperationSeconds;

    public object Sync { get; } = new();
    public string SubscriptionId { get; }
    public string TenantId { get; }
    public Random Random { get; }

    public Dictionary<string, ResourceGroup> ResourceGroups { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, ArmResource> Resources { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, LroOperation> Operations { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, GuestTraits> PendingGuests { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TimingSettings Timing { get; set; }
    public ReplicationSettings Replication { get; set; } = new();
    /// <summary>location → (quota name → limit). Unset names use the defaults of <see cref="Compute.Usages"/>.</summary>
    public Dictionary<string, Dictionary<string, long>> Quotas { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Most items one page of a pageable list carries before it adds a nextLink.</summary>
    public int PageSize { get; set; } = PagingSettings.DefaultPageSize;

    /// <summary>ARM's remaining-request counters (x-ms-ratelimit-remaining-* headers).</summary>
    public RateLimits RateLimits { get; } = new();

    public FaultStore Faults { get; } = new();
    public RequestLog Log { get; } = new();

    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    public void Reset()
    {
        lock (Sync)
        {
            // Cleared and trimmed: a reset after a large run gives the memory back.
            ResourceGroups.Clear(); ResourceGroups.TrimExcess();
            Resources.Clear(); Resources.TrimExcess();
            Operations.Clear(); Operations.TrimExcess();
            PendingGuests.Clear(); PendingGuests.TrimExcess();
            _schedule.Clear(); _schedule.TrimExcess();
            Timing = new TimingSettings { OperationSeconds = _initialOperationSeconds };
            Replication = new ReplicationSettings();
            Quotas.Clear();
            PageSize = PagingSettings.DefaultPageSize;
            RateLimits.Reset();
            Faults.Clear();
            Log.Clear();
        }
    }

    // ---- time ---------------------------------------------------------------------------------
    public void Schedule(DateTimeOffset at, Action effect) => _schedule.Add((at, _seq++, effect));

    /// <summary>Time-driven effects not applied yet.</summary>
    public int ScheduledCount => _schedule.Count;

    public void ScheduleIn(double seconds, Action effect) => Schedule(Now.AddSeconds(Math.Max(0, seconds)), effect);

    /// <summary>Apply every effect that is due, in order. Caller holds <see cref="Sync"/>.</summary>
    public void Advance()
    {
        while (true)
        {
            var now = Now;
            var due = _schedule.Where(e => e.At <= now).OrderBy(e => e.At).ThenBy(e => e.Seq).FirstOrDefault();
            if (due.Effect is null) return;
            _schedule.Remove(due);
            due.Effect();
        }
    }

    // ---- resources ----------------------------------------------------------------------------
    public ArmResource? Find(string id) => Resources.TryGetValue(ResourceId.Key(id), out var r) ? r : null;

    public ArmResource? Find(ResourceId rid) => Find(rid.Format());

    public void Put(ArmResource resource) => Resources[ResourceId.Key(resource.Id)] = resource;

    public void Remove(ArmResource resource) => Resources.Remove(ResourceId.Key(resource.Id));

    public IEnumerable<ArmResource> OfType(string fullType, string? resourceGroup = null) =>
        Resources.Values.Where(r => r.Rid.Is(fullType) && (resourceGroup is null || r.Rid.ResourceGroup.Equals(resourceGroup, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(r => r.Created);

    public IEnumerable<ArmResource> ChildrenOf(ArmResource parent) =>
        Resources.Values.Where(r => r.Rid.Chain.Count == parent.Rid.Chain.Count + 1 && ResourceId.Key(r.Rid.Parent!.Format()) == ResourceId.Key(parent.Id));

    public ResourceGroup RequireResourceGroup(string rg) =>
        ResourceGroups.TryGetValue(rg, out var group) ? group : throw ArmErrors.ResourceGroupNotFound(rg).AsException();

    public string CanonicalResourceGroupName(string rg) => ResourceGroups.TryGetValue(rg, out var g) ? g.Name : rg;
}
