using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.Control;
using ImageTools.Emulator.Guest;
using ImageTools.Emulator.Resources;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Compute;

/// <summary>Microsoft.Compute/virtualMachines (2023-07-01): create from images, read, power actions, generalize, delete.</summary>
internal static class VirtualMachines
{
    public const string Type = "Microsoft.Compute/virtualMachines";
    private const string Ns = "Microsoft.Compute";
    private const string Vm = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/{vm}";

    public static void Map(ArmRouter r)
    {
        r.Put(Vm, Put);
        r.Patch(Vm, Patch);
        r.Get(Vm, c => ArmResponse.Ok(Render(c, Require(c), c.QueryIs("$expand", "instanceView"), c.QueryIs("$expand", "userData"))));
        r.Get(Vm + "/instanceView", c => ArmResponse.Ok(InstanceView(c, Require(c))));
        r.Get("/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines", c => List(c, c.R("rg")));
        r.Get("/subscriptions/{sub}/providers/Microsoft.Compute/virtualMachines", c => List(c, null));
        r.Delete(Vm, Delete);
        r.Post(Vm + "/deallocate", c => PowerAction(c, "deallocate", "deallocating", "deallocated"));
        r.Post(Vm + "/powerOff", c => PowerAction(c, "powerOff", "stopping", "stopped"));
        r.Post(Vm + "/start", c => PowerAction(c, "start", "starting", "running"));
        r.Post(Vm + "/restart", c => PowerAction(c, "restart", "starting", "running"));
        r.Post(Vm + "/generalize", Generalize);
    }

    /// <summary>VM lists, with the 2023-07-01 $filter on the scale set a VM belongs to (Flexible instances).</summary>
    private static ArmResponse List(ArmContext c, string? rg)
    {
        var scaleSet = ScaleSets.ScaleSetFilter(c);
        if (rg is not null) c.State.RequireResourceGroup(rg);
        var vms = c.State.OfType(Type, rg).Where(vm => scaleSet is null || vm.Vm?.ScaleSetId is string id && ResourceId.Key(id) == ResourceId.Key(scaleSet));
        return ArmResponse.List(c, vms.Select(vm => (JsonNode)Render(c, vm, false)));
    }

    public static ResourceId RouteId(ArmContext c) => Tracked.RouteId(c, Ns, "virtualMachines", "vm");

    public static ArmResource Require(ArmContext c) => Tracked.Require(c, RouteId(c));

    public static VmRuntime RuntimeOf(ArmResource vm) => vm.Vm ?? throw new InvalidOperationException("not a VM");

