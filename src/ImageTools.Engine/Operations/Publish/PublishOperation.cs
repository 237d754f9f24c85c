using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Generalize;
using ImageTools.Engine.Rules.Publish;
using ImageTools.Models;

namespace ImageTools.Engine.Operations.Publish
{
    /// <summary>
    /// Publish-GalleryVersion: read the source, the gallery, the definition and its versions;
    /// run the preflight; create the gallery and the definition when missing; PUT the version;
    /// then wait until every target region reads Completed (polling $expand=ReplicationStatus),
    /// one progress bar per region, unless -NoWait; with -DeleteSourceVm, only then delete the
    /// source VM and what it owned (<see cref="VmRemoval"/>).
    /// </summary>
    internal sealed class PublishOperation : Operation<PublishFacts>
    {
        private readonly PublishRequest _request;
        private readonly OperationRun _run;
        private readonly IGalleryGateway _galleries;
        private readonly ILocationGateway _locations;
        private readonly string _subscriptionId;
        private readonly ICleanupGateway _cleanup;
        private VmRemoval? _removal;
        private bool _deleteOnly;
        private string _doneMessage = "";

        private PublishOperation(PublishRequest request, OperationRun run, IGalleryGateway galleries, ILocationGateway locations, ICleanupGateway cleanup,
            string subscriptionId)
            : base(run)
        {
            _cleanup = cleanup;
            _locations = locations;
            _subscriptionId = subscriptionId;
            _request = request;
            _run = run;
            _galleries = galleries;
        }

        private IOperationSink Sink => _run.Sink;

