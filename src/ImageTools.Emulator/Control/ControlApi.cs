using System.Text.Json;
using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.Compute;
using ImageTools.Emulator.Resources;
using ImageTools.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace ImageTools.Emulator.Control;

/// <summary>The /_emulator/ control surface (no auth). Every endpoint is documented in README.md.</summary>
internal sealed class ControlApi
{
    private readonly EmulatorState _state;
    private readonly ArmRouter _router;
    private readonly Func<Uri> _baseUri;

    public ControlApi(EmulatorState state, ArmRouter router, Func<Uri> baseUri)
    {
        _state = state; _router = router; _baseUri = baseUri;
    }

    private sealed class ControlException(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }

    public async Task HandleAsync(HttpContext http)
    {
        string? raw;
        using (var reader = new StreamReader(http.Request.Body)) raw = await reader.ReadToEndAsync(http.RequestAborted);
        var segments = (http.Request.Path.Value ?? "").Trim('/').Split('/').Skip(1).Select(Uri.UnescapeDataString).ToArray();
        var method = http.Request.Method.ToUpperInvariant();
        int status = 200;
        object? result;
        try
        {
            result = Route(method, segments, raw, http.Request.Query);
            if (result is null) status = 204;
        }
        catch (ControlException e) { status = e.Status; result = Error(e.Message); }
        catch (ArmException e) { status = e.Error.Status; result = e.Error.ToEnvelope(); }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or System.Text.RegularExpressions.RegexParseException)
        { status = 400; result = Error(e.Message); }