    // ---- create / update ---------------------------------------------------------------------------
    private static ArmResponse Put(ArmContext c)
    {
        var rid = RouteId(c);
        c.State.RequireResourceGroup(rid.ResourceGroup);
        var body = c.Body;
        var existing = c.State.Find(rid);
        if (existing is not null) return Update(c, existing, body);

        ValidateVmName(rid.Name);
        var location = Tracked.RequireLocation(body, Type);
        var properties = body["properties"] as JsonObject ?? throw ArmErrors.InvalidParameter("Required parameter 'properties' is missing (null).", "properties").AsException();

        var sizeName = properties.Str("hardwareProfile", "vmSize") ?? "Standard_D2s_v3";
        var size = VmSizes.Find(sizeName) ?? throw ArmErrors.VmSizeNotAvailable(sizeName, location).AsException();

        var storage = properties["storageProfile"] as JsonObject ?? throw ArmErrors.InvalidParameter("Required parameter 'storageProfile' is missing (null).", "storageProfile").AsException();
        var source = ImageSources.ResolveForVm(c, storage, location);
        var osDiskRequest = storage["osDisk"] as JsonObject ?? Json.NewObject();
        var unmanaged = osDiskRequest["vhd"] is JsonObject;

        // osProfile rules
        var osProfile = properties["osProfile"] as JsonObject;
        if (source.OsState == "Generalized" && osProfile is null) throw ArmErrors.OsProfileMissing().AsException();
        if (source.OsState == "Specialized" && osProfile is not null) throw ArmErrors.OsProfileNotAllowed().AsException();
        if (osProfile is not null) OsProfileRules.Validate(osProfile, source.OsType, rid.Name);

        // security profile and Hyper-V generation
        var securityType = ValidateSecurity(properties["securityProfile"] as JsonObject, source);
        var encryptionType = ValidateConfidential(properties["securityProfile"] as JsonObject, osDiskRequest, size, securityType);
        var generationNumber = source.HyperVGeneration == "V2" ? 2 : 1;
        if ((generationNumber == 1 && !size.Gen1) || (generationNumber == 2 && !size.Gen2))
            throw ArmErrors.SizeCannotBootGeneration(size.Name, generationNumber).AsException();

        // network
        var nics = ValidateNetwork(c, properties, rid, location);

        // quota
        Usages.EnsureQuota(c.State, location, size);

        var vmId = rid.Format();
        var stored = Json.CloneObject(properties);
        stored["vmId"] = Guid.NewGuid().ToString();
        stored["hardwareProfile"] = new JsonObject { ["vmSize"] = size.Name };
        stored["timeCreated"] = Json.Timestamp(c.State.Now);
        if (osProfile is not null) stored["osProfile"] = OsProfileRules.Render(osProfile, source.OsType, rid.Name);
        if (securityType != "Standard" && stored["securityProfile"] is JsonObject sp)
        {
            var uefi = sp.Obj("uefiSettings");
            uefi["secureBootEnabled"] ??= true;
            uefi["vTpmEnabled"] ??= true;
        }
        var zones = body["zones"] as JsonArray;

        // disks
        var storedStorage = Json.NewObject();
        if (source.ImageReference.Count > 0) storedStorage["imageReference"] = source.ImageReference.DeepClone();
        var osDisk = Json.CloneObject(osDiskRequest);
        osDisk["osType"] = source.OsType;
        osDisk["createOption"] = osDiskRequest.Str("createOption") ?? "FromImage";
        osDisk["caching"] ??= "ReadWrite";
        osDisk["deleteOption"] ??= "Detach";
        osDisk["diskSizeGB"] = osDiskRequest.Long("diskSizeGB") ?? source.OsDiskSizeGb;
        var diskSecurity = securityType switch
        {
            "Standard" => null,
            "ConfidentialVM" => encryptionType switch
            {
                "DiskWithVMGuestState" => "ConfidentialVM_DiskEncryptedWithPlatformKey",
                "NonPersistedTPM" => "ConfidentialVM_NonPersistedTPM",
                _ => "ConfidentialVM_VMGuestStateOnlyEncryptedWithPlatformKey",
            },
            _ => securityType,
        };
        var createdDisks = new List<ArmResource>();
        if (!unmanaged)
        {
            ArmResource disk;
            if (source.AttachedDisk is not null) disk = source.AttachedDisk;
            else
            {
                var diskName = osDiskRequest.Str("name") ?? $"{rid.Name}_OsDisk_1_{Guid.NewGuid():N}";
                disk = Disk.Disks.CreateForVm(c, rid.ResourceGroup, diskName, location, osDiskRequest.Str("managedDisk", "storageAccountType") ?? "Premium_LRS",
                    (int)osDisk.Long("diskSizeGB")!.Value, source.OsType, source.HyperVGeneration, diskSecurity, source.DiskCreationData, zones);
                createdDisks.Add(disk);
            }
            disk.Body["managedBy"] = vmId;
            disk.Properties["diskState"] = "Attached";
            osDisk["name"] = disk.Name;
            var md = osDisk.Obj("managedDisk");
            md["storageAccountType"] = disk.Body.Str("sku", "name");
            md["id"] = disk.Id;
        }
        storedStorage["osDisk"] = osDisk;
        var dataDisks = new JsonArray();
        var requestedData = storage.Objects("dataDisks").ToList();
        foreach (var (lun, sizeGb) in source.DataDisks.Where(d => requestedData.All(r => r.Long("lun") != d.Lun)))
            requestedData.Add(new JsonObject { ["lun"] = lun, ["createOption"] = "FromImage", ["diskSizeGB"] = sizeGb });
        foreach (var request in requestedData.OrderBy(d => d.Long("lun")))
        {
            var lun = (int)(request.Long("lun") ?? 0);
            var dd = Json.CloneObject(request);
            dd["caching"] ??= "None";
            dd["deleteOption"] ??= "Detach";
            dd["toBeDetached"] = false;
            if (!unmanaged)
            {
                ArmResource disk;
                var option = request.Str("createOption") ?? "Empty";
                if (option.Equals("Attach", StringComparison.OrdinalIgnoreCase))
                {
                    var attachId = request.Str("managedDisk", "id") ?? throw ArmErrors.InvalidParameter("Required parameter 'managedDisk.id' is missing (null).", $"dataDisks[{lun}].managedDisk.id").AsException();
                    disk = c.State.Find(attachId) ?? throw ArmErrors.ResourceNotFound("Microsoft.Compute/disks/" + attachId.Split('/')[^1], rid.ResourceGroup).AsException();
                    Disk.Disks.RequireAttachable(disk);
                }
                else
                {
                    var size2 = (int)(request.Long("diskSizeGB") ?? 32);
                    disk = Disk.Disks.CreateForVm(c, rid.ResourceGroup, request.Str("name") ?? $"{rid.Name}_disk{lun + 2}_{Guid.NewGuid():N}", location,
                        request.Str("managedDisk", "storageAccountType") ?? "Premium_LRS", size2, null, null, null,
                        option.Equals("FromImage", StringComparison.OrdinalIgnoreCase) ? source.DiskCreationData : new JsonObject { ["createOption"] = "Empty" }, zones);
                    disk.Properties["lun"] = lun;
                    createdDisks.Add(disk);
                }
                disk.Body["managedBy"] = vmId;
                disk.Properties["diskState"] = "Attached";
                dd["name"] = disk.Name;
                dd["diskSizeGB"] = disk.Properties.Long("diskSizeGB");
                var md = dd.Obj("managedDisk");
                md["storageAccountType"] = disk.Body.Str("sku", "name");
                md["id"] = disk.Id;
            }
            dataDisks.Add(dd);
        }
        storedStorage["dataDisks"] = dataDisks;
        storedStorage["diskControllerType"] = source.HyperVGeneration == "V2" ? "SCSI" : null;
        if (storedStorage["diskControllerType"] is null) storedStorage.Remove("diskControllerType");
        stored["storageProfile"] = storedStorage;

        var vm = new ArmResource(rid, Tracked.NewBody(rid, location, Tracked.Tags(body), stored));
        if (zones is not null) vm.Body["zones"] = zones.DeepClone();
        if (body["identity"] is JsonObject identity) vm.Body["identity"] = identity.DeepClone();
        if (body["plan"] is JsonObject plan) vm.Body["plan"] = plan.DeepClone();
        vm.Vm = new VmRuntime
        {
            OsType = source.OsType, HyperVGeneration = source.HyperVGeneration, Size = size, SecurityType = securityType,
            OsName = string.IsNullOrEmpty(source.OsName) ? (source.OsType == "Windows" ? "Windows Server 2022 Datacenter" : "ubuntu") : source.OsName,
            OsVersion = string.IsNullOrEmpty(source.OsVersion) ? (source.OsType == "Windows" ? "10.0.20348.2402" : "22.04") : source.OsVersion,
            Unmanaged = unmanaged, ScaleSetId = properties.Str("virtualMachineScaleSet", "id"),
        };
        // A VM on an existing OS disk boots the guest that disk holds.
        if (source.AttachedDisk is not null) Disk.GuestImage.Of(c.State, source.AttachedDisk).ApplyTo(vm.Vm);
        var key = rid.ResourceGroup + "/" + rid.Name;
        if (c.State.PendingGuests.Remove(key, out var traits)) vm.Vm.Apply(traits);
        foreach (var nic in nics) nic.Properties["virtualMachine"] = new JsonObject { ["id"] = vmId };
        c.State.Put(vm);

        // ARM does not inspect an uploaded VHD: a VM on a disk whose footer is not a fixed VHD's is created but
        // does not boot. From an image (OS provisioning waits for the guest) the create ends OSProvisioningTimedOut;
        // on an attached disk (no provisioning) the VM runs and its agent never reports Ready.
        ArmError? bootFailure = null;
        if (source.BootProblem is not null)
        {
            if (source.Kind == "attach") vm.Vm.AgentHealthy = false;
            else bootFailure = new ArmError(500, "OSProvisioningTimedOut", $"OS Provisioning for VM '{rid.Name}' did not finish in the allotted time. The VM may still finish provisioning successfully. Please check provisioning state later. Also, make sure the image has been properly prepared (generalized).");
        }
        return Tracked.PutLro(c, vm, true, "vmCreate", onSucceeded: () => vm.Vm.PowerState = "running",
            onFailed: _ => vm.Vm.PowerState = "stopped", plannedFailure: bootFailure);
    }

