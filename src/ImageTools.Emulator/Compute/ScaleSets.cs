using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.Resources;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Compute;

/// <summary>Simulation state of a scale set beside its body: instance numbering and the latest rolling upgrade.</summary>
internal sealed class ScaleSetRuntime
{
    public int NextInstance { get; set; }
    public RollingUpgrade? Upgrade { get; set; }
}

/// <summary>A rolling upgrade as <c>rollingUpgrades/latest</c> reports it.</summary>
internal sealed class RollingUpgrade
{
    public required JsonObject Policy { get; init; }
    public required DateTimeOffset StartTime { get; init; }
    public required int Total { get; init; }
    public required int BatchSize { get; init; }
    public DateTimeOffset LastActionTime { get; set; }
    public string LastAction { get; set; } = "Start";
    /// <summary>RollingForward | Completed | Faulted | Cancelled.</summary>
    public string Code { get; set; } = "RollingForward";
    public int Successful { get; set; }
    public int Failed { get; set; }
    public ArmError? Error { get; set; }
    public LroOperation? Operation { get; set; }
    public bool Running => Code == "RollingForward";
}

/// <summary>
/// Microsoft.Compute/virtualMachineScaleSets (2023-07-01): create from managed images, gallery versions and
/// definitions (latest) or the marketplace; Flexible (instances are virtual machines) or Uniform (instances
/// under <c>/virtualMachines</c>); capacity changes; upgrade policies; OS rolling upgrades.
/// </summary>
internal static class ScaleSets
{
    public const string Type = "Microsoft.Compute/virtualMachineScaleSets";
    public const string InstanceType = "Microsoft.Compute/virtualMachineScaleSets/virtualMachines";
    private const string Ns = "Microsoft.Compute";
    private const string Rg = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute";
    private const string Vmss = Rg + "/virtualMachineScaleSets/{vmss}";
    private static readonly string[] Modes = { "Manual", "Automatic", "Rolling" };
    private static readonly string[] HealthExtensions = { "ApplicationHealthLinux", "ApplicationHealthWindows" };

    public static void Map(ArmRouter r)
    {
        r.Put(Vmss, c => Put(c, patch: false));
        r.Patch(Vmss, c => Put(c, patch: true));
        r.Get(Vmss, c => ArmResponse.Ok(Render(Require(c))));
        r.Get(Rg + "/virtualMachineScaleSets", c => Tracked.ListIn(c, Type, c.R("rg"), Render));
        r.Get("/subscriptions/{sub}/providers/Microsoft.Compute/virtualMachineScaleSets", c => Tracked.ListIn(c, Type, null, Render));
        r.Delete(Vmss, Delete);
        r.Get(Vmss + "/virtualMachines", c =>
        {
            var vmss = Require(c);
            if (IsFlexible(vmss)) throw ArmErrors.OperationNotAllowed($"The operation is not supported for virtual machine scale set '{vmss.Name}' in Flexible orchestration mode. List its virtual machines with '$filter=virtualMachineScaleSet/id eq '{vmss.Id}''.").AsException();
            return ArmResponse.List(c, Instances(c.State, vmss).Select(i => (JsonNode)i.Body));
        });
        r.Get(Vmss + "/virtualMachines/{instance}", c =>
        {
            var vmss = Require(c);
            var instance = Instances(c.State, vmss).FirstOrDefault(i => i.Name == c.R("instance"))
                ?? throw ArmErrors.ResourceNotFound($"Microsoft.Compute/virtualMachineScaleSets/{vmss.Name}/virtualMachines/{c.R("instance")}", vmss.Rid.ResourceGroup).AsException();
            if (!c.QueryIs("$expand", "instanceView")) return ArmResponse.Ok(instance.Body);
            var body = Json.CloneObject(instance.Body);
            body.Obj("properties")["instanceView"] = VirtualMachines.InstanceView(c, instance);
            return ArmResponse.Ok(body);
        });
        r.Post(Vmss + "/osRollingUpgrade", OsRollingUpgrade);
        r.Get(Vmss + "/rollingUpgrades/latest", c =>
        {
            var vmss = Require(c);
            var upgrade = vmss.ScaleSet!.Upgrade ?? throw ArmErrors.RollingUpgradeNotFound(vmss.Name).AsException();
            return ArmResponse.Ok(RenderUpgrade(vmss, upgrade));
        });
        r.Post(Vmss + "/rollingUpgrades/cancel", c =>
        {
            var vmss = Require(c);
            var upgrade = vmss.ScaleSet!.Upgrade;
            var op = Lro.Start(c, "scaleSetUpdate", Ns, vmss.Location, () =>
            {
                if (upgrade is not { Running: true }) return;
                upgrade.Code = "Cancelled";
                upgrade.LastAction = "Cancel";
                upgrade.LastActionTime = c.State.Now;
            });
            return Lro.Accepted(c, op);
        });
    }

