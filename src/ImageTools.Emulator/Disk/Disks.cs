using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.Resources;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Disk;

/// <summary>Microsoft.Compute/disks and /snapshots (2023-04-02). PUT answers 202 (create) or 200 (update) only.</summary>
internal static class Disks
{
    public const string DiskType = "Microsoft.Compute/disks";
    public const string SnapshotType = "Microsoft.Compute/snapshots";
    private const string Ns = "Microsoft.Compute";
    private const string Rg = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute";
    private static readonly string[] SkuNames = { "Standard_LRS", "Premium_LRS", "StandardSSD_LRS", "UltraSSD_LRS", "Premium_ZRS", "StandardSSD_ZRS", "PremiumV2_LRS" };

    public static void Map(ArmRouter r)
    {
        foreach (var (segment, type) in new[] { ("disks", DiskType), ("snapshots", SnapshotType) })
        {
            var snapshot = type == SnapshotType;
            r.Put($"{Rg}/{segment}/{{name}}", c => Put(c, segment, snapshot));
            r.Patch($"{Rg}/{segment}/{{name}}", c => Patch(c, segment));
            r.Get($"{Rg}/{segment}/{{name}}", c => ArmResponse.Ok(Tracked.Require(c, Id(c, segment)).Body));
            r.Get($"{Rg}/{segment}", c => Tracked.ListIn(c, type, c.R("rg")));
            r.Get($"/subscriptions/{{sub}}/providers/Microsoft.Compute/{segment}", c => Tracked.ListIn(c, type, null));
            r.Post($"{Rg}/{segment}/{{name}}/beginGetAccess", c => BeginGetAccess(c, segment));
            r.Post($"{Rg}/{segment}/{{name}}/endGetAccess", c => EndGetAccess(c, segment));
            r.Delete($"{Rg}/{segment}/{{name}}", c => Tracked.DeleteOrNoContent(c, Id(c, segment), resource =>
            {
                if (resource.Body.Str("managedBy") is string vm && c.State.Find(vm) is not null)
                    throw ArmErrors.DiskAttached(resource.Name, vm).AsException();
                return Tracked.DeleteLro(c, resource, snapshot ? "snapshotDelete" : "diskDelete", () => FailCopiesOf(c.State, resource));
            }));
        }
    }

    private static ResourceId Id(ArmContext c, string segment) => Tracked.RouteId(c, Ns, segment, "name");

    private static void ValidateName(string name, bool snapshot)
    {
        Tracked.ValidateName(name, 80, ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' || (snapshot && ch == '.'),
            () => new ArmError(400, "InvalidResourceName", snapshot
                ? $"The snapshot name '{name}' is invalid. It can be 1-80 characters: alphanumerics, underscores, periods and hyphens, starting with an alphanumeric and ending with an alphanumeric or underscore."
                : $"The disk name '{name}' is invalid. It can be 1-80 characters: alphanumerics, underscores and hyphens."), badEnd: snapshot ? ".-" : "");
    }

