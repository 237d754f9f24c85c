using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.GalleryVersions;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.RemoveVersions;

namespace ImageTools.Engine.Operations.RemoveVersions
{
    /// <summary>
    /// Remove-GalleryVersion: reads the definition's versions (with where `latest` resolves) and, when
    /// something may go, the subscription's VMs and scale sets; runs the preflight; the plan holds one
    /// irreversible step per version to delete; each DELETE is awaited before the next.
    /// </summary>
    internal sealed class RemoveVersionsOperation : Operation<RemoveVersionsFacts>
    {
        private readonly RemoveVersionsRequest _request;
        private readonly IGalleryGateway _galleries;
        private readonly IGalleryVersionGateway _versions;
        private readonly string _subscriptionId;

        private RemoveVersionsOperation(RemoveVersionsRequest request, OperationRun run, IGalleryGateway galleries, IGalleryVersionGateway versions,
            string subscriptionId) : base(run)
        {
            _request = request;
            _galleries = galleries;
            _versions = versions;
            _subscriptionId = subscriptionId;
        }

        public static async Task<PreparedOperation> PrepareAsync(RemoveVersionsRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            IGalleryGateway galleries, IGalleryVersionGateway versions, EngineOptions options, string subscriptionId)
        {
            if (request.KeepLatest is int keep && keep < 0)
                throw new ImageToolsException(ErrorIds.KeepLatestOutOfRange, $"-KeepLatest must be 0 or more; {keep} was given.",
                    "Pass -KeepLatest 3 to keep the three newest versions (and always the latest and those in use).", null, FailureCategory.InvalidArgument);
            var target = VersionTarget.Resolve(request, subscriptionId);
            if (request.KeepLatest == null && target.Versions.Length == 0)
                throw new ImageToolsException(ErrorIds.MissingResource,
                    $"No version named for removal from '{target.DefinitionId.Name}': give -Name, pipe in versions, or prune with -KeepLatest.",
                    "Remove-GalleryVersion ... -Name 1.0.0, or Remove-GalleryVersion ... -KeepLatest 3.", target.DefinitionId.Id, FailureCategory.InvalidArgument);
            var run = new OperationRun(sink, ct, gateway, options, $"Remove versions of '{target.DefinitionId.Name}'",
                "Versions already removed are recognised.");
            var operation = new RemoveVersionsOperation(request, run, galleries, versions, target.DefinitionId.SubscriptionId);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override async Task<RemoveVersionsFacts> ReadFactsAsync()
        {
            var target = VersionTarget.Resolve(_request, _subscriptionId);
            var listing = await DefinitionVersions.ReadAsync(Run, _galleries, target.DefinitionId).ConfigureAwait(false);
            var empty = new RemoveVersionsFacts(_request, listing, target.Versions, Array.Empty<ImageConsumerState>());
            if (empty.Candidates.Count == 0)
                return empty;
            var consumers = await Run.StepAsync("listing the subscription's VMs and scale sets", Run.Options.OperationTimeout,
                ct => _versions.ListImageConsumersAsync(_subscriptionId, ct)).ConfigureAwait(false);
            return new RemoveVersionsFacts(_request, listing, target.Versions, consumers);
        }

        private protected override PreflightResult Evaluate(RemoveVersionsFacts facts) => Rules.Preflight.Evaluate(RemoveVersionsRules.All, facts);

        private protected override OperationPlan PlanFor(RemoveVersionsFacts facts)
        {
            var plan = new OperationPlan();
            foreach (var version in facts.ToRemove)
            {
                var used = facts.UsedBy(version);
                plan.AddHighImpact(version.Id,
                    $"Remove image version '{version.Name}' (published {Date(version.PublishedDate)}; in {string.Join(", ", version.Regions.Select(r => r.Name))}" +
                    $"{(used.Count > 0 ? "; built from it: " + RemoveVersionsFacts.Describe(used) : "")})");
            }
            return plan;
        }

        private static string Date(DateTimeOffset? date) => date?.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown";

        /// <summary>Says what retention keeps and why, and which machines name the definition without an exact version.</summary>
        private protected override void Prepared(RemoveVersionsFacts facts)
        {
            if (facts.IsPruning)
            {
                foreach (var version in facts.Listing.Versions.Take(Math.Max(0, _request.KeepLatest!.Value)))
                    Run.Sink.WriteVerbose($"Keeping '{version.Name}': among the newest {_request.KeepLatest}.");
                foreach (var version in facts.Candidates.Where(v => !facts.ToRemove.Contains(v)))
                {
                    var why = facts.Listing.IsLatest(version.Name)
                        ? $"'latest' resolves to it in {string.Join(", ", facts.Listing.RegionsWhereLatest(version.Name))}"
                        : $"built from it: {RemoveVersionsFacts.Describe(facts.UsedBy(version))} (-Force removes it anyway)";
                    Run.Sink.WriteVerbose($"Keeping '{version.Name}': {why}.");
                }
            }
            var unknown = facts.UnknownVersion;
            if (unknown.Count > 0)
                Run.Sink.WriteVerbose($"{RemoveVersionsFacts.Describe(unknown)} name '{facts.Listing.DefinitionName}' without an exact version; the version 'latest' resolves to is kept.");
        }

        private protected override Task<object?> EmitDoneAsync(RemoveVersionsFacts facts)
        {
            Run.Completed();
            return Task.FromResult<object?>(null);
        }

        private protected override async Task<object?> RunStepsAsync(RemoveVersionsFacts facts)
        {
            var index = 0;
            foreach (var version in facts.ToRemove)
            {
                index++;
                await Run.StepAsync($"removing version '{version.Name}' ({index} of {facts.ToRemove.Count})", Run.Options.OperationTimeout,
                    ct => _versions.DeleteVersionAsync(version.Id, ct), 100 * (index - 1) / facts.ToRemove.Count).ConfigureAwait(false);
                Run.Sink.WriteVerbose($"Removed version '{version.Name}'.");
                if (_request.PassThru)
                    Run.Sink.WriteObject(Publish.GalleryVersionMapper.ToInfo(version, facts.Listing));
            }
            Run.Completed();
            return null;
        }
    }
}