    private static ResourceId RouteId(ArmContext c) => Tracked.RouteId(c, Ns, "virtualMachineScaleSets", "vmss");
    private static ArmResource Require(ArmContext c) => Tracked.Require(c, RouteId(c));
    private static bool IsFlexible(ArmResource vmss) => vmss.Properties.Str("orchestrationMode") == "Flexible";

    /// <summary>The scale set's instances: Uniform instance resources, or the virtual machines of a Flexible one.</summary>
    public static IEnumerable<ArmResource> Instances(EmulatorState state, ArmResource vmss) =>
        IsFlexible(vmss)
            ? state.OfType(VirtualMachines.Type).Where(v => v.Vm?.ScaleSetId is string id && ResourceId.Key(id) == ResourceId.Key(vmss.Id))
            : state.OfType(InstanceType).Where(i => ResourceId.Key(i.Rid.Parent!.Format()) == ResourceId.Key(vmss.Id)).OrderBy(i => int.Parse(i.Name));

    private static JsonObject Render(ArmResource vmss) => vmss.Body;

    // ---- create / update ------------------------------------------------------------------------------
    private sealed record Model(string Location, VmSize Size, long Capacity, string Mode, VmImageSource? Source, JsonObject? Profile, JsonObject UpgradePolicy);

    private static ArmResponse Put(ArmContext c, bool patch)
    {
        var rid = RouteId(c);
        c.State.RequireResourceGroup(rid.ResourceGroup);
        var existing = c.State.Find(rid);
        if (patch && existing is null) throw ArmErrors.ResourceNotFound(Tracked.TypeAndName(rid), rid.ResourceGroup).AsException();
        var request = c.Body;
        if (existing is null) VirtualMachinesName(rid.Name);
        if (existing is not null && (existing.ProvisioningState is "Creating" or "Deleting" || existing.ScaleSet!.Upgrade is { Running: true } && request.At("properties", "virtualMachineProfile") is not null))
            throw new ArmError(409, "OperationNotAllowed", $"Operation 'Update VM scale set' is not allowed on virtual machine scale set '{rid.Name}' since another operation is in progress.").AsException();

        // The model to check: the request, or the stored model with the request merged over it.
        var merged = existing is null ? Json.CloneObject(request) : Merge(Json.CloneObject(existing.Body), request);
        if (existing is not null && request.Str("properties", "orchestrationMode") is string mode
            && !mode.Equals(existing.Properties.Str("orchestrationMode"), StringComparison.OrdinalIgnoreCase))
            throw ArmErrors.ScaleSetOrchestrationModeChange().AsException();
        var model = Validate(c, rid, merged, existing);

        var properties = merged.Obj("properties");
        if (existing is null)
        {
            properties["orchestrationMode"] = model.Mode;
            properties["uniqueId"] = Guid.NewGuid().ToString();
            properties["timeCreated"] = Json.Timestamp(c.State.Now);
            if (model.Mode == "Flexible") properties["platformFaultDomainCount"] ??= 1;
            else
            {
                properties["overprovision"] ??= false;
                properties["singlePlacementGroup"] ??= true;
            }
        }
        properties["upgradePolicy"] = model.UpgradePolicy;
        if (model.Profile is not null) properties["virtualMachineProfile"] = model.Profile;
        var sku = merged.Obj("sku");
        sku["name"] = model.Size.Name;
        sku["tier"] = "Standard";
        sku["capacity"] = model.Capacity;

        if (existing is null)
        {
            var vmss = new ArmResource(rid, Tracked.NewBody(rid, model.Location, Tracked.Tags(merged), Json.CloneObject(properties))) { ScaleSet = new ScaleSetRuntime() };
            vmss.Body["sku"] = sku.DeepClone();
            if (merged["zones"] is JsonArray zones) vmss.Body["zones"] = zones.DeepClone();
            if (merged["identity"] is JsonObject identity) vmss.Body["identity"] = identity.DeepClone();
            c.State.Put(vmss);
            var created = Enumerable.Range(0, (int)model.Capacity).Select(_ => CreateInstance(c, vmss, model)).ToList();
            return Tracked.PutLro(c, vmss, true, "scaleSetCreate", onSucceeded: () => Boot(created), onFailed: _ => { foreach (var i in created) i.ProvisioningState = "Failed"; });
        }

        // Update: model first, then capacity, then how instances take the new model.
        var current = existing;
        var imageChanged = model.Profile is not null && !JsonNode.DeepEquals(current.Properties.At("virtualMachineProfile", "storageProfile", "imageReference"), model.Profile.At("storageProfile", "imageReference"));
        current.Body["properties"] = Json.CloneObject(properties);
        current.Body["sku"] = sku.DeepClone();
        if (request["tags"] is JsonObject tags) current.Body["tags"] = tags.DeepClone();
        var instances = Instances(c.State, current).ToList();
        var added = new List<ArmResource>();
        for (var i = instances.Count; i < model.Capacity; i++) added.Add(CreateInstance(c, current, model));
        foreach (var gone in instances.Skip((int)model.Capacity).Reverse()) RemoveInstance(c.State, gone);
        var kept = instances.Take((int)model.Capacity).ToList();
        if (imageChanged)
        {
            if (model.UpgradePolicy.Str("mode") == "Manual") foreach (var i in kept.Where(i => i.Rid.Is(InstanceType))) i.Properties["latestModelApplied"] = false;
        }
        return Tracked.PutLro(c, current, false, "scaleSetUpdate", onSucceeded: () =>
        {
            Boot(added);
            if (!imageChanged) return;
            switch (model.UpgradePolicy.Str("mode"))
            {
                case "Automatic":
                    foreach (var i in kept) Reimage(i, model.Source!);
                    break;
                case "Rolling":
                    StartUpgrade(c, current, model.Source!);
                    break;
            }
        });
    }