    private static ArmResponse Put(ArmContext c, string segment, bool snapshot)
    {
        var rid = Id(c, segment);
        c.State.RequireResourceGroup(rid.ResourceGroup);
        ValidateName(rid.Name, snapshot);
        var body = c.Body;
        var existing = c.State.Find(rid);
        if (existing is not null)
        {
            if (body["tags"] is JsonObject tags) existing.Body["tags"] = tags.DeepClone();
            if (body.Long("properties", "diskSizeGB") is long size && size > (existing.Properties.Long("diskSizeGB") ?? 0)) existing.Properties["diskSizeGB"] = size;
            return Tracked.PutLro(c, existing, false, snapshot ? "snapshotCreate" : "diskCreate");
        }

        var location = Tracked.RequireLocation(body, rid.FullType);
        var requested = body["properties"] as JsonObject ?? Json.NewObject();
        var creation = requested["creationData"] as JsonObject ?? throw ArmErrors.InvalidParameter("Required parameter 'creationData' is missing (null).", "creationData").AsException();
        var option = creation.Str("createOption") ?? throw ArmErrors.InvalidParameter("Required parameter 'creationData.createOption' is missing (null).", "creationData.createOption").AsException();
        var properties = Json.CloneObject(requested);
        ArmResource? source = null;
        UploadRuntime? upload = null;
        var copyStart = false;
        var sku = body.Str("sku", "name") ?? (snapshot ? "Standard_LRS" : "Standard_LRS");
        if (!SkuNames.Contains(sku, StringComparer.OrdinalIgnoreCase)) throw ArmErrors.EnumValueInvalid(sku, "sku.name", SkuNames).AsException();

        switch (option.ToLowerInvariant())
        {
            case "empty":
                if (snapshot) throw ArmErrors.CreateOptionInvalid(option).AsException();
                if (requested.Long("diskSizeGB") is null) throw ArmErrors.DiskSizeRequired().AsException();
                break;
            case "copy":
            case "copystart":
                var sourceId = creation.Str("sourceResourceId") ?? throw ArmErrors.SourceResourceRequired().AsException();
                source = c.State.Find(sourceId);
                var sourceRid = ResourceId.TryParse(sourceId);
                if (source is null || !(source.Rid.Is(DiskType) || source.Rid.Is(SnapshotType)))
                    throw ArmErrors.ResourceNotFound(sourceRid is null ? sourceId : Tracked.TypeAndName(sourceRid), sourceRid?.ResourceGroup ?? rid.ResourceGroup).AsException();
                copyStart = option.Equals("CopyStart", StringComparison.OrdinalIgnoreCase);
                if (copyStart) CheckCopyStart(c, source, requested, snapshot);
                else if (source.Location != location) throw ArmErrors.CopyAcrossRegions(source.Location, location).AsException();
                if (source.Rid.Is(SnapshotType) && source.Properties.Long("completionPercent") is long percent && percent < 100)
                    throw ArmErrors.SnapshotCopyInProgress(source.Name).AsException();
                var sp = source.Properties;
                if (sp.Str("osType") is string osType) properties["osType"] ??= osType;
                if (sp.Str("hyperVGeneration") is string gen) properties["hyperVGeneration"] ??= gen;
                if (sp["securityProfile"] is JsonObject security) properties["securityProfile"] ??= security.DeepClone();
                properties["diskSizeGB"] ??= sp.Long("diskSizeGB");
                if (sp["supportedCapabilities"] is JsonObject caps) properties["supportedCapabilities"] ??= caps.DeepClone();
                var cd = properties.Obj("creationData");
                cd["sourceResourceId"] = source.Id;
                cd["sourceUniqueId"] = sp.Str("uniqueId");
                break;
            case "upload":
                if (snapshot) throw ArmErrors.CreateOptionInvalid(option).AsException();
                var uploadSize = creation.Long("uploadSizeBytes") ?? throw ArmErrors.UploadSizeRequired().AsException();
                if (uploadSize < UploadRuntime.MinBytes || uploadSize > UploadRuntime.MaxBytes) throw ArmErrors.UploadSizeOutOfRange(uploadSize).AsException();
                if ((uploadSize - 512) % (1024 * 1024) != 0) throw ArmErrors.UploadSizeNotMiB(uploadSize).AsException();
                properties["diskSizeGB"] = (uploadSize - 512 + (1L << 30) - 1) >> 30;
                upload = new UploadRuntime { SizeBytes = uploadSize };
                break;
            case "import":
                var importedGb = Storage.StorageAccounts.CheckImport(c, creation, rid.Name, location);
                properties["diskSizeGB"] = Math.Max(importedGb, properties.Long("diskSizeGB") ?? 0);
                break;
            default:
                throw ArmErrors.CreateOptionInvalid(option).AsException();
        }

        var resource = NewResource(c, rid, location, sku, Tracked.Tags(body), properties, body["zones"] as JsonArray, snapshot);
        if (source is not null)
        {
            // A copy holds the guest as its source held it at this moment (a restored disk boots "as it was").
            resource.Guest = GuestImage.Of(c.State, source);
            if (source.Extra.TryGetValue(UploadRuntime.FooterProblemKey, out var problem)) resource.Extra[UploadRuntime.FooterProblemKey] = problem;
        }
        if (upload is not null)
        {
            resource.Upload = upload;
            resource.Properties["diskState"] = "ReadyToUpload";
        }
        if (copyStart) StartCopy(c, resource, source!);
        c.State.Put(resource);
        var response = Tracked.PutLro(c, resource, true, snapshot ? "snapshotCreate" : "diskCreate", createdStatus: 202);
        response.Headers["Location"] = Lro.LocationUrl(c, resource.PendingOperation!);
        return response;
    }