    private static void ValidateVmName(string name)
    {
        if (name.Length is 0 or > 64 || name.StartsWith('_') || name.EndsWith('.') || name.EndsWith('-')
            || name.Any(ch => !(char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.')))
            throw new ArmError(400, "InvalidResourceName", $"The resource name '{name}' is invalid. The name can be up to 64 characters long. It can contain only letters, digits, '-', '_' and '.', cannot start with '_' and cannot end with '.' or '-'.").AsException();
    }

    private static string ValidateSecurity(JsonObject? securityProfile, VmImageSource source)
    {
        var requested = securityProfile.Str("securityType");
        if (requested is not null && !requested.Equals("TrustedLaunch", StringComparison.OrdinalIgnoreCase) && !requested.Equals("ConfidentialVM", StringComparison.OrdinalIgnoreCase) && !requested.Equals("Standard", StringComparison.OrdinalIgnoreCase))
            throw ArmErrors.InvalidSecurityType(requested).AsException();
        var securityType = requested is null ? "Standard" : requested.Equals("TrustedLaunch", StringComparison.OrdinalIgnoreCase) ? "TrustedLaunch" : requested.Equals("ConfidentialVM", StringComparison.OrdinalIgnoreCase) ? "ConfidentialVM" : "Standard";
        if (securityProfile?["uefiSettings"] is JsonObject && securityType == "Standard") throw ArmErrors.UefiSettingsRequireSecurityType().AsException();
        if (source.RequiredSecurityType is string required && !required.Equals(securityType, StringComparison.OrdinalIgnoreCase))
            throw ArmErrors.ImageRequiresSecurityType(required).AsException();
        if (securityType == "TrustedLaunch" && (source.HyperVGeneration != "V2" || !source.TrustedLaunchCapable)) throw ArmErrors.TrustedLaunchNotSupportedForImage().AsException();
        if (securityType == "ConfidentialVM" && (source.HyperVGeneration != "V2" || !source.ConfidentialCapable)) throw ArmErrors.ConfidentialVmNotSupportedForImage().AsException();
        return securityType;
    }

    private static readonly string[] EncryptionTypes = { "VMGuestStateOnly", "DiskWithVMGuestState", "NonPersistedTPM" };

    /// <summary>
    /// ConfidentialVM: the OS disk's managedDisk.securityProfile.securityEncryptionType is required (and
    /// refused for other security types), the size must be a confidential one (DCasv5/ECasv5 families),
    /// vTPM stays on, and DiskWithVMGuestState needs secure boot. Returns the canonical encryption type.
    /// </summary>
    private static string? ValidateConfidential(JsonObject? securityProfile, JsonObject osDisk, VmSize size, string securityType)
    {
        var requested = osDisk.Str("managedDisk", "securityProfile", "securityEncryptionType");
        if (securityType != "ConfidentialVM")
        {
            if (requested is not null) throw ArmErrors.SecurityEncryptionTypeWithoutConfidentialVm().AsException();
            return null;
        }
        if (requested is null) throw ArmErrors.SecurityEncryptionTypeMissing().AsException();
        var encryption = EncryptionTypes.FirstOrDefault(t => t.Equals(requested, StringComparison.OrdinalIgnoreCase))
            ?? throw ArmErrors.SecurityEncryptionTypeInvalid(requested).AsException();
        if (!size.Confidential) throw ArmErrors.ConfidentialVmSizeNotSupported(size.Name).AsException();
        if (securityProfile?["uefiSettings"]?["vTpmEnabled"] is JsonValue vtpm && !vtpm.GetValue<bool>()) throw ArmErrors.ConfidentialVmRequiresVTpm().AsException();
        if (encryption == "DiskWithVMGuestState" && securityProfile?["uefiSettings"]?["secureBootEnabled"] is JsonValue sb && !sb.GetValue<bool>())
            throw ArmErrors.DiskWithVmGuestStateRequiresSecureBoot().AsException();
        return encryption;
    }

    private static List<ArmResource> ValidateNetwork(ArmContext c, JsonObject properties, ResourceId rid, string location)
    {
        var refs = properties.Objects("networkProfile", "networkInterfaces").ToList();
        if (refs.Count == 0 && properties.At("networkProfile", "networkInterfaceConfigurations") is null) throw ArmErrors.NetworkProfileRequired().AsException();
        var nics = new List<ArmResource>();
        foreach (var reference in refs)
        {
            var id = reference.Str("id") ?? throw ArmErrors.InvalidParameter("Required parameter 'networkInterfaces.id' is missing (null).", "networkProfile.networkInterfaces").AsException();
            var nic = c.State.Find(id);
            if (nic is null || !nic.Rid.Is(Network.NetworkResources.NicType)) throw ArmErrors.NicNotFound(id, rid.Format()).AsException();
            if (nic.Properties.Str("virtualMachine", "id") is string owner && c.State.Find(owner) is not null && ResourceId.Key(owner) != ResourceId.Key(rid.Format()))
                throw ArmErrors.NicInUse(nic.Id, owner).AsException();
            if (nic.Location != location) throw ArmErrors.NicLocationMismatch(nic.Id, nic.Location, location).AsException();
            nics.Add(nic);
        }
        return nics;
    }

    private static ArmResponse Update(ArmContext c, ArmResource vm, JsonObject body)
    {
        if (vm.ProvisioningState is "Creating" or "Deleting" || RuntimeOf(vm).ActionInProgress) throw ArmErrors.NotAllowedInProgress("Update VM", vm.Name).AsException();
        var properties = body["properties"] as JsonObject;
        var requestedProfile = properties?["osProfile"] as JsonObject;
        var currentProfile = vm.Properties["osProfile"] as JsonObject;
        if (requestedProfile is not null && (currentProfile is null
            || !string.Equals(requestedProfile.Str("computerName") ?? currentProfile.Str("computerName"), currentProfile.Str("computerName"), StringComparison.OrdinalIgnoreCase)
            || !string.Equals(requestedProfile.Str("adminUsername") ?? currentProfile.Str("adminUsername"), currentProfile.Str("adminUsername"), StringComparison.Ordinal)))
            throw ArmErrors.OsProfileChange().AsException();
        ApplyMutable(c, vm, body);
        return Tracked.PutLro(c, vm, false, "vmUpdate");
    }

    private static ArmResponse Patch(ArmContext c)
    {
        var vm = Require(c);
        if (vm.ProvisioningState is "Creating" or "Deleting" || RuntimeOf(vm).ActionInProgress) throw ArmErrors.NotAllowedInProgress("Update VM", vm.Name).AsException();
        ApplyMutable(c, vm, c.Body);
        return Tracked.PutLro(c, vm, false, "vmUpdate");
    }

    private static void ApplyMutable(ArmContext c, ArmResource vm, JsonObject body)
    {
        // Every check runs before anything changes: a refused update leaves the VM as it was.
        var diskChanges = PlanDiskChanges(c, vm, body);
        if (body["tags"] is JsonObject tags) vm.Body["tags"] = tags.DeepClone();
        if (body.Str("properties", "hardwareProfile", "vmSize") is string sizeName && !sizeName.Equals(vm.Vm!.Size.Name, StringComparison.OrdinalIgnoreCase))
        {
            var size = VmSizes.Find(sizeName) ?? throw ArmErrors.VmSizeNotAvailable(sizeName, vm.Location).AsException();
            var gen = vm.Vm.HyperVGeneration == "V2" ? 2 : 1;
            if ((gen == 1 && !size.Gen1) || (gen == 2 && !size.Gen2)) throw ArmErrors.SizeCannotBootGeneration(size.Name, gen).AsException();
            if (vm.Vm.HoldsCores) Usages.EnsureQuota(c.State, vm.Location, size, vm.Vm.Size);
            vm.Vm.Size = size;
            vm.Properties.Obj("hardwareProfile")["vmSize"] = size.Name;
        }
        diskChanges?.Invoke();
    }

    /// <summary>
    /// OS disk swap and data disk changes of an update (PUT or PATCH carrying storageProfile): checks them all
    /// and returns the change to apply, or null when the disks stay as they are. The OS disk swap follows
    /// azure-docs os-disk-swap.md: the VM must be deallocated, the new disk a managed disk of the same OS type
    /// (and Hyper-V generation), free, and createOption cannot change. The swapped-in disk brings its guest
    /// state (a disk restored from a snapshot boots as the snapshot's source was); the swapped-out disk keeps
    /// the guest's current state. A VM flagged generalized stays generalized: ARM documents generalization as
    /// irreversible and nothing published says a swap clears it, so the emulator keeps the flag (start stays
    /// refused) and a rollback must create a VM from the restored disk (createOption Attach).
    /// </summary>
    private static Action? PlanDiskChanges(ArmContext c, ArmResource vm, JsonObject body)
    {
        if (body.At("properties", "storageProfile") is not JsonObject storage) return null;
        var rt = RuntimeOf(vm);
        var current = vm.Properties.Obj("storageProfile");
        var changes = new List<Action>();
        var vmId = vm.Id;

        if (storage["osDisk"] is JsonObject osRequest && current["osDisk"] is JsonObject osCurrent)
        {
            if (osRequest.Str("createOption") is string option && osCurrent.Str("createOption") is string was && !option.Equals(was, StringComparison.OrdinalIgnoreCase))
                throw ArmErrors.PropertyChangeNotAllowed("osDisk.createOption").AsException();
            if (osRequest.Str("managedDisk", "id") is string newId && osCurrent.Str("managedDisk", "id") is string oldId
                && ResourceId.Key(newId) != ResourceId.Key(oldId))
            {
                var disk = RequireFreeDisk(c, newId, vm);
                if (!ImageSources.Canon(disk.Properties.Str("osType") ?? rt.OsType).Equals(rt.OsType, StringComparison.OrdinalIgnoreCase)
                    || (osRequest.Str("osType") is string requestedOs && !ImageSources.Canon(requestedOs).Equals(rt.OsType, StringComparison.OrdinalIgnoreCase)))
                    throw ArmErrors.PropertyChangeNotAllowed("osDisk.osType").AsException();
                if (!(disk.Properties.Str("hyperVGeneration") ?? "V1").Equals(rt.HyperVGeneration, StringComparison.OrdinalIgnoreCase))
                    throw ArmErrors.SwapGenerationMismatch(rt.HyperVGeneration).AsException();
                if (rt.PowerState != "deallocated") throw ArmErrors.SwapRequiresDeallocated(vm.Name).AsException();
                var old = c.State.Find(oldId);
                changes.Add(() =>
                {
                    if (old is not null)
                    {
                        old.Guest = Disk.GuestImage.From(rt);
                        old.Body.Remove("managedBy");
                        old.Properties["diskState"] = "Unattached";
                    }
                    (disk.Guest ?? Disk.GuestImage.Fresh).ApplyTo(rt);
                    rt.AgentHealthy = !disk.Extra.ContainsKey(Disk.UploadRuntime.FooterProblemKey);
                    Attach(disk, vmId);
                    osCurrent["name"] = disk.Name;
                    osCurrent["diskSizeGB"] = disk.Properties.Long("diskSizeGB");
                    var md = osCurrent.Obj("managedDisk");
                    md["id"] = disk.Id;
                    md["storageAccountType"] = disk.Body.Str("sku", "name");
                });
            }
        }

        if (storage["dataDisks"] is JsonArray requestedData && !rt.Unmanaged)
        {
            var currentData = current["dataDisks"] as JsonArray ?? new JsonArray();
            var byLun = currentData.OfType<JsonObject>().ToDictionary(d => d.Long("lun") ?? 0);
            var requested = requestedData.OfType<JsonObject>().ToList();
            if (requested.Select(d => d.Long("lun") ?? 0).Distinct().Count() != requested.Count)
                throw ArmErrors.InvalidParameter("Data disk LUNs must be unique.", "dataDisks").AsException();
            var next = new List<(JsonObject Entry, ArmResource? Attach, ArmResource? Detach, bool Create)>();
            foreach (var request in requested)
            {
                var lun = request.Long("lun") ?? 0;
                var id = request.Str("managedDisk", "id");
                byLun.TryGetValue(lun, out var existing);
                var existingId = existing?.Str("managedDisk", "id");
                if (existing is not null && (id is null || ResourceId.Key(id) == ResourceId.Key(existingId ?? ""))) { next.Add((existing, null, null, false)); continue; }
                var option = request.Str("createOption") ?? "Attach";
                ArmResource? attach = null;
                if (option.Equals("Attach", StringComparison.OrdinalIgnoreCase) || id is not null)
                {
                    if (id is null) throw ArmErrors.InvalidParameter("Required parameter 'managedDisk.id' is missing (null).", $"dataDisks[{lun}].managedDisk.id").AsException();
                    attach = RequireFreeDisk(c, id, vm);
                }
                else if (!option.Equals("Empty", StringComparison.OrdinalIgnoreCase))
                    throw ArmErrors.InvalidParameter($"The value '{option}' of parameter 'dataDisks[{lun}].createOption' is not supported when updating a virtual machine; use Attach or Empty.", $"dataDisks[{lun}].createOption").AsException();
                var entry = Json.CloneObject(request);
                entry["lun"] = lun;
                entry["createOption"] = attach is null ? "Empty" : "Attach";
                entry["caching"] ??= "None";
                entry["deleteOption"] ??= "Detach";
                entry["toBeDetached"] = false;
                next.Add((entry, attach, existingId is null ? null : c.State.Find(existingId), attach is null));
            }
            var requestedLuns = requested.Select(d => d.Long("lun") ?? 0).ToHashSet();
            var removed = byLun.Where(kv => !requestedLuns.Contains(kv.Key)).Select(kv => kv.Value.Str("managedDisk", "id")).OfType<string>().Select(c.State.Find).OfType<ArmResource>().ToList();
            changes.Add(() =>
            {
                var result = new JsonArray();
                foreach (var (entry, attach, detach, create) in next.OrderBy(n => n.Entry.Long("lun")))
                {
                    if (detach is not null) Detach(detach);
                    var disk = attach;
                    if (create)
                        disk = Disk.Disks.CreateForVm(c, vm.Rid.ResourceGroup, entry.Str("name") ?? $"{vm.Name}_disk{entry.Long("lun") + 2}_{Guid.NewGuid():N}", vm.Location,
                            entry.Str("managedDisk", "storageAccountType") ?? "Premium_LRS", (int)(entry.Long("diskSizeGB") ?? 32), null, null, null, null, vm.Body["zones"] as JsonArray);
                    if (disk is not null)
                    {
                        Attach(disk, vmId);
                        entry["name"] = disk.Name;
                        entry["diskSizeGB"] = disk.Properties.Long("diskSizeGB");
                        var md = entry.Obj("managedDisk");
                        md["id"] = disk.Id;
                        md["storageAccountType"] = disk.Body.Str("sku", "name");
                    }
                    result.Add(entry.Parent is null ? entry : Json.CloneObject(entry));
                }
                foreach (var disk in removed) Detach(disk);
                current["dataDisks"] = result;
            });
        }
        return changes.Count == 0 ? null : () => { foreach (var change in changes) change(); };
    }

    /// <summary>A managed disk that can be attached to <paramref name="vm"/>: exists, attached to no other VM, not being uploaded.</summary>
    private static ArmResource RequireFreeDisk(ArmContext c, string id, ArmResource vm)
    {
        var rid = ResourceId.TryParse(id);
        var disk = c.State.Find(id);
        if (disk is null || !disk.Rid.Is(Disk.Disks.DiskType))
            throw ArmErrors.ResourceNotFound(rid is null ? id : Tracked.TypeAndName(rid), rid?.ResourceGroup ?? vm.Rid.ResourceGroup).AsException();
        if (disk.Body.Str("managedBy") is string owner && c.State.Find(owner) is not null && ResourceId.Key(owner) != ResourceId.Key(vm.Id))
            throw ArmErrors.DiskAlreadyAttached(disk.Name, owner).AsException();
        Disk.Disks.RequireAttachable(disk);
        return disk;
    }

    private static void Attach(ArmResource disk, string vmId)
    {
        disk.Body["managedBy"] = vmId;
        disk.Properties["diskState"] = "Attached";
    }

    private static void Detach(ArmResource disk)
    {
        disk.Body.Remove("managedBy");
        disk.Properties["diskState"] = "Unattached";
    }

    // ---- read ---------------------------------------------------------------------------------------
    /// <summary>The VM as GET shows it: userData only with $expand=userData, instanceView only with $expand=instanceView.</summary>
    public static JsonObject Render(ArmContext c, ArmResource vm, bool expandInstanceView, bool expandUserData = false)
    {
        var body = Json.CloneObject(vm.Body);
        if (!expandUserData) body.Obj("properties").Remove("userData");
        if (expandInstanceView) body.Obj("properties")["instanceView"] = InstanceView(c, vm);
        return body;
    }

    public static JsonObject InstanceView(ArmContext c, ArmResource vm)
    {
        var rt = RuntimeOf(vm);
        var created = vm.Created;
        var view = Json.NewObject();
        if (vm.Properties.Str("osProfile", "computerName") is string computerName) view["computerName"] = computerName;
        view["osName"] = rt.OsName;
        view["osVersion"] = rt.OsVersion;
        var agentStatus = rt.AgentReady
            ? VmRuntime.Status("ProvisioningState/succeeded", "Ready", c.State.Now, "GuestAgent is running and processing the extensions.")
            : VmRuntime.Status("ProvisioningState/Unavailable", "Not Ready", c.State.Now, "VM status blob is found but not yet populated.");
        view["vmAgent"] = new JsonObject
        {
            ["vmAgentVersion"] = rt.AgentReady ? (rt.IsWindows ? "2.7.41491.1102" : "2.10.0.8") : "Unknown",
            ["statuses"] = new JsonArray(agentStatus),
        };
        var disks = new JsonArray();
        if (vm.Properties.Str("storageProfile", "osDisk", "name") is string osDiskName)
            disks.Add(new JsonObject { ["name"] = osDiskName, ["statuses"] = new JsonArray(VmRuntime.Status("ProvisioningState/succeeded", "Provisioning succeeded", created)) });
        foreach (var dd in vm.Properties.Objects("storageProfile", "dataDisks"))
            disks.Add(new JsonObject { ["name"] = dd.Str("name"), ["statuses"] = new JsonArray(VmRuntime.Status("ProvisioningState/succeeded", "Provisioning succeeded", created)) });
        view["disks"] = disks;
        view["hyperVGeneration"] = rt.HyperVGeneration;
        var statuses = new JsonArray();
        statuses.Add(vm.ProvisioningState switch
        {
            "Succeeded" => VmRuntime.Status("ProvisioningState/succeeded", "Provisioning succeeded", created),
            "Failed" => new JsonObject { ["code"] = "ProvisioningState/failed", ["level"] = "Error", ["displayStatus"] = "Provisioning failed", ["time"] = Json.Timestamp(c.State.Now) },
            var s => VmRuntime.Status("ProvisioningState/" + s.ToLowerInvariant(), s),
        });
        if (rt.Generalized) statuses.Add(VmRuntime.Status("OSState/generalized", "VM generalized"));
        statuses.Add(VmRuntime.Status("PowerState/" + rt.PowerState, "VM " + rt.PowerState));
        view["statuses"] = statuses;
        return view;
    }

    // ---- power actions --------------------------------------------------------------------------------
    private static ArmResponse PowerAction(ArmContext c, string action, string transient, string final)
    {
        var vm = Require(c);
        var rt = RuntimeOf(vm);
        if (vm.ProvisioningState is "Creating" or "Deleting" || rt.ActionInProgress && rt.ActiveAction!.Kind != action)
            throw ArmErrors.NotAllowedInProgress(action, vm.Name).AsException();
        // The same action again supersedes the running one, which ends preempted.
        if (rt.ActionInProgress) Lro.Preempt(c.State, rt.ActiveAction!);
        switch (action)
        {
            case "start":
                if (rt.Generalized) throw ArmErrors.NotAllowedGeneralized("start", vm.Name).AsException();
                if (rt.HoldsCores == false) Usages.EnsureQuota(c.State, vm.Location, rt.Size);
                break;
            case "restart":
                if (rt.Generalized) throw ArmErrors.NotAllowedGeneralized("restart", vm.Name).AsException();
                if (!rt.Running) throw ArmErrors.RequiresRunning().AsException();
                break;
            case "powerOff":
                if (rt.Generalized) throw ArmErrors.NotAllowedGeneralized("powerOff", vm.Name).AsException();
                if (rt.PowerState == "deallocated") throw ArmErrors.NotAllowedDeallocated("powerOff", vm.Name).AsException();
                break;
        }
        var previous = rt.PowerState;
        var noOp = previous == final && action != "restart";
        if (!noOp) rt.PowerState = transient;
        var op = Lro.Start(c, action, Ns, vm.Location, () =>
        {
            rt.PowerState = final;
            if (final == "running")
            {
                rt.RunCommandRunning = false;
                rt.GuestRestarting = false;
                if (rt.SysprepRunning && rt.SysprepOutcome != "hang") rt.SysprepRunning = false;
                // A sealed guest that boots again runs specialize and waits in OOBE: the seal is gone.
                if (rt.ImageState == ScriptInterpreter.ResealToOobe) rt.ImageState = ScriptInterpreter.SpecializeResealToOobe;
            }
        }, _ => rt.PowerState = previous);
        rt.ActiveAction = op;
        return Lro.Accepted(c, op);
    }

    private static ArmResponse Generalize(ArmContext c)
    {
        var vm = Require(c);
        var rt = RuntimeOf(vm);
        if (rt.PowerState is "running" or "starting") throw ArmErrors.NotAllowedWhileRunning("generalize", vm.Name).AsException();
        if (vm.ProvisioningState is "Creating" or "Deleting" || rt.ActionInProgress) throw ArmErrors.NotAllowedInProgress("generalize", vm.Name).AsException();
        rt.Generalized = true;
        return ArmResponse.Ok(null);
    }

    // ---- delete -----------------------------------------------------------------------------------------
    private static ArmResponse Delete(ArmContext c)
    {
        var rid = RouteId(c);
        return Tracked.DeleteOrNoContent(c, rid, vm =>
        {
            var rt = RuntimeOf(vm);
            rt.PowerState = "deallocating";
            return Tracked.DeleteLro(c, vm, "vmDelete", () => ReleaseDependents(c, vm));
        });
    }

    /// <summary>Detaches (or deletes, per deleteOption) disks and NICs of a VM that is gone.</summary>
    public static void ReleaseDependents(ArmContext c, ArmResource vm)
    {
        var storage = vm.Properties["storageProfile"] as JsonObject;
        var diskRefs = new List<JsonObject>();
        if (storage?["osDisk"] is JsonObject os) diskRefs.Add(os);
        diskRefs.AddRange(storage.Objects("dataDisks"));
        foreach (var reference in diskRefs)
        {
            if (reference.Str("managedDisk", "id") is not string diskId || c.State.Find(diskId) is not ArmResource disk) continue;
            if (string.Equals(reference.Str("deleteOption"), "Delete", StringComparison.OrdinalIgnoreCase)) c.State.Remove(disk);
            else
            {
                // The OS disk keeps the guest as the VM left it.
                if (ReferenceEquals(reference, storage?["osDisk"]) && vm.Vm is { } rt) disk.Guest = Disk.GuestImage.From(rt);
                Detach(disk);
            }
        }
        foreach (var reference in vm.Properties.Objects("networkProfile", "networkInterfaces"))
        {
            if (reference.Str("id") is not string nicId || c.State.Find(nicId) is not ArmResource nic) continue;
            if (string.Equals(reference.Str("properties", "deleteOption") ?? reference.Str("deleteOption"), "Delete", StringComparison.OrdinalIgnoreCase)) c.State.Remove(nic);
            else nic.Properties.Remove("virtualMachine");
        }
    }
}
