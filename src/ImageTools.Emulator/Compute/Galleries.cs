using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.Resources;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Compute;

/// <summary>Replication progress of one image version, computed from time on every read.</summary>
internal sealed class ReplicationRuntime
{
    /// <summary>One target region; <paramref name="Since"/> is when its own replication started (null: when the version's provisioning succeeded).</summary>
    public sealed record Region(string Name, string DisplayName, double Seconds, string? FailDetails, bool Home, int ReplicaCount = 1, DateTimeOffset? Since = null)
    {
        public string Storage { get; init; } = "";
    }

    public List<Region> Regions { get; } = new();
    /// <summary>When provisioning succeeded (replication clock start); null while provisioning.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    public (string State, int Progress, string Details) StateOf(Region region, DateTimeOffset now)
    {
        if ((region.Since ?? StartedAt) is not DateTimeOffset start) return ("Replicating", 0, "");
        if (region.Home && region.FailDetails is null) return ("Completed", 100, "");
        var elapsed = (now - start).TotalSeconds;
        var fraction = region.Seconds <= 0 ? 1 : Math.Min(1, elapsed / region.Seconds);
        if (fraction >= 1) return region.FailDetails is null ? ("Completed", 100, "") : ("Failed", 50, region.FailDetails);
        var progress = (int)Math.Floor(fraction * 100);
        return ("Replicating", region.FailDetails is null ? progress : Math.Min(progress, 50), "");
    }

    public bool IsCompletedIn(string location, DateTimeOffset now) =>
        Regions.Any(r => r.Name == location && StateOf(r, now).State == "Completed");

    public JsonObject Render(DateTimeOffset now)
    {
        var states = Regions.Select(r => (r, StateOf(r, now))).ToList();
        var aggregated = states.Any(s => s.Item2.State == "Failed") ? "Failed"
            : states.All(s => s.Item2.State == "Completed") ? "Completed" : "InProgress";
        return new JsonObject
        {
            ["aggregatedState"] = aggregated,
            ["summary"] = new JsonArray(states.Select(s => (JsonNode)new JsonObject
            {
                ["region"] = s.r.DisplayName, ["state"] = s.Item2.State, ["details"] = s.Item2.Details, ["progress"] = s.Item2.Progress,
            }).ToArray()),
        };
    }
}

/// <summary>Microsoft.Compute/galleries, /images (definitions) and /versions (2022-03-03).</summary>
internal static class Galleries
{
    public const string GalleryType = "Microsoft.Compute/galleries";
    public const string ImageType = "Microsoft.Compute/galleries/images";
    public const string VersionType = "Microsoft.Compute/galleries/images/versions";
    private const string Ns = "Microsoft.Compute";
    private const string G = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/galleries/{gallery}";
    private const string I = G + "/images/{image}";
    private const string V = I + "/versions/{version}";
    private static readonly Regex DefinitionName = new(@"^[^_\W][\w\-._]{0,79}(?<![-.])$", RegexOptions.Compiled);
    private static readonly string[] StorageTypes = { "Standard_LRS", "Standard_ZRS", "Premium_LRS" };
    private static readonly string[] SecurityTypes = { "Standard", "TrustedLaunch", "TrustedLaunchSupported", "ConfidentialVM", "ConfidentialVmSupported", "TrustedLaunchAndConfidentialVmSupported" };