    private static ArmResponse Patch(ArmContext c, string segment)
    {
        var resource = Tracked.Require(c, Id(c, segment));
        var body = c.Body;
        if (body["tags"] is JsonObject tags) resource.Body["tags"] = tags.DeepClone();
        if (body.Long("properties", "diskSizeGB") is long size) resource.Properties["diskSizeGB"] = size;
        return Tracked.PutLro(c, resource, false, "diskUpdate");
    }

    private static ArmResource NewResource(ArmContext c, ResourceId rid, string location, string sku, JsonObject tags, JsonObject properties, JsonArray? zones, bool snapshot)
    {
        var size = properties.Long("diskSizeGB") ?? 32;
        properties["diskSizeGB"] = size;
        properties["diskSizeBytes"] = size * 1024L * 1024 * 1024;
        properties["uniqueId"] = Guid.NewGuid().ToString();
        properties["timeCreated"] = Json.Timestamp(c.State.Now);
        properties["encryption"] ??= new JsonObject { ["type"] = "EncryptionAtRestWithPlatformKey" };
        properties["networkAccessPolicy"] ??= "AllowAll";
        properties["publicNetworkAccess"] ??= "Enabled";
        if (!snapshot)
        {
            properties["diskState"] = "Unattached";
            properties["tier"] ??= sku.StartsWith("Premium", StringComparison.OrdinalIgnoreCase) ? "P10" : null;
            if (properties["tier"] is null) properties.Remove("tier");
        }
        else
        {
            properties["incremental"] ??= false;
        }
        var body = Tracked.NewBody(rid, location, tags, properties);
        body["sku"] = new JsonObject { ["name"] = sku, ["tier"] = sku.StartsWith("Premium", StringComparison.OrdinalIgnoreCase) ? "Premium" : "Standard" };
        if (zones is not null) body["zones"] = zones.DeepClone();
        return new ArmResource(rid, body);
    }

    // ---- CopyStart (incremental snapshot copy) ------------------------------------------------------------
    /// <summary>
    /// CopyStart creates an incremental snapshot from an incremental snapshot (azure-docs
    /// disks-copy-incremental-snapshot-across-regions.md; the SDKs' CopyStart notes): snapshots only, the
    /// source and the copy incremental, one copy of a given disk's snapshots at a time. The documented rule
    /// allows the same region as well as another one.
    /// </summary>
    private static void CheckCopyStart(ArmContext c, ArmResource source, JsonObject requested, bool snapshot)
    {
        if (!snapshot) throw ArmErrors.CopyStartNotForDisks().AsException();
        if (!source.Rid.Is(SnapshotType) || source.Properties.Bool("incremental") != true || requested.Bool("incremental") != true)
            throw ArmErrors.CopyStartOnlyForIncrementalSnapshots().AsException();
        var disk = source.Properties.Str("creationData", "sourceResourceId");
        if (disk is null) return;
        var running = c.State.OfType(SnapshotType).FirstOrDefault(s => s.Properties.Long("completionPercent") is < 100 && s.Properties["copyCompletionError"] is null
            && s.Extra.TryGetValue("copyOfDisk", out var d) && ResourceId.Key(d) == ResourceId.Key(disk));
        if (running is not null) throw ArmErrors.CopyOfDiskInProgress(disk, running.Id).AsException();
    }

