using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.GalleryVersions;
using ImageTools.Engine.Operations.Publish;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Publish;
using ImageTools.Engine.Rules.UpdateVersion;
using ImageTools.Models;

namespace ImageTools.Engine.Operations.UpdateVersion
{
    /// <summary>
    /// Update-GalleryVersion: reads the version (with its replication) and its definition's versions,
    /// and the subscription's locations when regions are added; runs the preflight; PATCHes the
    /// publishing profile once; then, when the target regions changed, waits until every region
    /// reads Completed (one progress bar per region, as Publish-GalleryVersion), unless -NoWait.
    /// </summary>
    internal sealed class UpdateVersionOperation : Operation<UpdateVersionFacts>
    {
        private readonly UpdateVersionRequest _request;
        private readonly IGalleryGateway _galleries;
        private readonly IGalleryVersionGateway _versions;
        private readonly ILocationGateway _locations;
        private readonly string _subscriptionId;

        private UpdateVersionOperation(UpdateVersionRequest request, OperationRun run, IGalleryGateway galleries, IGalleryVersionGateway versions, ILocationGateway locations,
            string subscriptionId) : base(run)
        {
            _request = request;
            _galleries = galleries;
            _versions = versions;
            _locations = locations;
            _subscriptionId = subscriptionId;
        }

        public static async Task<PreparedOperation> PrepareAsync(UpdateVersionRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            IGalleryGateway galleries, IGalleryVersionGateway versions, ILocationGateway locations, EngineOptions options, string subscriptionId)
        {
            OperationRun.RequirePositive(request.ReplicationTimeout, "ReplicationTimeout");
            var target = VersionTarget.Resolve(request, subscriptionId);
            if (target.Versions.Length != 1)
                throw new ImageToolsException(ErrorIds.SingleVersionRequired,
                    $"Update-GalleryVersion changes one version; {(target.Versions.Length == 0 ? "none was named" : "several were named: " + string.Join(", ", target.Versions))}.",
                    "Pipe in one version (Get-GalleryVersion ... -Name 1.0.0), or give -Name with one version number.",
                    target.DefinitionId.Id, FailureCategory.InvalidArgument);
            var run = new OperationRun(sink, ct, gateway, options, $"Update version '{target.DefinitionId.Name}/{target.Versions[0]}'",
                "A version already updated as asked is recognised and its replication is awaited.");
            var operation = new UpdateVersionOperation(request, run, galleries, versions, locations, target.DefinitionId.SubscriptionId);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override async Task<UpdateVersionFacts> ReadFactsAsync()
        {
            var target = VersionTarget.Resolve(_request, _subscriptionId);
            var listing = await DefinitionVersions.ReadAsync(Run, _galleries, target.DefinitionId).ConfigureAwait(false);
            AvailableRegions? available = null;
            // Added regions are checked as Publish-GalleryVersion checks its target regions (where versions are offered).
            if (_request.AddRegions.Count > 0 && listing.Find(target.Versions[0]) != null)
                available = await AvailableRegionsReader.ReadAsync(Run, _locations, _subscriptionId,
                    _request.AddRegions.Select(a => RegionNames.Normalize(a.Name)), Run.Options.OperationTimeout).ConfigureAwait(false);
            return new UpdateVersionFacts(_request, listing, target.Versions[0], available, DateTimeOffset.UtcNow);
        }

        private protected override PreflightResult Evaluate(UpdateVersionFacts facts) => Rules.Preflight.Evaluate(UpdateVersionRules.All, facts);

        private protected override OperationPlan PlanFor(UpdateVersionFacts facts)
        {
            var plan = new OperationPlan();
            if (facts.Version != null && facts.AnythingChanges)
                plan.Add(facts.Version.Id, $"Update image version '{facts.VersionName}': {Describe(facts)}{(_request.NoWait ? " (not waiting for replication)" : "")}");
            return plan;
        }

        /// <summary>"add westeurope=2; replicas eastus=3; remove westus; end of life 2027-06-30; exclude from latest".</summary>
        private static string Describe(UpdateVersionFacts facts)
        {
            var parts = new List<string>();
            string Region(string name) => facts.PlannedRegions.First(r => RegionNames.Same(r.Name, name)) is var r
                ? $"{name}={r.ReplicaCount}{(r.StorageAccountType.Length > 0 ? " " + r.StorageAccountType : "")}{(r.ExcludeFromLatest ? " excluded from latest" : "")}" : name;
            if (facts.Added.Count > 0)
                parts.Add("add " + string.Join(", ", facts.Added.Select(Region)));
            if (facts.Changed.Count > 0)
                parts.Add("change " + string.Join(", ", facts.Changed.Select(Region)));
            if (facts.Removed.Count > 0)
                parts.Add("remove " + string.Join(", ", facts.Removed));
            if (facts.EndOfLifeChanges)
                parts.Add("end of life " + facts.Request.EndOfLifeDate!.Value.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture));
            if (facts.ExcludeChanges)
                parts.Add(facts.Request.ExcludeFromLatest == true ? "exclude from latest" : "include in latest");
            return string.Join("; ", parts);
        }

        private protected override async Task<object?> EmitDoneAsync(UpdateVersionFacts facts) =>
            await FinishAsync(facts, waitForRegions: true).ConfigureAwait(false);

        private protected override async Task<object?> RunStepsAsync(UpdateVersionFacts facts)
        {
            var update = new GalleryVersionUpdate
            {
                TargetRegions = facts.RegionsChange ? facts.PlannedRegions : null,
                EndOfLifeDate = facts.EndOfLifeChanges ? facts.Request.EndOfLifeDate : null,
                ExcludeFromLatest = facts.ExcludeChanges ? facts.Request.ExcludeFromLatest : null,
            };
            await Run.StepAsync($"updating version '{facts.VersionName}'", Run.Options.OperationTimeout,
                ct => _versions.UpdateVersionAsync(facts.VersionId, update, waitForProvisioning: !_request.NoWait, ct), 20).ConfigureAwait(false);
            return await FinishAsync(facts, waitForRegions: facts.RegionsChange).ConfigureAwait(false);
        }

        /// <summary>-NoWait: the version as ARM accepted the update. Otherwise: wait for every region (when they changed), then emit.</summary>
        private async Task<GalleryVersionInfo> FinishAsync(UpdateVersionFacts facts, bool waitForRegions)
        {
            if (_request.NoWait)
                Run.Sink.WriteVerbose($"Version '{facts.VersionName}': update accepted; not waiting for replication (-NoWait).");
            else if (waitForRegions)
                await Run.StepAsync($"replicating version '{facts.VersionName}' to {string.Join(", ", facts.PlannedRegions.Select(r => r.Name))}",
                    _request.ReplicationTimeout, ct => new ReplicationWatch(Run, _galleries, "rerun the same command (an update already made is recognised).")
                        .WaitAsync(facts.VersionId, ct), 30).ConfigureAwait(false);
            var listing = await DefinitionVersions.ReadAsync(Run, _galleries, facts.Listing.DefinitionId).ConfigureAwait(false);
            var version = listing.Find(facts.VersionName) ?? throw new ImageToolsException(ErrorIds.GalleryVersionNotFound,
                $"Version '{facts.VersionId}' disappeared after its update.", "Check the gallery's activity log.", facts.VersionId.Id, FailureCategory.ObjectNotFound);
            var info = GalleryVersionMapper.ToInfo(version, listing);
            Run.Completed();
            Run.Sink.WriteObject(info);
            return info;
        }
    }
}