        http.Response.StatusCode = status;
        if (result is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            var text = result is JsonNode node ? node.ToJsonString() : JsonSerializer.Serialize(result, result.GetType(), Json.Web);
            await http.Response.WriteAsync(text, http.RequestAborted);
        }
    }

    private static JsonObject Error(string message) => new() { ["error"] = new JsonObject { ["code"] = "BadRequest", ["message"] = message } };

    private static T Read<T>(string? raw) where T : new() =>
        string.IsNullOrWhiteSpace(raw) ? new T() : JsonSerializer.Deserialize<T>(raw, Json.Web) ?? new T();

    private object? Route(string method, string[] s, string? raw, IQueryCollection query)
    {
        var path = string.Join('/', s).ToLowerInvariant();
        switch (method, s.Length > 0 ? s[0].ToLowerInvariant() : "")
        {
            case ("GET", "health"):
                lock (_state.Sync)
                    return new EmulatorHealth
                    {
                        Status = "ok", SubscriptionId = _state.SubscriptionId, TenantId = _state.TenantId,
                        ResourceGroups = _state.ResourceGroups.Count, Resources = _state.Resources.Count, Operations = _state.Operations.Count,
                        ScheduledEffects = _state.ScheduledCount, PendingGuests = _state.PendingGuests.Count,
                        LoggedRequests = _state.Log.Count, Faults = _state.Faults.List().Count,
                    };
            case ("POST", "reset") when s.Length == 1:
                _state.Reset();
                return null;
            case ("GET", "timing"):
                lock (_state.Sync) return _state.Timing.Clone();
            case ("PUT", "timing"):
                var timing = Read<TimingSettings>(raw);
                timing.PerKind = new Dictionary<string, double>(timing.PerKind ?? new(), StringComparer.OrdinalIgnoreCase);
                timing.Validate();
                lock (_state.Sync) _state.Timing = timing;
                return timing;
            case ("GET", "paging"):
                lock (_state.Sync) return new PagingSettings { PageSize = _state.PageSize };
            case ("PUT", "paging"):
                var paging = Read<PagingSettings>(raw);
                if (paging.PageSize < 1) throw new ControlException(400, "pageSize must be at least 1.");
                lock (_state.Sync) _state.PageSize = paging.PageSize;
                return paging;
            case ("GET", "ratelimits") when s.Length == 1:
                return _state.RateLimits.Settings();
            case ("PUT", "ratelimits") when s.Length == 1:
                return _state.RateLimits.Set(Read<RateLimitSettings>(raw));
            case ("GET", "replication"):
                lock (_state.Sync) return _state.Replication;
            case ("PUT", "replication"):
                var replication = Read<ReplicationSettings>(raw);
                replication.FailRegions = new Dictionary<string, string>(replication.FailRegions ?? new(), StringComparer.OrdinalIgnoreCase);
                if (replication.SecondsPerRegion is double perRegion) TimingSettings.RequireSeconds("secondsPerRegion", perRegion);
                foreach (var region in replication.FailRegions.Keys) Location(region);
                lock (_state.Sync) _state.Replication = replication;
                return replication;
            case ("GET", "quota") when s.Length == 2:
                lock (_state.Sync) return Usages.Render(_state, Location(s[1]));
            case ("PUT", "quota") when s.Length == 2:
                var limits = Read<Dictionary<string, long>>(raw);
                if (limits.FirstOrDefault(l => l.Value < 0) is { Key: not null } negative)
                    throw new ControlException(400, $"Quota '{negative.Key}' must not be negative; got {negative.Value}.");
                lock (_state.Sync)
                {
                    var location = Location(s[1]);
                    if (!_state.Quotas.TryGetValue(location, out var existing)) _state.Quotas[location] = existing = new(StringComparer.OrdinalIgnoreCase);
                    foreach (var (k, v) in limits) existing[k] = v;
                    return Usages.Render(_state, location);
                }
            case ("POST", "faults") when s.Length == 1:
                var rule = Read<FaultRule>(raw);
                return new FaultCreated { Id = _state.Faults.Add(rule) };
            case ("GET", "faults"):
                return _state.Faults.List();
            case ("DELETE", "faults") when s.Length == 1:
                _state.Faults.Clear();
                return null;
            case ("DELETE", "faults") when s.Length == 2:
                if (!_state.Faults.Remove(s[1])) throw new ControlException(404, $"No fault '{s[1]}'.");
                return null;
            case ("GET", "requests"):
                return _state.Log.Snapshot(string.Equals(query["clear"], "true", StringComparison.OrdinalIgnoreCase));
            case ("DELETE", "requests"):
                _state.Log.Clear();
                return null;
            case ("POST", "vms") when s.Length == 1:
                return Seed(Read<SeedVmRequest>(raw));
            case ("POST", "storageaccounts") when s.Length == 1:
                return SeedStorageAccount(Read<SeedStorageAccountRequest>(raw));
            case ("PUT", "storageaccounts") when s.Length == 5 && s[2].Equals("blobs", StringComparison.OrdinalIgnoreCase):
                return PutBlob(s[1], s[3], s[4], Read<PutBlobRequest>(raw));
            case ("GET", "vms") when s.Length == 4 && s[3].Equals("guest", StringComparison.OrdinalIgnoreCase):
                lock (_state.Sync)
                {
                    _state.Advance();
                    var vm = FindVm(s[1], s[2]);
                    if (vm is not null) return vm.Vm!.Describe();
                    if (_state.PendingGuests.TryGetValue(s[1] + "/" + s[2], out var pending)) return pending;
                    throw new ControlException(404, $"No VM '{s[2]}' in resource group '{s[1]}'.");
                }
            case ("PUT", "vms") when s.Length == 4 && s[3].Equals("guest", StringComparison.OrdinalIgnoreCase):
                var traits = Read<GuestTraits>(raw);
                lock (_state.Sync)
                {
                    var vm = FindVm(s[1], s[2]);
                    if (vm is null)
                    {
                        // Traits for a VM not created yet apply when it is.
                        new VmRuntime { OsType = "Windows", HyperVGeneration = "V2", OsName = "", OsVersion = "", Size = VmSizes.All[0] }.Apply(traits);
                        _state.PendingGuests[s[1] + "/" + s[2]] = traits;
                        return traits;
                    }
                    vm.Vm!.Apply(traits);
                    return vm.Vm.Describe();
                }
            case ("GET", "disks") when s.Length == 3:
                lock (_state.Sync)
                {
                    _state.Advance();
                    return DescribeDisk(s[1], s[2]);
                }
        }
        throw new ControlException(404, $"Unknown control endpoint {method} /_emulator/{path}.");
    }

    private static string Location(string raw)
    {
        var location = Regions.Normalize(raw);
        if (!Regions.IsKnown(location)) throw new ControlException(400, $"Unknown location '{raw}'.");
        return location;
    }

    /// <summary>A disk (else a snapshot) of that name: diskState, the guest it holds, its upload (ranges, footer).</summary>
    private JsonObject DescribeDisk(string rg, string name)
    {
        var resource = _state.Find(ResourceId.Build(_state.SubscriptionId, rg, "Microsoft.Compute", ("disks", name)))
            ?? _state.Find(ResourceId.Build(_state.SubscriptionId, rg, "Microsoft.Compute", ("snapshots", name)))
            ?? throw new ControlException(404, $"No disk or snapshot '{name}' in resource group '{rg}'.");
        var guest = Disk.GuestImage.Of(_state, resource);
        var result = new JsonObject
        {
            ["id"] = resource.Id,
            ["diskState"] = resource.Properties.Str("diskState"),
            ["guest"] = new JsonObject { ["imageState"] = guest.ImageState, ["deprovisioned"] = guest.Deprovisioned },
            ["vhdFooterProblem"] = resource.Extra.GetValueOrDefault(Disk.UploadRuntime.FooterProblemKey),
        };
        if (resource.Upload is { ReadOnly: false } upload)
            result["upload"] = new JsonObject
            {
                ["sizeBytes"] = upload.SizeBytes,
                ["bytesWritten"] = upload.BytesWritten,
                ["ranges"] = new JsonArray(upload.Ranges.Select(r => (JsonNode)new JsonObject { ["start"] = r.Start, ["end"] = r.End }).ToArray()),
                ["footerProblem"] = upload.FooterProblem(),
            };
        return result;
    }

    /// <summary>A VM, or a Uniform scale set instance by its name (<c>&lt;vmss&gt;_&lt;n&gt;</c>).</summary>
    private ArmResource? FindVm(string rg, string name) =>
        _state.Find(ResourceId.Build(_state.SubscriptionId, rg, "Microsoft.Compute", ("virtualMachines", name)))
        ?? _state.OfType(ScaleSets.InstanceType, rg).FirstOrDefault(i => string.Equals(i.Body.Str("name"), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs an ARM handler in-process (no log, no faults). Caller holds the lock.</summary>
    private JsonNode? Invoke(string method, string path, JsonObject? body)
    {
        var segments = path.Trim('/').Split('/');
        var handler = _router.Match(method, segments, out var values, out _) ?? throw new InvalidOperationException("No route " + path);
        var context = new ArmContext
        {
            Method = method, Path = path, RawBody = body?.ToJsonString(), State = _state, BaseUri = _baseUri(), Route = values,
            Query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["api-version"] = "2023-07-01" },
        };
        var response = handler(context);
        return response.Body;
    }

    /// <summary>Most data disks any VM size takes.</summary>
    private const int MaxSeedDataDisks = 64;

    /// <summary>Refuses a seed outside what a VM can be, saying what is allowed; returns the state in lower case.</summary>
    private static string ValidateSeed(SeedVmRequest request)
    {
        static ControlException Bad(string message) => new(400, message);
        static bool OneOf(string? value, params string[] allowed) => value is not null && allowed.Contains(value, StringComparer.OrdinalIgnoreCase);

        if (string.IsNullOrWhiteSpace(request.ResourceGroup) || string.IsNullOrWhiteSpace(request.Name)) throw Bad("resourceGroup and name are required.");
        var rg = request.ResourceGroup;
        if (rg.Length > 90 || rg.EndsWith('.') || !rg.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' or '.' or '(' or ')'))
            throw Bad($"resourceGroup '{rg}' is invalid: 1 to 90 letters, digits, '_', '-', '.', '(' or ')', not ending with '.'.");
        var name = request.Name;
        if (name.Length > 64 || name.StartsWith('_') || name.EndsWith('.') || name.EndsWith('-') || !name.All(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.'))
            throw Bad($"name '{name}' is invalid: 1 to 64 letters, digits, '-', '_' or '.', not starting with '_' and not ending with '.' or '-'.");
        if (string.IsNullOrWhiteSpace(request.Location)) throw Bad($"location is required: one of {string.Join(", ", Regions.All.Select(r => r.Name))}.");
        if (!OneOf(request.State, "running", "stopped", "deallocated", "generalized")) throw Bad($"state '{request.State}' is unknown: running, stopped, deallocated or generalized.");
        if (!OneOf(request.OsType, "Windows", "Linux")) throw Bad($"osType '{request.OsType}' is unknown: Windows or Linux.");
        if (!OneOf(request.HyperVGeneration, "V1", "V2")) throw Bad($"hyperVGeneration '{request.HyperVGeneration}' is unknown: V1 or V2.");
        if (!OneOf(request.SecurityType, "Standard", "TrustedLaunch", "ConfidentialVM")) throw Bad($"securityType '{request.SecurityType}' is unknown: Standard, TrustedLaunch or ConfidentialVM.");
        if (VmSizes.Find(request.VmSize ?? "") is null) throw Bad($"vmSize '{request.VmSize}' is not in the emulator's catalogue: {string.Join(", ", VmSizes.All.Select(v => v.Name))}.");
        if (request.DataDisks is < 0 or > MaxSeedDataDisks) throw Bad($"dataDisks must be from 0 to {MaxSeedDataDisks}; got {request.DataDisks}.");
        if (request.Tags is not null) TagRules.Validate(JsonSerializer.SerializeToNode(request.Tags));
        // Guest traits are checked on a scratch runtime so that a bad trait refuses the seed before anything exists.
        if (request.Guest is not null) new VmRuntime { OsType = request.OsType, HyperVGeneration = request.HyperVGeneration, OsName = "", OsVersion = "", Size = VmSizes.All[0] }.Apply(request.Guest);
        return request.State.ToLowerInvariant();
    }

    private SeedStorageAccountResult SeedStorageAccount(SeedStorageAccountRequest request)
    {
        if (request.ResourceGroup.Length == 0) throw new ControlException(400, "resourceGroup is required.");
        if (request.Name.Length is < 3 or > 24 || !request.Name.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9')))
            throw new ControlException(400, $"Storage account name '{request.Name}' is invalid: 3 to 24 lower-case letters and digits.");
        var location = Location(request.Location);
        lock (_state.Sync)
        {
            if (Storage.StorageAccounts.FindByName(_state, request.Name) is not null) throw new ControlException(409, $"Storage account '{request.Name}' exists (account names are global).");
            if (!_state.ResourceGroups.ContainsKey(request.ResourceGroup))
                Invoke("PUT", $"/subscriptions/{_state.SubscriptionId}/resourcegroups/{request.ResourceGroup}", new JsonObject { ["location"] = location });
            var account = Storage.StorageAccounts.Create(_state, _baseUri(), _state.CanonicalResourceGroupName(request.ResourceGroup), request.Name, location);
            return new SeedStorageAccountResult { Id = account.Id, BlobEndpoint = account.Properties.Str("primaryEndpoints", "blob")! };
        }
    }

    private PutBlobResult PutBlob(string accountName, string container, string name, PutBlobRequest request)
    {
        if (!new[] { "PageBlob", "BlockBlob", "AppendBlob" }.Contains(request.BlobType, StringComparer.Ordinal)) throw new ControlException(400, $"blobType '{request.BlobType}' is unknown: PageBlob, BlockBlob or AppendBlob.");
        var head = Bytes(request.Head, "head");
        var footer = Bytes(request.Footer, "footer");
        if (request.Length < 1024) throw new ControlException(400, "length must be at least 1024 (a head and a footer of 512 bytes).");
        lock (_state.Sync)
        {
            var account = Storage.StorageAccounts.FindByName(_state, accountName) ?? throw new ControlException(404, $"No storage account '{accountName}'.");
            var blob = new Storage.StorageBlob { Container = container, Name = name, BlobType = request.BlobType, Length = request.Length, Head = head, Footer = footer, PublicRead = request.PublicRead };
            account.Storage!.Blobs[container + "/" + name] = blob;
            var uri = account.Properties.Str("primaryEndpoints", "blob") + Uri.EscapeDataString(container) + "/" + Uri.EscapeDataString(name);
            return new PutBlobResult { Uri = uri, SasUri = uri + "?" + blob.Sas };
        }
    }

    private static byte[] Bytes(string? base64, string field)
    {
        var bytes = string.IsNullOrEmpty(base64) ? new byte[512] : Convert.FromBase64String(base64);
        return field == "footer" && bytes.Length != 512 ? throw new ControlException(400, $"footer must be 512 bytes (base64); got {bytes.Length}.")
            : bytes.Length is < 512 or > 1024 * 1024 ? throw new ControlException(400, $"head must be 512 bytes to 1 MiB (base64); got {bytes.Length}.") : bytes;
    }

    private SeedVmResult Seed(SeedVmRequest request)
    {
        var state = ValidateSeed(request);
        var location = Location(request.Location);
        var windows = !request.OsType.Equals("Linux", StringComparison.OrdinalIgnoreCase);
        var v2 = !request.HyperVGeneration.Equals("V1", StringComparison.OrdinalIgnoreCase);
        var confidential = request.SecurityType.Equals("ConfidentialVM", StringComparison.OrdinalIgnoreCase);
        var urn = (request.ImageUrn ?? (confidential
            ? (windows ? "MicrosoftWindowsServer:windows-cvm:2022-datacenter-cvm:latest" : "Canonical:0001-com-ubuntu-confidential-vm-jammy:22_04-lts-cvm:latest")
            : windows
            ? (v2 ? "MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest" : "MicrosoftWindowsServer:WindowsServer:2022-datacenter:latest")
            : (v2 ? "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest" : "Canonical:0001-com-ubuntu-server-jammy:22_04-lts:latest"))).Split(':');
        if (urn.Length != 4) throw new ControlException(400, "imageUrn must be publisher:offer:sku:version.");

        lock (_state.Sync)
        {
            _state.Advance();
            var savedTiming = _state.Timing;
            _state.Timing = new TimingSettings();
            try
            {
                var sub = _state.SubscriptionId;
                var rg = request.ResourceGroup;
                if (!_state.ResourceGroups.ContainsKey(rg)) Invoke("PUT", $"/subscriptions/{sub}/resourcegroups/{rg}", new JsonObject { ["location"] = location });
                rg = _state.CanonicalResourceGroupName(rg);
                var net = $"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Network";
                var vnet = $"{net}/virtualNetworks/seed-vnet-{location}";
                if (_state.Find(vnet) is null)
                    Invoke("PUT", vnet, JsonNode.Parse($$$"""{"location":"{{{location}}}","properties":{"addressSpace":{"addressPrefixes":["10.0.0.0/16"]},"subnets":[{"name":"default","properties":{"addressPrefix":"10.0.0.0/24"}}]}}""")!.AsObject());
                var nicId = $"{net}/networkInterfaces/{request.Name}-nic";
                if (_state.Find(nicId) is null)
                    Invoke("PUT", nicId, new JsonObject
                    {
                        ["location"] = location,
                        ["properties"] = new JsonObject { ["ipConfigurations"] = new JsonArray(new JsonObject { ["name"] = "ipconfig1", ["properties"] = new JsonObject { ["subnet"] = new JsonObject { ["id"] = vnet + "/subnets/default" } } }) },
                    });

                var computerName = new string(request.Name.Where(char.IsLetterOrDigit).ToArray());
                if (computerName.Length == 0 || computerName.All(char.IsDigit)) computerName = "vm" + computerName;
                if (windows && computerName.Length > 15) computerName = computerName[..15];
                var osDisk = new JsonObject { ["createOption"] = "FromImage", ["deleteOption"] = "Delete" };
                if (request.UnmanagedDisk) osDisk["vhd"] = new JsonObject { ["uri"] = $"https://seedstorage.blob.core.windows.net/vhds/{request.Name}-os.vhd" };
                else osDisk["managedDisk"] = new JsonObject { ["storageAccountType"] = "Premium_LRS" };
                if (confidential && !request.UnmanagedDisk) osDisk["managedDisk"]!["securityProfile"] = new JsonObject { ["securityEncryptionType"] = "VMGuestStateOnly" };
                var dataDisks = new JsonArray(Enumerable.Range(0, Math.Max(0, request.DataDisks)).Select(i => (JsonNode)new JsonObject { ["lun"] = i, ["createOption"] = "Empty", ["diskSizeGB"] = 32 }).ToArray());
                var properties = new JsonObject
                {
                    ["hardwareProfile"] = new JsonObject { ["vmSize"] = confidential && request.VmSize == new SeedVmRequest().VmSize ? "Standard_DC2as_v5" : request.VmSize },
                    ["storageProfile"] = new JsonObject
                    {
                        ["imageReference"] = new JsonObject { ["publisher"] = urn[0], ["offer"] = urn[1], ["sku"] = urn[2], ["version"] = urn[3] },
                        ["osDisk"] = osDisk,
                        ["dataDisks"] = dataDisks,
                    },
                    ["osProfile"] = new JsonObject { ["computerName"] = computerName, ["adminUsername"] = "azureuser", ["adminPassword"] = "Seeded-Passw0rd!" },
                    ["networkProfile"] = new JsonObject { ["networkInterfaces"] = new JsonArray(new JsonObject { ["id"] = nicId, ["properties"] = new JsonObject { ["primary"] = true } }) },
                };
                if (!request.SecurityType.Equals("Standard", StringComparison.OrdinalIgnoreCase))
                    properties["securityProfile"] = new JsonObject { ["securityType"] = request.SecurityType, ["uefiSettings"] = new JsonObject { ["secureBootEnabled"] = true, ["vTpmEnabled"] = true } };
                if (request.ScaleSetId is not null) properties["virtualMachineScaleSet"] = new JsonObject { ["id"] = request.ScaleSetId };
                var body = new JsonObject { ["location"] = location, ["properties"] = properties };
                if (request.Tags is not null) body["tags"] = JsonSerializer.SerializeToNode(request.Tags);
                var vmPath = $"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/{request.Name}";
                if (_state.Find(vmPath) is not null) throw new ControlException(409, $"VM '{request.Name}' already exists in resource group '{rg}'.");
                Invoke("PUT", vmPath, body);
                _state.Advance();

                var vm = _state.Find(vmPath)!;
                var rt = vm.Vm!;
                if (request.Guest is not null) rt.Apply(request.Guest);
                switch (state)
                {
                    case "stopped": rt.PowerState = "stopped"; break;
                    case "deallocated": rt.PowerState = "deallocated"; break;
                    case "generalized":
                        rt.PowerState = "deallocated";
                        rt.Generalized = true;
                        if (rt.IsWindows) rt.ImageState = Guest.ScriptInterpreter.ResealToOobe; else rt.Deprovisioned = true;
                        break;
                }
                return new SeedVmResult
                {
                    Id = vm.Id,
                    OsDiskId = vm.Properties.Str("storageProfile", "osDisk", "managedDisk", "id") ?? "",
                    DataDiskIds = vm.Properties.Objects("storageProfile", "dataDisks").Select(d => d.Str("managedDisk", "id")).OfType<string>().ToList(),
                };
            }
            finally
            {
                _state.Timing = savedTiming;
            }
        }
    }
}