    /// <summary>
    /// The copy's completionPercent goes 0 → 100 in four steps over timing kind <c>snapshotCopy</c> (after the
    /// PUT's own operation). A source deleted before the end, or a target region listed in the replication
    /// settings' failRegions, stops it with copyCompletionError (CopySourceNotFound, the spec's only reason).
    /// </summary>
    private static void StartCopy(ArmContext c, ArmResource copy, ArmResource source)
    {
        copy.Properties["completionPercent"] = 0.0;
        if (source.Properties.Str("creationData", "sourceResourceId") is string disk) copy.Extra["copyOfDisk"] = disk;
        var state = c.State;
        var seconds = state.Timing.For("snapshotCopy");
        var failure = state.Replication.FailRegions?.TryGetValue(copy.Location, out var details) == true ? details : null;
        var sourceKey = ResourceId.Key(source.Id);
        for (var step = 1; step <= 4; step++)
        {
            var percent = step * 25.0;
            state.ScheduleIn(seconds * step / 4, () =>
            {
                if (copy.Properties["copyCompletionError"] is not null || state.Find(copy.Id) != copy) return;
                if (failure is not null && percent >= 50 || !state.Resources.ContainsKey(sourceKey))
                {
                    copy.Properties["copyCompletionError"] = new JsonObject
                    {
                        ["errorCode"] = "CopySourceNotFound",
                        ["errorMessage"] = failure ?? $"The source snapshot '{source.Id}' was deleted before the copy completed.",
                    };
                    return;
                }
                copy.Properties["completionPercent"] = percent;
            });
        }
    }

    /// <summary>Copies still running from a snapshot that is gone end with copyCompletionError.</summary>
    private static void FailCopiesOf(EmulatorState state, ArmResource source)
    {
        foreach (var copy in state.OfType(SnapshotType).Where(s => s.Properties.Long("completionPercent") is < 100 && s.Properties["copyCompletionError"] is null
            && string.Equals(s.Properties.Str("creationData", "createOption"), "CopyStart", StringComparison.OrdinalIgnoreCase)
            && ResourceId.Key(s.Properties.Str("creationData", "sourceResourceId") ?? "") == ResourceId.Key(source.Id)))
            copy.Properties["copyCompletionError"] = new JsonObject
            {
                ["errorCode"] = "CopySourceNotFound",
                ["errorMessage"] = $"The source snapshot '{source.Id}' was deleted before the copy completed.",
            };
    }

    // ---- upload -------------------------------------------------------------------------------------------
    /// <summary>A disk still taking an upload (ReadyToUpload, ActiveUpload) cannot be attached.</summary>
    public static void RequireAttachable(ArmResource disk)
    {
        if (disk.Properties.Str("diskState") is ("ReadyToUpload" or "ActiveUpload") and var state)
            throw ArmErrors.DiskNotReadyForAttach(disk.Name, state).AsException();
    }

    /// <summary>
    /// POST beginGetAccess: Write on a disk created for upload (ReadyToUpload/ActiveUpload) → ActiveUpload;
    /// Read on an unattached disk or a snapshot → ActiveSAS. The Location URL answers <c>{"accessSAS": …}</c>,
    /// a URL on the emulator itself (<c>/_blob/…</c>, see <see cref="BlobEndpoint"/>).
    /// </summary>
    private static ArmResponse BeginGetAccess(ArmContext c, string segment)
    {
        var resource = Tracked.Require(c, Id(c, segment));
        var body = c.Body;
        var access = body.Str("access") ?? throw ArmErrors.InvalidParameter("Required parameter 'access' is missing (null).", "access").AsException();
        var seconds = body.Long("durationInSeconds") ?? throw ArmErrors.InvalidParameter("Required parameter 'durationInSeconds' is missing (null).", "durationInSeconds").AsException();
        if (seconds <= 0) throw ArmErrors.InvalidParameter($"The value {seconds} of parameter 'durationInSeconds' is invalid.", "durationInSeconds").AsException();
        var state = resource.Properties.Str("diskState") ?? "Unattached";
        var snapshot = resource.Rid.Is(SnapshotType);
        string next;
        if (access.Equals("Write", StringComparison.OrdinalIgnoreCase))
        {
            if (snapshot || resource.Upload is null || state is not ("ReadyToUpload" or "ActiveUpload")) throw ArmErrors.AccessNotAllowed(resource.Name, "Write", state).AsException();
            next = "ActiveUpload";
        }
        else if (access.Equals("Read", StringComparison.OrdinalIgnoreCase))
        {
            if (!snapshot && state is not ("Unattached" or "ActiveSAS")) throw ArmErrors.AccessNotAllowed(resource.Name, "Read", state).AsException();
            next = snapshot ? state : "ActiveSAS";
        }
        else throw ArmErrors.AccessInvalid(access).AsException();

        var upload = resource.Upload ??= new UploadRuntime { SizeBytes = (resource.Properties.Long("diskSizeGB") ?? 32) * (1L << 30) + 512, ReadOnly = true };
        var sas = upload.Grant(access.Equals("Write", StringComparison.OrdinalIgnoreCase), c.State.Now.AddSeconds(seconds));
        var url = $"{c.BaseUri}_blob/{resource.Properties.Str("uniqueId")}/abcd?{sas}";
        var op = Lro.Start(c, "diskUpdate", Ns, resource.Location, () => { if (!snapshot) resource.Properties["diskState"] = next; });
        op.FinalResult = () => ArmResponse.Ok(new JsonObject { ["accessSAS"] = url });
        return Lro.Accepted(c, op);
    }

