using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.GalleryVersions;
using ImageTools.Engine.Operations.Publish;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.ListVersions;

namespace ImageTools.Engine.Operations.ListVersions
{
    /// <summary>
    /// Get-GalleryVersion: reads the definition, its versions with their replication status, and
    /// where `latest` resolves; writes nothing (its plan is empty), emits one object per version,
    /// highest version number first.
    /// </summary>
    internal sealed class ListVersionsOperation : Operation<ListVersionsFacts>
    {
        private readonly ListVersionsRequest _request;
        private readonly IGalleryGateway _galleries;
        private readonly string _subscriptionId;

        private ListVersionsOperation(ListVersionsRequest request, OperationRun run, IGalleryGateway galleries, string subscriptionId) : base(run)
        {
            _request = request;
            _galleries = galleries;
            _subscriptionId = subscriptionId;
        }

        public static async Task<PreparedOperation> PrepareAsync(ListVersionsRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            IGalleryGateway galleries, EngineOptions options, string subscriptionId)
        {
            var run = new OperationRun(sink, ct, gateway, options, "List gallery versions", "Listing writes nothing.");
            var operation = new ListVersionsOperation(request, run, galleries, subscriptionId);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override async Task<ListVersionsFacts> ReadFactsAsync()
        {
            var target = VersionTarget.Resolve(_request, _subscriptionId);
            var listing = await DefinitionVersions.ReadAsync(Run, _galleries, target.DefinitionId).ConfigureAwait(false);
            return new ListVersionsFacts(listing, target.Versions);
        }

        private protected override PreflightResult Evaluate(ListVersionsFacts facts) => Rules.Preflight.Evaluate(ListVersionsRules.All, facts);

        private protected override OperationPlan PlanFor(ListVersionsFacts facts) => new OperationPlan();

        private protected override Task<object?> EmitDoneAsync(ListVersionsFacts facts) => RunStepsAsync(facts);

        private protected override Task<object?> RunStepsAsync(ListVersionsFacts facts)
        {
            foreach (var version in facts.Selected)
                Run.Sink.WriteObject(GalleryVersionMapper.ToInfo(version, facts.Listing));
            Run.Completed();
            return Task.FromResult<object?>(null);
        }
    }
}