    private static void VirtualMachinesName(string name)
    {
        if (name.Length is 0 or > 64 || name.StartsWith('_') || name.EndsWith('.') || name.EndsWith('-')
            || name.Any(ch => !(char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.')))
            throw new ArmError(400, "InvalidResourceName", $"The resource name '{name}' is invalid. The name can be up to 64 characters long. It can contain only letters, digits, '-', '_' and '.', cannot start with '_' and cannot end with '.' or '-'.").AsException();
    }

    private static Model Validate(ArmContext c, ResourceId rid, JsonObject body, ArmResource? existing)
    {
        var location = existing?.Location ?? Tracked.RequireLocation(body, Type);
        var sizeName = body.Str("sku", "name") ?? throw ArmErrors.InvalidParameter("Required parameter 'sku.name' is missing (null).", "sku.name").AsException();
        var size = VmSizes.Find(sizeName) ?? throw ArmErrors.VmSizeNotAvailable(sizeName, location).AsException();
        var capacity = body.Long("sku", "capacity") ?? 0;
        if (capacity is < 0 or > 1000) throw ArmErrors.OutOfRange(capacity, "sku.capacity", 0, 1000).AsException();
        var properties = body["properties"] as JsonObject ?? Json.NewObject();
        var modeRaw = properties.Str("orchestrationMode") ?? "Flexible";
        var mode = new[] { "Uniform", "Flexible" }.FirstOrDefault(m => m.Equals(modeRaw, StringComparison.OrdinalIgnoreCase))
            ?? throw ArmErrors.EnumValueInvalid(modeRaw, "orchestrationMode", "Uniform", "Flexible").AsException();

        var upgrade = properties["upgradePolicy"] is JsonObject u ? Json.CloneObject(u) : Json.NewObject();
        var upgradeModeRaw = upgrade.Str("mode") ?? "Manual";
        var upgradeMode = Modes.FirstOrDefault(m => m.Equals(upgradeModeRaw, StringComparison.OrdinalIgnoreCase))
            ?? throw ArmErrors.EnumValueInvalid(upgradeModeRaw, "upgradePolicy.mode", Modes).AsException();
        upgrade["mode"] = upgradeMode;
        var policy = upgrade.Obj("rollingUpgradePolicy");
        foreach (var (name, min, max) in new[] { ("maxBatchInstancePercent", 5L, 100L), ("maxUnhealthyInstancePercent", 5L, 100L), ("maxUnhealthyUpgradedInstancePercent", 0L, 100L) })
        {
            var value = policy.Long(name) ?? 20;
            if (value < min || value > max) throw ArmErrors.OutOfRange(value, "rollingUpgradePolicy." + name, min, max).AsException();
            policy[name] = value;
        }
        policy["pauseTimeBetweenBatches"] ??= "PT0S";
        if (upgradeMode != "Rolling" && upgrade["rollingUpgradePolicy"] is JsonObject p && p.Count == 4 && properties.At("upgradePolicy", "rollingUpgradePolicy") is null)
            upgrade.Remove("rollingUpgradePolicy");

        var profile = properties["virtualMachineProfile"] as JsonObject;
        if (profile is null)
        {
            if (mode == "Uniform" || capacity > 0) throw ArmErrors.InvalidParameter("Required parameter 'virtualMachineProfile' is missing (null).", "virtualMachineProfile").AsException();
            Usages.EnsureQuota(c.State, location, size, count: 0);
            return new Model(location, size, capacity, mode, null, null, upgrade);
        }

        if (upgradeMode == "Rolling")
        {
            var extension = profile.Objects("extensionProfile", "extensions").Any(e => HealthExtensions.Contains(e.Str("properties", "type") ?? "", StringComparer.OrdinalIgnoreCase));
            var probe = profile.Str("networkProfile", "healthProbe", "id") is not null;
            if (!extension && (mode == "Flexible" || !probe))
                throw new ArmError(400, "BadRequest", "Rolling Upgrade mode is not supported for this Virtual Machine Scale Set because a health probe or health extension was not provided.").AsException();
        }

        var storage = profile["storageProfile"] as JsonObject ?? throw ArmErrors.InvalidParameter("Required parameter 'storageProfile' is missing (null).", "virtualMachineProfile.storageProfile").AsException();
        var option = storage.Str("osDisk", "createOption") ?? "FromImage";
        if (!option.Equals("FromImage", StringComparison.OrdinalIgnoreCase))
            throw ArmErrors.InvalidParameter($"The value '{option}' of parameter 'virtualMachineProfile.storageProfile.osDisk.createOption' is not allowed. Virtual machine scale sets create their OS disks from an image (FromImage).", "virtualMachineProfile.storageProfile.osDisk.createOption").AsException();
        var source = ImageSources.ResolveForVm(c, storage, location);

        var osProfile = profile["osProfile"] as JsonObject;
        if (source.OsState == "Generalized" && osProfile is null) throw ArmErrors.OsProfileMissing().AsException();
        if (source.OsState == "Specialized" && osProfile is not null) throw ArmErrors.OsProfileNotAllowed().AsException();
        if (osProfile is not null)
        {
            var prefix = osProfile.Str("computerNamePrefix") ?? rid.Name;
            var windows = source.OsType == "Windows";
            if (prefix.Length is 0 || prefix.Length > (windows ? 9 : 58))
                throw ArmErrors.InvalidParameter($"The computer name prefix '{prefix}' is invalid. It can be 1-{(windows ? 9 : 58)} characters long for a {source.OsType} scale set.", "computerNamePrefix").AsException();
            var check = Json.CloneObject(osProfile);
            check["computerName"] = prefix;
            // An update that does not repeat the password keeps the stored one (never returned).
            if (existing?.Properties.At("virtualMachineProfile", "osProfile") is JsonObject && check.Str("adminPassword") is null) check["adminPassword"] = "Unchanged-Passw0rd!";
            OsProfileRules.Validate(check, source.OsType, rid.Name);
        }
        if (source.RequiredSecurityType is string required && !required.Equals(profile.Str("securityProfile", "securityType") ?? "Standard", StringComparison.OrdinalIgnoreCase))
            throw ArmErrors.ImageRequiresSecurityType(required).AsException();
        var generation = source.HyperVGeneration == "V2" ? 2 : 1;
        if ((generation == 1 && !size.Gen1) || (generation == 2 && !size.Gen2)) throw ArmErrors.SizeCannotBootGeneration(size.Name, generation).AsException();

        var held = existing is null ? 0 : Instances(c.State, existing).Count(i => i.Vm is { HoldsCores: true });
        Usages.EnsureQuota(c.State, location, size, count: (int)Math.Max(0, capacity - held));

        var storedProfile = Json.CloneObject(profile);
        if (storedProfile["osProfile"] is JsonObject op)
        {
            op.Remove("adminPassword");
            op.Remove("customData");
            op["computerNamePrefix"] ??= rid.Name.Length > (source.OsType == "Windows" ? 9 : 58) ? rid.Name[..(source.OsType == "Windows" ? 9 : 58)] : rid.Name;
        }
        var storedStorage = storedProfile.Obj("storageProfile");
        var osDisk = storedStorage.Obj("osDisk");
        osDisk["createOption"] = "FromImage";
        osDisk["osType"] = source.OsType;
        osDisk["caching"] ??= "ReadWrite";
        osDisk.Obj("managedDisk")["storageAccountType"] ??= "Premium_LRS";
        osDisk["diskSizeGB"] ??= source.OsDiskSizeGb;
        if (mode == "Flexible") storedProfile.Obj("networkProfile")["networkApiVersion"] ??= "2020-11-01";
        return new Model(location, size, capacity, mode, source, storedProfile, upgrade);
    }

    /// <summary>Deep merge of a PATCH (or an update PUT) over the stored body: objects merge, anything else replaces.</summary>
    private static JsonObject Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is JsonObject child && target[key] is JsonObject existing) Merge(existing, child);
            else target[key] = value?.DeepClone();
        }
        return target;
    }