    public static void Map(ArmRouter r)
    {
        r.Put(G, PutGallery);
        r.Patch(G, c => PatchTags(c, GalleryId(c)));
        r.Get(G, c => ArmResponse.Ok(Tracked.Require(c, GalleryId(c)).Body));
        r.Get("/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/galleries", c => Tracked.ListIn(c, GalleryType, c.R("rg")));
        r.Get("/subscriptions/{sub}/providers/Microsoft.Compute/galleries", c => Tracked.ListIn(c, GalleryType, null));
        r.Delete(G, c => DeleteParent(c, GalleryId(c), "galleryDelete"));

        r.Put(I, PutDefinition);
        r.Patch(I, c => PatchTags(c, DefinitionId(c)));
        r.Get(I, c => ArmResponse.Ok(Tracked.Require(c, DefinitionId(c)).Body));
        r.Get(G + "/images", c => ListChildren(c, GalleryId(c), x => x.Body));
        r.Delete(I, c => DeleteParent(c, DefinitionId(c), "galleryImageDelete"));

        r.Put(V, PutVersion);
        r.Patch(V, PatchVersion);
        r.Get(V, c => ArmResponse.Ok(RenderVersion(c, Tracked.Require(c, VersionId(c)), c.QueryIs("$expand", "ReplicationStatus"))));
        r.Get(I + "/versions", c => ListChildren(c, DefinitionId(c), v => RenderVersion(c, v, false)));
        r.Delete(V, c =>
        {
            Tracked.RequireParents(c, VersionId(c));
            return Tracked.DeleteOrNoContent(c, VersionId(c), v => Tracked.DeleteLro(c, v, "galleryImageVersionDelete"));
        });
    }

    private static ResourceId GalleryId(ArmContext c) => Tracked.RouteId(c, Ns, "galleries", "gallery");
    private static ResourceId DefinitionId(ArmContext c) => Tracked.RouteId(c, Ns, "galleries", "gallery", "images", "image");
    private static ResourceId VersionId(ArmContext c) => Tracked.RouteId(c, Ns, "galleries", "gallery", "images", "image", "versions", "version");

    private static ArmResponse PatchTags(ArmContext c, ResourceId rid)
    {
        var resource = Tracked.Require(c, rid);
        if (c.Body["tags"] is JsonObject tags) resource.Body["tags"] = tags.DeepClone();
        return Tracked.PutLro(c, resource, false, "galleryUpdate");
    }

    private static ArmResponse ListChildren(ArmContext c, ResourceId parentId, Func<ArmResource, JsonNode> render)
    {
        var parent = Tracked.Require(c, parentId);
        return ArmResponse.List(c, c.State.ChildrenOf(parent).OrderBy(x => x.Created).Select(render));
    }

    private static ArmResponse DeleteParent(ArmContext c, ResourceId rid, string kind)
    {
        Tracked.RequireParents(c, rid);
        return Tracked.DeleteOrNoContent(c, rid, resource =>
        {
            if (c.State.ChildrenOf(resource).Any()) throw ArmErrors.CannotDeleteNested().AsException();
            return Tracked.DeleteLro(c, resource, kind);
        });
    }