        /// <summary>Reads the source, the gallery, the definition and its versions and evaluates the rules; writes nothing.</summary>
        public static async Task<PreparedOperation> PrepareAsync(PublishRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            IGalleryGateway galleries, ILocationGateway locations, ICleanupGateway cleanup, EngineOptions options, string subscriptionId)
        {
            var run = new OperationRun(sink, ct, gateway, options, $"Publish '{request.GalleryName}/{request.DefinitionName}'",
                "A version already made from the same source is recognised (also with -Version auto) and its replication is awaited.");
            var operation = new PublishOperation(request, run, galleries, locations, cleanup, subscriptionId);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override PreflightResult Evaluate(PublishFacts facts)
        {
            var preflight = Rules.Preflight.Evaluate(PublishRules.All, facts);
            // An earlier run made the version but did not get to delete its source (-DeleteSourceVm):
            // the rerun awaits the replication and runs only that delete.
            _deleteOnly = preflight.AlreadyDone is Finding && preflight.Refusals.Count == 0 && _removal != null;
            _doneMessage = preflight.AlreadyDone?.Message ?? "";
            return _deleteOnly ? new PreflightResult(preflight.Findings.Where(f => f.Severity != FindingSeverity.AlreadyDone).ToList()) : preflight;
        }

        private protected override void Prepared(PublishFacts facts)
        {
            if (_deleteOnly)
                Sink.WriteVerbose(_doneMessage + " Its source VM is still there; only its delete (-DeleteSourceVm) is left to do, once every region reads Completed.");
            if (AlreadyDone == null && Refusals.Count == 0 && facts.SourceRegionAdded)
                Sink.WriteVerbose($"Target regions: added the source's region '{facts.TargetLocation}' (a version is always replicated to its own region).");
            if (Refusals.Count == 0 && _request.GuestGeneralized && facts.Source.Vm is { IsGeneralized: true } vm && GuestStepMarker.Read(vm.Tags) == null)
                Sink.WriteVerbose($"VM '{vm.Name}' carries no evidence of its guest step; its guest is taken as generalized (-GuestGeneralized).");
        }

        // A rerun after -DeleteSourceVm deleted the source VM returns the version and says the VM is gone.
        private protected override async Task<object?> EmitDoneAsync(PublishFacts facts) =>
            await FinishAsync(facts, facts.ExistingVersion!, sourceGone: PublishSourceNotFound.DeletedAfterPublishing(facts)).ConfigureAwait(false);

        private protected override async Task<object?> RunStepsAsync(PublishFacts facts)
        {
            if (_deleteOnly)
                return await FinishAsync(facts, facts.ExistingVersion!, deleteSource: true).ConfigureAwait(false);
            var timeout = _run.Options.OperationTimeout;
            if (facts.Gallery == null)
                await _run.StepAsync($"creating gallery '{facts.GalleryName}'", timeout, ct => _galleries.CreateGalleryAsync(new GallerySpec
                {
                    SubscriptionId = GallerySubscription(facts),
                    ResourceGroupName = GalleryGroup(facts),
                    Name = facts.GalleryName,
                    Location = facts.TargetLocation,
                    Tags = new Dictionary<string, string>(_request.Tags ?? new Dictionary<string, string>()),
                }, ct), 5).ConfigureAwait(false);
            if (facts.Definition == null)
                await _run.StepAsync($"creating image definition '{facts.DefinitionName}'", timeout, ct => _galleries.CreateDefinitionAsync(new GalleryDefinitionSpec
                {
                    GalleryId = facts.GalleryId,
                    Name = facts.DefinitionName,
                    Location = facts.TargetLocation,
                    OsType = facts.TargetOsType,
                    OsState = facts.TargetOsState,
                    HyperVGeneration = facts.TargetHyperVGeneration,
                    SecurityType = facts.TargetSecurityType,
                    Publisher = _request.Publisher!.Trim(),
                    Offer = _request.Offer!.Trim(),
                    Sku = _request.Sku!.Trim(),
                    Tags = new Dictionary<string, string>(_request.Tags ?? new Dictionary<string, string>()),
                }, ct), 10).ConfigureAwait(false);

            // -ReplicationTimeout bounds the version's creation and its replication together.
            var deadline = new VersionDeadline(_request.ReplicationTimeout);
            var version = await Bounded(facts, facts.VersionName!, deadline, () => _run.StepAsync(
                _request.NoWait ? $"submitting version '{facts.VersionName}'" : $"creating version '{facts.VersionName}'",
                _request.NoWait ? timeout : deadline.Remaining, ct => _galleries.CreateVersionAsync(GalleryVersionMapper.ToSpec(facts), waitForProvisioning: !_request.NoWait, ct), 20))
                .ConfigureAwait(false);
            return await FinishAsync(facts, version, deadline, deleteSource: _removal != null).ConfigureAwait(false);
        }

        /// <summary>A wait that ran out of -ReplicationTimeout ends with where the version is and a way out (<see cref="VersionDeadline"/>).</summary>
        private async Task<T> Bounded<T>(PublishFacts facts, string versionName, VersionDeadline deadline, Func<Task<T>> wait)
        {
            try
            {
                return await wait().ConfigureAwait(false);
            }
            catch (ImageToolsException e) when (e.RuleId == ErrorIds.OperationTimedOut && !_request.NoWait)
            {
                throw await VersionDeadline.ExpiredAsync(facts, versionName, deadline.Timeout, () => _run.StepAsync("reading the version",
                    _run.Options.OperationTimeout, ct => _galleries.GetVersionAsync(facts.VersionId, replicationStatus: true, ct)), e).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// -NoWait: the version as ARM accepted it. Otherwise: wait for every region (within what is left of
        /// -ReplicationTimeout); then, with -DeleteSourceVm, delete the source VM; then emit.
        /// </summary>
        private async Task<GalleryVersionInfo> FinishAsync(PublishFacts facts, GalleryVersionState version, VersionDeadline? deadline = null, bool deleteSource = false,
            bool sourceGone = false)
        {
            deadline ??= new VersionDeadline(_request.ReplicationTimeout);
            var versionId = version.Id ?? facts.VersionId;
            if (_request.NoWait)
            {
                var accepted = await _run.StepAsync("reading the version", _run.Options.OperationTimeout,
                    ct => _galleries.GetVersionAsync(versionId, replicationStatus: true, ct)).ConfigureAwait(false) ?? version;
                Sink.WriteVerbose($"Version '{accepted.Name}' accepted (provisioningState {accepted.ProvisioningState}); not waiting for replication (-NoWait).");
                _run.Completed();
                return Emit(accepted, facts);
            }
            var replicated = await Bounded(facts, version.Name, deadline, () => _run.StepAsync(
                $"replicating version '{version.Name}' to {string.Join(", ", facts.Regions.Select(r => r.Name))}",
                deadline.Remaining, ct => new ReplicationWatch(_run, _galleries, "rerun the same command (the version is published again).").WaitAsync(versionId, ct), 30)).ConfigureAwait(false);
            // ReplicationWatch returns only a version that reads Succeeded and Completed in every target region.
            if (deleteSource)
                await _removal!.RunAsync(_run, _cleanup, "-DeleteSourceVm", 95).ConfigureAwait(false);
            _run.Completed();
            return Emit(replicated, facts, deleteSource || sourceGone);
        }

        private GalleryVersionInfo Emit(GalleryVersionState version, PublishFacts facts, bool sourceDeleted = false)
        {
            var info = GalleryVersionMapper.ToInfo(version, facts);
            info.SourceDeleted = sourceDeleted;
            Sink.WriteObject(info);
            return info;
        }

        // ---- reading the state ----

        private static string GallerySubscription(PublishFacts facts) => facts.GalleryId.SubscriptionId;
        private static string GalleryGroup(PublishFacts facts) => facts.GalleryId.ResourceGroupName;

        private protected override async Task<PublishFacts> ReadFactsAsync()
        {
            var subscriptionId = _subscriptionId;
            var timeout = _run.Options.OperationTimeout;
            var source = await ReadSourceAsync(subscriptionId, timeout).ConfigureAwait(false);

            var galleryGroup = PublishFacts.Stated(_request.GalleryResourceGroupName) ?? source.Id.ResourceGroupName;
            var galleryName = (_request.GalleryName ?? "").Trim();
            var definitionName = (_request.DefinitionName ?? "").Trim();
            var galleryId = GalleryIds.Gallery(subscriptionId, galleryGroup, galleryName);
            var definitionId = GalleryIds.Definition(galleryId, definitionName);

            var namesValid = Validation.AzureNames.CheckGalleryName(galleryName) == null && Validation.AzureNames.CheckGalleryImageName(definitionName) == null;
            GalleryState? gallery = null;
            GalleryDefinitionState? definition = null;
            IReadOnlyList<GalleryDefinitionState> definitions = Array.Empty<GalleryDefinitionState>();
            IReadOnlyList<GalleryVersionState> versions = Array.Empty<GalleryVersionState>();
            // The gallery's GET also says whether its group exists (404 ResourceGroupNotFound): no read of the group.
            var groupExists = true;
            if (namesValid)
            {
                var read = await _run.StepAsync("reading the gallery", timeout, ct => _galleries.ReadGalleryAsync(galleryId, ct)).ConfigureAwait(false);
                (gallery, groupExists) = (read.Gallery, read.GroupExists);
                // One list of the gallery's definitions answers both whether this one exists and whether a new one's
                // publisher/offer/SKU is taken (ARM refuses a duplicate only at the PUT).
                if (gallery != null)
                {
                    definitions = await _run.StepAsync("listing the gallery's image definitions", timeout, ct => _galleries.ListDefinitionsAsync(galleryId, ct)).ConfigureAwait(false);
                    definition = definitions.FirstOrDefault(d => string.Equals(d.Name, definitionName, StringComparison.OrdinalIgnoreCase));
                }
                if (definition != null)
                    versions = await _run.StepAsync("listing the definition's versions", timeout, ct => _galleries.ListVersionsAsync(definitionId, ct)).ConfigureAwait(false);
            }
            var now = DateTimeOffset.UtcNow;
            var wanted = new PublishFacts(_request, source, galleryId, galleryName, definitionName, gallery, definition, versions, now).Regions.Select(r => r.Name);
            var available = await AvailableRegionsReader.ReadAsync(_run, _locations, subscriptionId, wanted, timeout).ConfigureAwait(false);
            if (_request.DeleteSourceVm && source.Vm != null)
                _removal = await VmRemoval.ReadAsync(_run, _cleanup, source.Vm, timeout).ConfigureAwait(false);
            return new PublishFacts(_request, source, galleryId, galleryName, definitionName, gallery, definition, versions, now, available) { GalleryGroupExists = groupExists, GalleryDefinitions = definitions };
        }

        private async Task<SourceRecord> ReadSourceAsync(string subscriptionId, TimeSpan timeout)
        {
            var reference = _request.Source ?? new ResourceReference();
            var reader = new SourceReader(_run, _galleries);
            var record = GalleryIds.TryParseVersion(reference.ResourceId, out var versionId)
                ? await reader.ReadGalleryVersionAsync(versionId, timeout).ConfigureAwait(false)
                : await reader.ReadAsync(ArmId.Resolve(reference, subscriptionId, ArmId.Images, ArmId.Images, ArmId.VirtualMachines, ArmId.Snapshots, ArmId.Disks), timeout)
                    .ConfigureAwait(false);
            return record;
        }

        // ---- plan and spec ----

        private protected override OperationPlan PlanFor(PublishFacts facts)
        {
            if (_deleteOnly)
                return new OperationPlan().AddHighImpact(_removal!.Vm.Id, $"Delete the source VM once version '{facts.VersionName}' reads Succeeded in every target region, {Removed()}");
            var plan = new OperationPlan();
            if (facts.Gallery == null)
                plan.Add(facts.GalleryId, $"Create gallery '{facts.GalleryName}' in '{facts.TargetLocation}'");
            if (facts.Definition == null)
                plan.Add(facts.DefinitionId,
                    $"Create image definition '{facts.DefinitionName}' ({facts.TargetOsType}, {facts.TargetOsState}, {facts.TargetHyperVGeneration}, {facts.TargetSecurityType}; {_request.Publisher}/{_request.Offer}/{_request.Sku})");
            var regions = string.Join(", ", facts.Regions.Select(r => $"{r.Name}={r.ReplicaCount}{(r.StorageAccountType.Length > 0 ? " " + r.StorageAccountType : "")}"));
            plan.Add(facts.VersionId,
                $"Create image version '{facts.VersionName ?? _request.Version}' from {facts.Source.Kind} '{facts.Source.Name}', replicated to {regions}{(_request.NoWait ? " (not waiting for replication)" : "")}");
            if (_removal != null)
                plan.AddHighImpact(_removal.Vm.Id, $"Delete the source VM once the version reads Succeeded in every target region, {Removed()}");
            return plan;
        }

        /// <summary>What -DeleteSourceVm deletes, named resource by resource, and the snapshots it keeps.</summary>
        private string Removed() => $"with {_removal!.Describe()} (-DeleteSourceVm, irreversible; {_removal.SnapshotNote()})";
    }
}