    // ---- instances ------------------------------------------------------------------------------------
    private static ArmResource CreateInstance(ArmContext c, ArmResource vmss, Model model)
    {
        var rt = vmss.ScaleSet!;
        var index = rt.NextInstance++;
        var flexible = model.Mode == "Flexible";
        var source = model.Source!;
        var rg = vmss.Rid.ResourceGroup;
        var name = flexible ? $"{vmss.Name}_{Guid.NewGuid().ToString("N")[..8]}" : $"{vmss.Name}_{index}";
        var rid = flexible
            ? new ResourceId(c.State.SubscriptionId, rg, Ns, new[] { ("virtualMachines", name) })
            : new ResourceId(c.State.SubscriptionId, rg, Ns, new[] { ("virtualMachineScaleSets", vmss.Name), ("virtualMachines", index.ToString()) });
        var profile = model.Profile!;
        var properties = Json.NewObject();
        if (!flexible) properties["latestModelApplied"] = true;
        properties["vmId"] = Guid.NewGuid().ToString();
        properties["hardwareProfile"] = new JsonObject { ["vmSize"] = model.Size.Name };
        var osDiskModel = profile.At("storageProfile", "osDisk") as JsonObject;
        var disk = Disk.Disks.CreateForVm(c, rg, $"{name}_OsDisk_1_{Guid.NewGuid():N}", vmss.Location, osDiskModel.Str("managedDisk", "storageAccountType") ?? "Premium_LRS",
            (int)(osDiskModel.Long("diskSizeGB") ?? source.OsDiskSizeGb), source.OsType, source.HyperVGeneration, null, source.DiskCreationData, vmss.Body["zones"] as JsonArray);
        disk.Body["managedBy"] = rid.Format();
        disk.Properties["diskState"] = "Attached";
        var storage = Json.NewObject();
        storage["imageReference"] = source.ImageReference.DeepClone();
        var osDisk = Json.CloneObject(osDiskModel);
        osDisk["name"] = disk.Name;
        osDisk["deleteOption"] ??= "Delete";
        osDisk.Obj("managedDisk")["id"] = disk.Id;
        storage["osDisk"] = osDisk;
        storage["dataDisks"] = new JsonArray();
        properties["storageProfile"] = storage;
        if (profile["osProfile"] is JsonObject op)
        {
            var computer = Json.CloneObject(op);
            var prefix = computer.Str("computerNamePrefix") ?? vmss.Name;
            computer.Remove("computerNamePrefix");
            computer["computerName"] = prefix + ToBase36(index).PadLeft(6, '0');
            properties["osProfile"] = computer;
        }
        if (profile["networkProfile"] is JsonObject network)
        {
            if (flexible) properties["networkProfile"] = network.DeepClone();
            else
            {
                // A Uniform instance shows the model's NIC configurations and the NICs made from them (not network resources here).
                properties["networkProfileConfiguration"] = new JsonObject { ["networkInterfaceConfigurations"] = network["networkInterfaceConfigurations"]?.DeepClone() ?? new JsonArray() };
                properties["networkProfile"] = new JsonObject
                {
                    ["networkInterfaces"] = new JsonArray(network.Objects("networkInterfaceConfigurations").Select(n => (JsonNode)new JsonObject
                    {
                        ["id"] = $"{rid.Format()}/networkInterfaces/{n.Str("name")}",
                    }).ToArray()),
                };
            }
        }
        if (flexible) properties["virtualMachineScaleSet"] = new JsonObject { ["id"] = vmss.Id };
        properties["timeCreated"] = Json.Timestamp(c.State.Now);
        properties["provisioningState"] = "Creating";
        var body = Tracked.NewBody(rid, vmss.Location, flexible ? new JsonObject() : Tracked.Tags(vmss.Body), properties);
        body["name"] = name;
        if (!flexible)
        {
            body["instanceId"] = index.ToString();
            body["sku"] = new JsonObject { ["name"] = model.Size.Name, ["tier"] = "Standard" };
        }
        var instance = new ArmResource(rid, body)
        {
            Vm = new VmRuntime
            {
                OsType = source.OsType, HyperVGeneration = source.HyperVGeneration, Size = model.Size,
                OsName = string.IsNullOrEmpty(source.OsName) ? (source.OsType == "Windows" ? "Windows Server 2022 Datacenter" : "ubuntu") : source.OsName,
                OsVersion = string.IsNullOrEmpty(source.OsVersion) ? (source.OsType == "Windows" ? "10.0.20348.2402" : "22.04") : source.OsVersion,
                ScaleSetId = vmss.Id,
            },
        };
        if (c.State.PendingGuests.Remove(rg + "/" + name, out var traits)) instance.Vm.Apply(traits);
        c.State.Put(instance);
        return instance;
    }