    // ---- gallery ----------------------------------------------------------------------------------
    private static ArmResponse PutGallery(ArmContext c)
    {
        var rid = GalleryId(c);
        c.State.RequireResourceGroup(rid.ResourceGroup);
        var name = rid.Name;
        if (name.Length is 0 or > 80 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_') || !char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
            throw ArmErrors.GalleryNameInvalid().AsException();
        var body = c.Body;
        var existing = c.State.Find(rid);
        var location = Tracked.RequireLocation(body, GalleryType, existing?.Location);
        if (existing is not null)
        {
            if (body["tags"] is JsonObject tags) existing.Body["tags"] = tags.DeepClone();
            if (body.Str("properties", "description") is string d) existing.Properties["description"] = d;
            return Tracked.PutLro(c, existing, false, "galleryCreate");
        }
        var properties = body["properties"] is JsonObject p ? Json.CloneObject(p) : Json.NewObject();
        properties["identifier"] = new JsonObject { ["uniqueName"] = $"{c.State.SubscriptionId}-{name.ToUpperInvariant()}" };
        var gallery = new ArmResource(rid, Tracked.NewBody(rid, location, Tracked.Tags(body), properties));
        c.State.Put(gallery);
        return Tracked.PutLro(c, gallery, true, "galleryCreate");
    }

    // ---- image definition --------------------------------------------------------------------------
    public static string SecurityType(ArmResource definition) =>
        definition.Properties.Objects("features").FirstOrDefault(f => string.Equals(f.Str("name"), "SecurityType", StringComparison.OrdinalIgnoreCase))?.Str("value") ?? "Standard";

    private static ArmResponse PutDefinition(ArmContext c)
    {
        var rid = DefinitionId(c);
        c.State.RequireResourceGroup(rid.ResourceGroup);
        var gallery = c.State.Find(rid.Parent!) ?? throw ArmErrors.ParentResourceNotFound(rid.Parent!.Name).AsException();
        if (!DefinitionName.IsMatch(rid.Name)) throw ArmErrors.GalleryImageNameInvalid().AsException();
        var body = c.Body;
        var existing = c.State.Find(rid);
        var location = Tracked.RequireLocation(body, ImageType, existing?.Location ?? gallery.Location);
        var requested = body["properties"] as JsonObject ?? throw ArmErrors.GalleryImageRequired("osType").AsException();

        var osType = Enum(requested.Str("osType") ?? throw ArmErrors.GalleryImageRequired("osType").AsException(), "galleryImage.properties.osType", "Windows", "Linux");
        var osState = Enum(requested.Str("osState") ?? throw ArmErrors.GalleryImageRequired("osState").AsException(), "galleryImage.properties.osState", "Generalized", "Specialized");
        var gen = Enum(requested.Str("hyperVGeneration") ?? existing?.Properties.Str("hyperVGeneration") ?? "V1", "galleryImage.properties.hyperVGeneration", "V1", "V2");
        var identifier = requested["identifier"] as JsonObject ?? throw ArmErrors.GalleryImageRequired("identifier").AsException();
        var publisher = identifier.Str("publisher"); var offer = identifier.Str("offer"); var sku = identifier.Str("sku");
        if (string.IsNullOrEmpty(publisher)) throw ArmErrors.IdentifierRequired("publisher").AsException();
        if (string.IsNullOrEmpty(offer)) throw ArmErrors.IdentifierRequired("offer").AsException();
        if (string.IsNullOrEmpty(sku)) throw ArmErrors.IdentifierRequired("sku").AsException();
        if (publisher.Length > 128) throw ArmErrors.IdentifierTooLong("publisher", 128).AsException();
        if (offer.Length > 64) throw ArmErrors.IdentifierTooLong("offer", 64).AsException();
        if (sku.Length > 64) throw ArmErrors.IdentifierTooLong("sku", 64).AsException();
        var features = requested.Objects("features").ToList();
        var securityFeature = features.FirstOrDefault(f => string.Equals(f.Str("name"), "SecurityType", StringComparison.OrdinalIgnoreCase))?.Str("value");
        if (securityFeature is not null)
        {
            var canonical = SecurityTypes.FirstOrDefault(s => s.Equals(securityFeature, StringComparison.OrdinalIgnoreCase))
                ?? throw ArmErrors.EnumValueInvalid(securityFeature, "galleryImage.properties.features.SecurityType", SecurityTypes).AsException();
            if (canonical != "Standard" && gen == "V1")
                throw ArmErrors.InvalidParameter($"The security type '{canonical}' is not supported for hypervisor generation 'V1'. Use hypervisor generation 'V2'.", "galleryImage.properties.features").AsException();
        }

        if (existing is not null)
        {
            var p = existing.Properties;
            if (!osType.Equals(p.Str("osType"), StringComparison.OrdinalIgnoreCase)) throw ArmErrors.GalleryImageChange("osType").AsException();
            if (!osState.Equals(p.Str("osState"), StringComparison.OrdinalIgnoreCase)) throw ArmErrors.GalleryImageChange("osState").AsException();
            if (!gen.Equals(p.Str("hyperVGeneration"), StringComparison.OrdinalIgnoreCase)) throw ArmErrors.GalleryImageChange("hyperVGeneration").AsException();
            if (!Same(p, "publisher", publisher) || !Same(p, "offer", offer) || !Same(p, "sku", sku)) throw ArmErrors.GalleryImageChange("identifier").AsException();
            if (!string.Equals(securityFeature ?? "Standard", SecurityType(existing), StringComparison.OrdinalIgnoreCase)) throw ArmErrors.GalleryImageChange("features").AsException();
            if (body["tags"] is JsonObject tags) existing.Body["tags"] = tags.DeepClone();
            foreach (var key in new[] { "description", "eula", "endOfLifeDate", "recommended", "disallowed", "privacyStatementUri", "releaseNoteUri" })
                if (requested[key] is JsonNode value) p[key] = value.DeepClone();
            return Tracked.PutLro(c, existing, false, "galleryImageCreate");
        }

        var duplicate = c.State.ChildrenOf(gallery).FirstOrDefault(d => Same(d.Properties, "publisher", publisher) && Same(d.Properties, "offer", offer) && Same(d.Properties, "sku", sku));
        if (duplicate is not null) throw ArmErrors.DuplicateIdentifier(duplicate.Name, publisher, offer, sku).AsException();

        var properties = Json.CloneObject(requested);
        properties["osType"] = osType;
        properties["osState"] = osState;
        properties["hyperVGeneration"] = gen;
        properties["architecture"] ??= "x64";
        var definition = new ArmResource(rid, Tracked.NewBody(rid, location, Tracked.Tags(body), properties));
        c.State.Put(definition);
        return Tracked.PutLro(c, definition, true, "galleryImageCreate");
    }

    private static bool Same(JsonObject properties, string field, string value) =>
        string.Equals(properties.Str("identifier", field), value, StringComparison.OrdinalIgnoreCase);

    private static string Enum(string value, string parameter, params string[] allowed) =>
        allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase)) ?? throw ArmErrors.EnumValueInvalid(value, parameter, allowed).AsException();

    // ---- image version -------------------------------------------------------------------------------
    private sealed record VersionSource(string Id, string Location, string OsType, string? OsState, string HyperVGeneration, string SecurityType, int SizeGb, List<(int Lun, int SizeGb)> DataDisks, string OsName);

    public static bool TryParseVersion(string name, out (int, int, int) version)
    {
        version = default;
        var parts = name.Split('.');
        if (parts.Length != 3) return false;
        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (parts[i].Length == 0 || !parts[i].All(char.IsAsciiDigit) || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return false;
        }
        version = (numbers[0], numbers[1], numbers[2]);
        return true;
    }

    private static ArmResponse PutVersion(ArmContext c)
    {
        var rid = VersionId(c);
        c.State.RequireResourceGroup(rid.ResourceGroup);
        var galleryId = rid.Parent!.Parent!;
        if (c.State.Find(galleryId) is null) throw ArmErrors.ParentResourceNotFound(galleryId.Name).AsException();
        var definition = c.State.Find(rid.Parent!) ?? throw ArmErrors.ParentResourceNotFound(rid.Parent!.Name).AsException();
        if (!TryParseVersion(rid.Name, out _)) throw ArmErrors.VersionNameInvalid().AsException();
        var body = c.Body;
        var existing = c.State.Find(rid);
        var location = Tracked.RequireLocation(body, VersionType, existing?.Location);
        var requested = body["properties"] as JsonObject ?? throw ArmErrors.VersionSourceRequired().AsException();
        var publishing = requested["publishingProfile"] as JsonObject ?? Json.NewObject();

        // publishing profile
        var defaultType = publishing.Str("storageAccountType") ?? "Standard_LRS";
        defaultType = StorageTypes.FirstOrDefault(t => t.Equals(defaultType, StringComparison.OrdinalIgnoreCase))
            ?? throw ArmErrors.EnumValueInvalid(defaultType, "galleryImageVersion.properties.publishingProfile.storageAccountType", StorageTypes).AsException();
        var replicaCount = publishing.Long("replicaCount") ?? 1;
        if (replicaCount is < 1 or > 100) throw ArmErrors.OutOfRange(replicaCount, "galleryImageVersion.properties.publishingProfile.replicaCount", 1, 100).AsException();
        var renderedTargets = RenderTargets(publishing.Objects("targetRegions").ToList(), location, replicaCount, defaultType);
        ValidateEndOfLife(c, publishing);

        // source
        var source = ResolveSource(c, requested);
        if (source.Location != location)
            throw ArmErrors.InvalidParameter($"The source '{source.Id}' is in region '{Regions.DisplayName(source.Location)}'; the gallery image version must be created in the same region ('{Regions.DisplayName(location)}').", "galleryImageVersion.properties.storageProfile.source.id").AsException();
        var dp = definition.Properties;
        var parentOs = dp.Str("osType") ?? "Windows";
        var parentState = dp.Str("osState") ?? "Generalized";
        var parentGen = dp.Str("hyperVGeneration") ?? "V1";
        var parentSecurity = SecurityType(definition);
        if (!source.OsType.Equals(parentOs, StringComparison.OrdinalIgnoreCase)) throw ArmErrors.OsTypeMismatch(source.Id, source.OsType, parentOs).AsException();
        if (source.OsState is string state && !state.Equals(parentState, StringComparison.OrdinalIgnoreCase)) throw ArmErrors.OsStateMismatch(source.Id, state, parentState).AsException();
        if (source.SecurityType is "TrustedLaunch" && parentSecurity is not ("TrustedLaunch" or "TrustedLaunchSupported" or "TrustedLaunchAndConfidentialVmSupported"))
            throw ArmErrors.SecurityTypeSourceMismatch(source.Id, parentSecurity).AsException();
        if (source.SecurityType is "ConfidentialVM" && parentSecurity is not ("ConfidentialVM" or "ConfidentialVmSupported" or "TrustedLaunchAndConfidentialVmSupported"))
            throw ArmErrors.SecurityTypeSourceMismatch(source.Id, parentSecurity).AsException();
        if (parentSecurity is "TrustedLaunch" or "ConfidentialVM" && source.SecurityType == "Standard" && source.Id.Contains("/virtualMachines/", StringComparison.OrdinalIgnoreCase))
            throw ArmErrors.SecurityTypeSourceMismatch(source.Id, parentSecurity).AsException();
        ArmError? planned = source.HyperVGeneration.Equals(parentGen, StringComparison.OrdinalIgnoreCase) ? null : ArmErrors.HyperVGenerationMismatch(source.Id, source.HyperVGeneration, parentGen);

        if (existing is not null)
        {
            var previous = existing.Properties.Str("storageProfile", "source", "id") ?? existing.Properties.Str("storageProfile", "osDiskImage", "source", "id") ?? "";
            if (ResourceId.Key(previous) != ResourceId.Key(source.Id)) throw ArmErrors.VersionExistsDifferentSource().AsException();
        }

        var properties = Json.CloneObject(requested);
        var pp = properties.Obj("publishingProfile");
        pp["targetRegions"] = renderedTargets;
        pp["replicaCount"] = replicaCount;
        pp["storageAccountType"] = defaultType;
        pp["excludeFromLatest"] ??= false;
        pp["publishedDate"] = existing?.Properties.Str("publishingProfile", "publishedDate") ?? Json.Timestamp(c.State.Now);
        var sp = properties.Obj("storageProfile");
        var osImage = sp.Obj("osDiskImage");
        osImage["sizeInGB"] = source.SizeGb;
        osImage["hostCaching"] ??= "ReadWrite";
        if (sp["dataDiskImages"] is not JsonArray)
            sp["dataDiskImages"] = new JsonArray(source.DataDisks.Select(d => (JsonNode)new JsonObject { ["lun"] = d.Lun, ["sizeInGB"] = d.SizeGb, ["hostCaching"] = "None" }).ToArray());
        properties["safetyProfile"] ??= new JsonObject { ["allowDeletionOfReplicatedLocations"] = true };
        properties.Remove("replicationStatus");

        var version = new ArmResource(existing?.Rid ?? rid, Tracked.NewBody(existing?.Rid ?? rid, location, Tracked.Tags(body), properties)) { Created = existing?.Created ?? c.State.Now };
        version.Extra["osName"] = source.OsName;
        var replication = Replicate(c, renderedTargets, location, existing?.Replication);
        version.Replication = replication;
        c.State.Put(version);
        return Tracked.PutLro(c, version, existing is null, "galleryImageVersionCreate",
            onSucceeded: () => replication.StartedAt = c.State.Now, plannedFailure: planned);
    }

    /// <summary>
    /// Validates publishingProfile.targetRegions and renders them as ARM stores them: known regions,
    /// no duplicates, replicas 1..100, a storage type, the version's own region among them.
    /// </summary>
    private static JsonArray RenderTargets(List<JsonObject> targets, string location, long replicaCount, string defaultType)
    {
        if (targets.Count == 0) targets.Add(new JsonObject { ["name"] = location });
        var seen = new HashSet<string>();
        var renderedTargets = new JsonArray();
        foreach (var target in targets)
        {
            var rawName = target.Str("name") ?? throw ArmErrors.InvalidParameter("Required parameter 'targetRegions.name' is missing (null).", "galleryImageVersion.properties.publishingProfile.targetRegions").AsException();
            var region = Regions.Normalize(rawName);
            if (!Regions.IsKnown(region)) throw ArmErrors.LocationNotAvailable(rawName, VersionType, Regions.All.Select(x => x.DisplayName)).AsException();
            if (!seen.Add(region)) throw ArmErrors.DuplicateRegions().AsException();
            var count = target.Long("regionalReplicaCount") ?? replicaCount;
            if (count is < 1 or > 100) throw ArmErrors.OutOfRange(count, "galleryImageVersion.properties.publishingProfile.targetRegions.regionalReplicaCount", 1, 100).AsException();
            var type = target.Str("storageAccountType") ?? defaultType;
            type = StorageTypes.FirstOrDefault(t => t.Equals(type, StringComparison.OrdinalIgnoreCase))
                ?? throw ArmErrors.EnumValueInvalid(type, "galleryImageVersion.properties.publishingProfile.targetRegions.storageAccountType", StorageTypes).AsException();
            var rendered = Json.CloneObject(target);
            rendered["name"] = Regions.DisplayName(region);
            rendered["regionalReplicaCount"] = count;
            rendered["storageAccountType"] = type;
            rendered["excludeFromLatest"] ??= false;
            renderedTargets.Add(rendered);
        }
        if (!seen.Contains(location)) throw ArmErrors.SourceRegionMissing(targets.Select(t => t.Str("name")!), Regions.DisplayName(location)).AsException();
        return renderedTargets;
    }

    private static void ValidateEndOfLife(ArmContext c, JsonObject publishing)
    {
        if (publishing.Str("endOfLifeDate") is not string eol) return;
        if (!DateTimeOffset.TryParse(eol, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var eolDate))
            throw ArmErrors.InvalidParameter($"The value '{eol}' of parameter 'endOfLifeDate' is not a valid date.", "galleryImageVersion.properties.publishingProfile.endOfLifeDate").AsException();
        if (eolDate <= c.State.Now) throw ArmErrors.EndOfLifeInPast().AsException();
    }

    /// <summary>
    /// The replication of a version's target regions. A region the version already had, with the
    /// same replica count and storage type, keeps its replicas and its state; a new region, or one
    /// whose replica count or storage type changed, replicates from when the write succeeds.
    /// </summary>
    private static ReplicationRuntime Replicate(ArmContext c, JsonArray targets, string location, ReplicationRuntime? previous)
    {
        var replication = new ReplicationRuntime();
        var failures = c.State.Replication.FailRegions.ToDictionary(k => Regions.Normalize(k.Key), k => k.Value);
        var seconds = c.State.Replication.SecondsPerRegion ?? c.State.Timing.For("replicationPerRegion");
        foreach (var target in targets.OfType<JsonObject>())
        {
            var name = Regions.Normalize(target.Str("name"));
            var count = (int)(target.Long("regionalReplicaCount") ?? 1);
            var storage = target.Str("storageAccountType") ?? "";
            var kept = previous?.Regions.FirstOrDefault(r => r.Name == name && r.ReplicaCount == count && r.Storage == storage);
            if (kept is not null && (kept.Since ?? previous!.StartedAt) is DateTimeOffset since)
                replication.Regions.Add(kept with { Since = since });
            else
                replication.Regions.Add(new ReplicationRuntime.Region(name, target.Str("name")!, seconds, failures.GetValueOrDefault(name),
                    name == location && previous is null, count) { Storage = storage });
        }
        return replication;
    }

    /// <summary>
    /// PATCH of a version: tags, and in publishingProfile the target regions (the list replaces the
    /// old one, validated as a PUT's), endOfLifeDate and excludeFromLatest. Kept regions keep their
    /// replicas; added or changed ones replicate once the update succeeds; removed ones are dropped.
    /// </summary>
    private static ArmResponse PatchVersion(ArmContext c)
    {
        var version = Tracked.Require(c, VersionId(c));
        var body = c.Body;
        var requested = body["properties"] as JsonObject ?? Json.NewObject();
        var publishing = requested["publishingProfile"] as JsonObject ?? Json.NewObject();
        var current = version.Properties.Obj("publishingProfile");
        var requestedSource = requested.Str("storageProfile", "source", "id") ?? requested.Str("storageProfile", "osDiskImage", "source", "id");
        var source = version.Properties.Str("storageProfile", "source", "id") ?? version.Properties.Str("storageProfile", "osDiskImage", "source", "id") ?? "";
        if (requestedSource is not null && ResourceId.Key(requestedSource) != ResourceId.Key(source))
            throw ArmErrors.VersionExistsDifferentSource().AsException();

        JsonArray? targets = null;
        if (publishing["targetRegions"] is JsonArray)
            targets = RenderTargets(publishing.Objects("targetRegions").ToList(), version.Location, current.Long("replicaCount") ?? 1,
                current.Str("storageAccountType") ?? "Standard_LRS");
        ValidateEndOfLife(c, publishing);

        if (body["tags"] is JsonObject tags) version.Body["tags"] = tags.DeepClone();
        if (publishing.ContainsKey("endOfLifeDate")) current["endOfLifeDate"] = publishing["endOfLifeDate"]?.DeepClone();
        if (publishing.Bool("excludeFromLatest") is bool exclude) current["excludeFromLatest"] = exclude;
        if (targets is null)
            return Tracked.PutLro(c, version, false, "galleryImageVersionUpdate");
        current["targetRegions"] = targets;
        var replication = Replicate(c, targets, version.Location, version.Replication);
        version.Replication = replication;
        return Tracked.PutLro(c, version, false, "galleryImageVersionUpdate", onSucceeded: () => replication.StartedAt = c.State.Now);
    }

    private static VersionSource ResolveSource(ArmContext c, JsonObject properties)
    {
        var id = properties.Str("storageProfile", "source", "id") ?? properties.Str("storageProfile", "osDiskImage", "source", "id")
            ?? throw ArmErrors.VersionSourceRequired().AsException();
        var rid = ResourceId.TryParse(id) ?? throw ArmErrors.VersionSourceNotSupported(id).AsException();
        var resource = c.State.Find(rid) ?? throw ArmErrors.VersionSourceNotFound(id).AsException();
        List<(int, int)> DataOf(IEnumerable<JsonObject> disks, string lunKey, string sizeKey) => disks.Select(d => ((int)(d.Long(lunKey) ?? 0), (int)(d.Long(sizeKey) ?? 32))).ToList();

        if (rid.Is(Images.Type))
        {
            var osDisk = resource.Properties.At("storageProfile", "osDisk");
            return new VersionSource(resource.Id, resource.Location, osDisk.Str("osType") ?? "Windows", osDisk.Str("osState") ?? "Generalized",
                resource.Properties.Str("hyperVGeneration") ?? "V1", "Standard", (int)(osDisk.Long("diskSizeGB") ?? 127),
                DataOf(resource.Properties.Objects("storageProfile", "dataDisks"), "lun", "diskSizeGB"), resource.Extra.GetValueOrDefault("osName") ?? "");
        }
        if (rid.Is(VirtualMachines.Type) && resource.Vm is VmRuntime vm)
        {
            if (vm.Unmanaged) throw ArmErrors.VersionSourceNotSupported(id).AsException();
            return new VersionSource(resource.Id, resource.Location, vm.OsType, vm.Generalized ? "Generalized" : "Specialized", vm.HyperVGeneration, vm.SecurityType,
                (int)(resource.Properties.Long("storageProfile", "osDisk", "diskSizeGB") ?? 127),
                DataOf(resource.Properties.Objects("storageProfile", "dataDisks"), "lun", "diskSizeGB"), vm.OsName);
        }
        if (rid.Is(Disk.Disks.DiskType) || rid.Is(Disk.Disks.SnapshotType))
        {
            var data = properties.Objects("storageProfile", "dataDiskImages")
                .Select(d => ((int)(d.Long("lun") ?? 0), (int)(c.State.Find(d.Str("source", "id") ?? "")?.Properties.Long("diskSizeGB") ?? 32))).ToList();
            return new VersionSource(resource.Id, resource.Location, resource.Properties.Str("osType") ?? "Windows", null,
                resource.Properties.Str("hyperVGeneration") ?? "V1", Disk.Disks.VmSecurityType(resource.Properties.Str("securityProfile", "securityType")) ?? "Standard",
                (int)(resource.Properties.Long("diskSizeGB") ?? 127), data, "");
        }
        if (rid.Is(VersionType))
        {
            var parent = c.State.Find(rid.Parent!)!;
            return new VersionSource(resource.Id, resource.Location, parent.Properties.Str("osType") ?? "Windows", parent.Properties.Str("osState"),
                parent.Properties.Str("hyperVGeneration") ?? "V1", SecurityType(parent),
                (int)(resource.Properties.Long("storageProfile", "osDiskImage", "sizeInGB") ?? 127),
                DataOf(resource.Properties.Objects("storageProfile", "dataDiskImages"), "lun", "sizeInGB"), resource.Extra.GetValueOrDefault("osName") ?? "");
        }
        throw ArmErrors.VersionSourceNotSupported(id).AsException();
    }

    public static JsonObject RenderVersion(ArmContext c, ArmResource version, bool expandReplication)
    {
        var body = Json.CloneObject(version.Body);
        if (expandReplication && version.Replication is not null) body.Obj("properties")["replicationStatus"] = version.Replication.Render(c.State.Now);
        return body;
    }

    /// <summary>True when the version succeeded and its replica in <paramref name="location"/> is Completed.</summary>
    public static bool IsAvailableIn(ArmResource version, string location, DateTimeOffset now) =>
        version.ProvisioningState == "Succeeded" && version.Replication is not null && version.Replication.IsCompletedIn(location, now);

    /// <summary>Highest version not excluded from latest (globally or for the region), Succeeded and replicated to the location.</summary>
    public static ArmResource? LatestVersion(EmulatorState state, ArmResource definition, string location) =>
        state.ChildrenOf(definition)
            .Where(v => IsAvailableIn(v, location, state.Now))
            .Where(v => !(v.Properties.Bool("publishingProfile", "excludeFromLatest") ?? false))
            .Where(v => !v.Properties.Objects("publishingProfile", "targetRegions").Any(t => Regions.Normalize(t.Str("name")) == location && (t.Bool("excludeFromLatest") ?? false)))
            .Select(v => (v, ok: TryParseVersion(v.Name, out var n), n))
            .Where(x => x.ok)
            .OrderByDescending(x => x.n)
            .Select(x => x.v)
            .FirstOrDefault();
}