    /// <summary>POST endGetAccess: revokes the SAS; an upload ends (ActiveUpload → Unattached, what was written kept).</summary>
    private static ArmResponse EndGetAccess(ArmContext c, string segment)
    {
        var resource = Tracked.Require(c, Id(c, segment));
        resource.Upload?.Revoke();
        var op = Lro.Start(c, "diskUpdate", Ns, resource.Location, () =>
        {
            if (resource.Rid.Is(SnapshotType)) return;
            var state = resource.Properties.Str("diskState");
            if (state is "ActiveUpload")
            {
                resource.Properties["diskState"] = "Unattached";
                // ARM does not read the footer; the emulator records it, and a VM booted from it fails to boot.
                if (resource.Upload!.FooterProblem() is string problem) resource.Extra[UploadRuntime.FooterProblemKey] = problem;
                else resource.Extra.Remove(UploadRuntime.FooterProblemKey);
            }
            else if (state is "ActiveSAS") resource.Properties["diskState"] = resource.Body.Str("managedBy") is null ? "Unattached" : "Attached";
        });
        return Lro.Accepted(c, op);
    }

    public static ArmResource? FindByUniqueId(EmulatorState state, string uniqueId) =>
        state.Resources.Values.FirstOrDefault(r => (r.Rid.Is(DiskType) || r.Rid.Is(SnapshotType)) && string.Equals(r.Properties.Str("uniqueId"), uniqueId, StringComparison.OrdinalIgnoreCase));

    /// <summary>A disk made by a VM create (already Succeeded; attached by the caller).</summary>
    /// <summary>A disk's security type as a VM's: ConfidentialVM_* (DiskRP's names) is ConfidentialVM.</summary>
    public static string? VmSecurityType(string? diskSecurityType) =>
        diskSecurityType is not null && diskSecurityType.StartsWith("ConfidentialVM", StringComparison.OrdinalIgnoreCase) ? "ConfidentialVM" : diskSecurityType;

    public static ArmResource CreateForVm(ArmContext c, string rg, string name, string location, string sku, int sizeGb, string? osType,
        string? hyperVGeneration, string? securityType, JsonObject? creationData, JsonArray? zones)
    {
        var rid = new ResourceId(c.State.SubscriptionId, rg, Ns, new[] { ("disks", name) });
        if (c.State.Find(rid) is ArmResource clash && clash.Body.Str("managedBy") is string owner && c.State.Find(owner) is not null)
            throw new ArmError(409, "Conflict", $"Disk {name} already exists in resource group {rg.ToUpperInvariant()}. Only CreateOption.Attach is supported.").AsException();
        var properties = Json.NewObject();
        if (osType is not null) properties["osType"] = osType;
        if (hyperVGeneration is not null) properties["hyperVGeneration"] = hyperVGeneration;
        if (securityType is not null) properties["securityProfile"] = new JsonObject { ["securityType"] = securityType };
        properties["creationData"] = creationData?.DeepClone() ?? new JsonObject { ["createOption"] = "Empty" };
        properties["diskSizeGB"] = sizeGb;
        properties["supportedCapabilities"] = new JsonObject { ["architecture"] = "x64" };
        var disk = NewResource(c, rid, location, sku, new JsonObject(), properties, zones, false);
        disk.ProvisioningState = "Succeeded";
        c.State.Put(disk);
        return disk;
    }
}