    private static string ToBase36(int value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var s = "";
        do { s = digits[value % 36] + s; value /= 36; } while (value > 0);
        return s;
    }

    private static void Boot(IEnumerable<ArmResource> instances)
    {
        foreach (var i in instances)
        {
            if (i.ProvisioningState == "Creating") i.ProvisioningState = "Succeeded";
            i.Vm!.PowerState = "running";
        }
    }

    private static void RemoveInstance(EmulatorState state, ArmResource instance)
    {
        state.Remove(instance);
        if (instance.Properties.Str("storageProfile", "osDisk", "managedDisk", "id") is string diskId && state.Find(diskId) is ArmResource disk)
        {
            if (string.Equals(instance.Properties.Str("storageProfile", "osDisk", "deleteOption"), "Detach", StringComparison.OrdinalIgnoreCase))
            {
                disk.Body.Remove("managedBy");
                disk.Properties["diskState"] = "Unattached";
            }
            else state.Remove(disk);
        }
    }

    /// <summary>An instance takes the model's image: a new OS disk from it, a fresh guest, the image reference updated.</summary>
    private static void Reimage(ArmResource instance, VmImageSource source)
    {
        instance.Properties.Obj("storageProfile")["imageReference"] = source.ImageReference.DeepClone();
        if (instance.Rid.Is(InstanceType)) instance.Properties["latestModelApplied"] = true;
        Disk.GuestImage.Fresh.ApplyTo(instance.Vm!);
        instance.Vm!.Generalized = false;
    }

    // ---- rolling upgrade --------------------------------------------------------------------------------
    private static ArmResponse OsRollingUpgrade(ArmContext c)
    {
        var vmss = Require(c);
        if (vmss.ScaleSet!.Upgrade is { Running: true }) throw ArmErrors.RollingUpgradeInProgress(vmss.Name).AsException();
        var storage = vmss.Properties.At("virtualMachineProfile", "storageProfile") as JsonObject
            ?? throw ArmErrors.OperationNotAllowed($"Virtual machine scale set '{vmss.Name}' has no virtual machine profile to upgrade to.").AsException();
        // The model's image as it resolves now: a gallery definition reference takes its latest version.
        var source = ImageSources.ResolveForVm(c, storage, vmss.Location);
        var op = StartUpgrade(c, vmss, source);
        return Lro.Accepted(c, op);
    }

    /// <summary>
    /// Upgrades the instances in batches of maxBatchInstancePercent (at least one), each batch taking timing
    /// kind <c>rollingUpgradeBatch</c>; the operation ends with the last batch. An injected lroFailed fault
    /// fails the first batch: runningStatus Faulted with the fault's error.
    /// </summary>
    private static LroOperation StartUpgrade(ArmContext c, ArmResource vmss, VmImageSource source)
    {
        var state = c.State;
        var instances = Instances(state, vmss).ToList();
        var policy = vmss.Properties.At("upgradePolicy", "rollingUpgradePolicy") is JsonObject p ? Json.CloneObject(p) : new JsonObject
        {
            ["maxBatchInstancePercent"] = 20, ["maxUnhealthyInstancePercent"] = 20, ["maxUnhealthyUpgradedInstancePercent"] = 20, ["pauseTimeBetweenBatches"] = "PT0S",
        };
        var percent = policy.Long("maxBatchInstancePercent") ?? 20;
        var batchSize = Math.Max(1, (int)Math.Ceiling(instances.Count * percent / 100.0));
        var batches = instances.Chunk(batchSize).ToList();
        var seconds = state.Timing.For("rollingUpgradeBatch");
        var upgrade = new RollingUpgrade { Policy = policy, StartTime = state.Now, LastActionTime = state.Now, Total = instances.Count, BatchSize = batchSize };
        vmss.ScaleSet!.Upgrade = upgrade;
        var applied = new bool[batches.Count];
        void Apply(int b)
        {
            if (applied[b] || !upgrade.Running) return;
            applied[b] = true;
            foreach (var instance in batches[b].Where(i => state.Find(i.Id) == i)) Reimage(instance, source);
            upgrade.Successful += batches[b].Length;
        }
        var op = Lro.Start(c, "rollingUpgradeBatch", Ns, vmss.Location, () =>
        {
            if (!upgrade.Running) return;
            for (var b = 0; b < batches.Count; b++) Apply(b);
            upgrade.Code = "Completed";
            upgrade.LastActionTime = state.Now;
        }, error =>
        {
            upgrade.Code = "Faulted";
            upgrade.Error = error;
            upgrade.Failed = Math.Min(batchSize, instances.Count - upgrade.Successful);
            upgrade.LastActionTime = state.Now;
        }, seconds: seconds * batches.Count);
        upgrade.Operation = op;
        for (var b = 0; b < batches.Count; b++)
        {
            var batch = b;
            state.ScheduleIn(seconds * (b + 1), () => Apply(batch));
        }
        return op;
    }

    private static JsonObject RenderUpgrade(ArmResource vmss, RollingUpgrade u)
    {
        var inProgress = u.Running ? Math.Min(u.BatchSize, u.Total - u.Successful) : 0;
        var status = new JsonObject { ["code"] = u.Code, ["startTime"] = Json.Timestamp(u.StartTime), ["lastAction"] = u.LastAction, ["lastActionTime"] = Json.Timestamp(u.LastActionTime) };
        var properties = new JsonObject
        {
            ["policy"] = u.Policy.DeepClone(),
            ["runningStatus"] = status,
            ["progress"] = new JsonObject
            {
                ["successfulInstanceCount"] = u.Successful,
                ["failedInstanceCount"] = u.Failed,
                ["inProgressInstanceCount"] = inProgress,
                ["pendingInstanceCount"] = Math.Max(0, u.Total - u.Successful - u.Failed - inProgress),
            },
        };
        if (u.Error is not null) properties["error"] = u.Error.ToErrorObject();
        return new JsonObject
        {
            ["id"] = vmss.Id + "/rollingUpgrades/latest",
            ["name"] = "latest",
            ["type"] = "Microsoft.Compute/virtualMachineScaleSets/rollingUpgrades",
            ["location"] = vmss.Location,
            ["tags"] = new JsonObject(),
            ["properties"] = properties,
        };
    }

    // ---- delete -----------------------------------------------------------------------------------------
    private static ArmResponse Delete(ArmContext c) =>
        Tracked.DeleteOrNoContent(c, RouteId(c), vmss =>
        {
            var instances = Instances(c.State, vmss).ToList();
            foreach (var i in instances) i.Vm!.PowerState = "deallocating";
            return Tracked.DeleteLro(c, vmss, "scaleSetDelete", () => { foreach (var i in instances) RemoveInstance(c.State, i); });
        });

    /// <summary>VM list $filter ('virtualMachineScaleSet/id' eq '&lt;id&gt;'): the scale set id asked for, or null.</summary>
    public static string? ScaleSetFilter(ArmContext c)
    {
        if (!c.Query.TryGetValue("$filter", out var filter) || string.IsNullOrWhiteSpace(filter)) return null;
        var m = Regex.Match(filter, @"^\s*'?virtualMachineScaleSet/id'?\s+eq\s+'?([^']+?)'?\s*$", RegexOptions.IgnoreCase);
        if (!m.Success) throw ArmErrors.InvalidParameter($"The $filter '{filter}' is not supported. Allowed: 'virtualMachineScaleSet/id' eq '<scale set id>'.", "$filter").AsException();
        return m.Groups[1].Value;
    }
}
