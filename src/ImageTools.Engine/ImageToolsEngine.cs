using System;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Connection;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations;
using ImageTools.Engine.Operations.Capture;
using ImageTools.Engine.Operations.Cleanup;
using ImageTools.Engine.Operations.Orphans;
using ImageTools.Engine.Operations.Clone;
using ImageTools.Engine.Operations.Copy;
using ImageTools.Engine.Operations.Import;
using ImageTools.Engine.Operations.Deploy;
using ImageTools.Engine.Operations.Generalize;
using ImageTools.Engine.Operations.ListVersions;
using ImageTools.Engine.Operations.Publish;
using ImageTools.Engine.Operations.Restore;
using ImageTools.Engine.Operations.VmssDeploy;
using ImageTools.Engine.Operations.VmssUpgrade;
using ImageTools.Engine.Operations.RemoveVersions;
using ImageTools.Engine.Operations.UpdateVersion;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Engine
{
    /// <summary>
    /// The one object behind every cmdlet. Each Prepare method reads the real state and runs the
    /// preflight (every applicable rule) without writing; the caller reviews the plan
    /// (<see cref="OperationReview"/>) and calls <see cref="PreparedOperation.ExecuteAsync"/>,
    /// which makes the writes and reports through a one-way sink (New-VmFromImage emits each VM
    /// as it is ready). The Run methods compose the three for callers without PowerShell.
    /// </summary>
    public sealed class ImageToolsEngine
    {
        private readonly EngineSession _session;
        private readonly Gateways _gateways;

        internal ImageToolsEngine(EngineSession session)
        {
            _session = session;
            _gateways = session.Gateways;
        }

        /// <summary>What this engine is connected to.</summary>
        public ConnectionInfo Connection => _session.Info;

        /// <summary>Signs in, checks the subscription is reachable, and stores the session context.</summary>
        public static Task<ConnectionInfo> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken) =>
            ConnectAsync(request, null, null, cancellationToken);

        /// <summary>
        /// Signs in, checks the subscription is reachable, and stores the session context. A
        /// device-code prompt is written to the sink as a warning; options tune polling and retries.
        /// </summary>
        public static async Task<ConnectionInfo> ConnectAsync(ConnectRequest request, IOperationSink? sink, EngineOptions? options,
            CancellationToken cancellationToken)
        {
            var session = await Connector.OpenAsync(request, sink, options ?? new EngineOptions(), cancellationToken).ConfigureAwait(false);
            EngineSession.SetCurrent(session);
            Catalog.ArgumentCompletion.ClearCache(); // listings of the previous sign-in are not this one's
            return session.Info;
        }

        /// <summary>Forgets the session's connection (Disconnect-ImageTools); returns what it was, or null when there was none.</summary>
        public static ConnectionInfo? Disconnect()
        {
            var forgotten = EngineSession.Current;
            EngineSession.SetCurrent(null);
            Catalog.ArgumentCompletion.ClearCache();
            return forgotten?.Info;
        }

        /// <summary>The engine over the session's connection; a clear error says what to run when there is none.</summary>
        public static ImageToolsEngine FromSession() => new ImageToolsEngine(EngineSession.RequireCurrent());

        /// <summary>An engine over its own connection, leaving the session's alone (tests, parallel rehearsals).</summary>
        public static async Task<ImageToolsEngine> OpenAsync(ConnectRequest request, IOperationSink? sink, EngineOptions? options,
            CancellationToken cancellationToken) =>
            new ImageToolsEngine(await Connector.OpenAsync(request, sink, options ?? new EngineOptions(), cancellationToken).ConfigureAwait(false));

        /// <summary>
        /// Prepares a generalize of the VM, or with <see cref="GeneralizeRequest.Clone"/> of a clone built from its disks;
        /// a -SnapshotRetentionDays outside 1 to 3650 is refused before any request.
        /// </summary>
        public Task<PreparedOperation> PrepareGeneralizeAsync(GeneralizeRequest request, IOperationSink sink, CancellationToken cancellationToken)
        {
            if (request.SnapshotRetentionDays < 1 || request.SnapshotRetentionDays > GeneralizeRequest.MaxSnapshotRetentionDays)
                throw new ImageToolsException(ErrorIds.SnapshotRetentionOutOfRange,
                    $"-SnapshotRetentionDays must be a whole number of days from 1 to {GeneralizeRequest.MaxSnapshotRetentionDays}; {request.SnapshotRetentionDays} was given.",
                    $"Pass -SnapshotRetentionDays 1 to {GeneralizeRequest.MaxSnapshotRetentionDays} (default {GeneralizeRequest.DefaultSnapshotRetentionDays}), or -SkipSnapshot to take no snapshot.",
                    null, FailureCategory.InvalidArgument);
            return request.Clone
                ? CloneOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Disks,
                    _gateways.Deploy, _session.Options, _session.SubscriptionFor(request.SubscriptionId))
                : GeneralizeOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _session.Options, _session.SubscriptionFor(request.SubscriptionId));
        }

        /// <summary>Prepares Undo-VmGeneralize: a VM restored from its pre-generalize snapshots.</summary>
        public Task<PreparedOperation> PrepareRestoreAsync(RestoreRequest request, IOperationSink sink, CancellationToken cancellationToken) =>
            RestoreOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Disks,
                _gateways.Deploy, _session.Options, _session.SubscriptionFor(request.SubscriptionId));

        /// <summary>Prepares Get-ImageToolsSnapshot: the snapshots ImageTools made (read only).</summary>
        public Task<PreparedOperation> PrepareSnapshotListAsync(SnapshotQueryRequest request, IOperationSink sink, CancellationToken cancellationToken) =>
            SnapshotListOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Disks, _session.Options,
                _session.SubscriptionFor(request.SubscriptionId));

        /// <summary>Prepares Remove-ImageToolsSnapshot: one snapshot ImageTools made, deleted.</summary>
        public Task<PreparedOperation> PrepareSnapshotRemoveAsync(SnapshotRemoveRequest request, IOperationSink sink, CancellationToken cancellationToken) =>
            SnapshotRemoveOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Disks, _session.Options,
                _session.SubscriptionFor(request.SubscriptionId));

        /// <summary>Prepares Get-ImageToolsOrphan: what ImageTools made for VMs that no longer exist (read only).</summary>
        public Task<PreparedOperation> PrepareOrphanListAsync(OrphanQueryRequest request, IOperationSink sink, CancellationToken cancellationToken) =>
            OrphanListOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Cleanup, _session.Options,
                _session.SubscriptionFor(request.SubscriptionId));

        /// <summary>Prepares Remove-ImageToolsOrphan: one such resource, deleted.</summary>
        public Task<PreparedOperation> PrepareOrphanRemoveAsync(OrphanRemoveRequest request, IOperationSink sink, CancellationToken cancellationToken) =>
            OrphanRemoveOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Cleanup, _gateways.Disks, _session.Options,
                _session.SubscriptionFor(request.SubscriptionId));

        /// <summary>Prepares a capture; tags beyond ARM's limits are refused before any request.</summary>
        public Task<PreparedOperation> PrepareCaptureAsync(CaptureRequest request, IOperationSink sink, CancellationToken cancellationToken)
        {
            Validation.AzureTags.Require(request.Tags);
            return CaptureOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Cleanup,
                _session.Options, _session.SubscriptionFor(request.SubscriptionId));
        }

        /// <summary>Prepares a gallery version; a non-positive ReplicationTimeout and tags beyond ARM's limits are refused before any request.</summary>
        public Task<PreparedOperation> PreparePublishAsync(PublishRequest request, IOperationSink sink, CancellationToken cancellationToken)
        {
            OperationRun.RequirePositive(request.ReplicationTimeout, "ReplicationTimeout");
            Validation.AzureTags.Require(request.Tags);
            return PublishOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Galleries,
                _gateways.Locations, _gateways.Cleanup, _session.Options, _session.SubscriptionFor(request.SubscriptionId));
        }

        /// <summary>Prepares VMs from an image; tags beyond ARM's limits are refused before any request.</summary>
        public Task<PreparedOperation> PrepareDeployAsync(DeployRequest request, IOperationSink sink, CancellationToken cancellationToken)
        {
            Validation.AzureTags.Require(request.Tags);
            return DeployOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Galleries,
                _gateways.Deploy, _session.Options, _session.SubscriptionFor(request.SubscriptionId));
        }

        /// <summary>Prepares the import of a local VHD file into a managed disk (Import-Vhd).</summary>
        public Task<PreparedOperation> PrepareImportAsync(ImportRequest request, IOperationSink sink, CancellationToken cancellationToken) =>
            ImportOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Transfers, _session.Options, _session.SubscriptionFor(request.SubscriptionId));

        /// <summary>Prepares the copy of a managed image to another resource group or region (Copy-CapturedImage).</summary>
        public Task<PreparedOperation> PrepareCopyAsync(CopyRequest request, IOperationSink sink, CancellationToken cancellationToken) =>
            CopyOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Transfers, _gateways.Locations, _session.Options,
                _session.SubscriptionFor(request.SubscriptionId));

        public Task<DiskInfo?> ImportAsync(ImportRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<DiskInfo>((sink, ct) => PrepareImportAsync(request, sink, ct), console);

        public Task<ImageInfo?> CopyAsync(CopyRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<ImageInfo>((sink, ct) => PrepareCopyAsync(request, sink, ct), console);
        /// <summary>Reads a definition's versions (Get-GalleryVersion); its plan is empty.</summary>
        public Task<PreparedOperation> PrepareListVersionsAsync(ListVersionsRequest request, IOperationSink sink, CancellationToken cancellationToken) =>
            ListVersionsOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Galleries, _session.Options, _session.SubscriptionFor(request.SubscriptionId));

        /// <summary>Prepares one version's update; a non-positive ReplicationTimeout or no single version named is refused before any request.</summary>
        public Task<PreparedOperation> PrepareUpdateVersionAsync(UpdateVersionRequest request, IOperationSink sink, CancellationToken cancellationToken) =>
            UpdateVersionOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Galleries, _gateways.Versions, _gateways.Locations, _session.Options,
                _session.SubscriptionFor(request.SubscriptionId));

        public Task<PreparedOperation> PrepareRemoveVersionsAsync(RemoveVersionsRequest request, IOperationSink sink, CancellationToken cancellationToken) =>
            RemoveVersionsOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Galleries, _gateways.Versions, _session.Options,
                _session.SubscriptionFor(request.SubscriptionId));

        /// <summary>Prepares a scale set from an image (New-VmssFromImage).</summary>
        public Task<PreparedOperation> PrepareVmssDeployAsync(ScaleSetDeployRequest request, IOperationSink sink, CancellationToken cancellationToken) =>
            VmssDeployOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Galleries, _gateways.Deploy, _gateways.ScaleSets,
                _session.Options, _session.SubscriptionFor(request.SubscriptionId));

        /// <summary>Prepares a scale set's rolling move to another image (Update-VmssImage); a non-positive UpgradeTimeout is refused before any request.</summary>
        public Task<PreparedOperation> PrepareVmssUpgradeAsync(ScaleSetUpgradeRequest request, IOperationSink sink, CancellationToken cancellationToken) =>
            VmssUpgradeOperation.PrepareAsync(request, sink, cancellationToken, _gateways.Azure, _gateways.Galleries, _gateways.Deploy, _gateways.ScaleSets,
                _session.Options, _session.SubscriptionFor(request.SubscriptionId));

        public Task<VmInfo?> GeneralizeAsync(GeneralizeRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<VmInfo>((sink, ct) => PrepareGeneralizeAsync(request, sink, ct), console);

        public Task<VmInfo?> RestoreAsync(RestoreRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<VmInfo>((sink, ct) => PrepareRestoreAsync(request, sink, ct), console);

        public Task ListSnapshotsAsync(SnapshotQueryRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<object>((sink, ct) => PrepareSnapshotListAsync(request, sink, ct), console);

        public Task<SnapshotInfo?> RemoveSnapshotAsync(SnapshotRemoveRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<SnapshotInfo>((sink, ct) => PrepareSnapshotRemoveAsync(request, sink, ct), console);

        public Task ListOrphansAsync(OrphanQueryRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<object>((sink, ct) => PrepareOrphanListAsync(request, sink, ct), console);

        public Task<OrphanInfo?> RemoveOrphanAsync(OrphanRemoveRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<OrphanInfo>((sink, ct) => PrepareOrphanRemoveAsync(request, sink, ct), console);

        public Task<ImageInfo?> CaptureAsync(CaptureRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<ImageInfo>((sink, ct) => PrepareCaptureAsync(request, sink, ct), console);

        public Task<GalleryVersionInfo?> PublishAsync(PublishRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<GalleryVersionInfo>((sink, ct) => PreparePublishAsync(request, sink, ct), console);

        public Task DeployAsync(DeployRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<object>((sink, ct) => PrepareDeployAsync(request, sink, ct), console);

        public Task VmssDeployAsync(ScaleSetDeployRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<object>((sink, ct) => PrepareVmssDeployAsync(request, sink, ct), console);

        public Task VmssUpgradeAsync(ScaleSetUpgradeRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<object>((sink, ct) => PrepareVmssUpgradeAsync(request, sink, ct), console);
        /// <summary>The versions, through the console's sink (one WriteObject each).</summary>
        public Task ListVersionsAsync(ListVersionsRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<object>((sink, ct) => PrepareListVersionsAsync(request, sink, ct), console);

        public Task<GalleryVersionInfo?> UpdateVersionAsync(UpdateVersionRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<GalleryVersionInfo>((sink, ct) => PrepareUpdateVersionAsync(request, sink, ct), console);

        public Task RemoveVersionsAsync(RemoveVersionsRequest request, IOperationConsole console) =>
            OperationRunner.RunAsync<object>((sink, ct) => PrepareRemoveVersionsAsync(request, sink, ct), console);
    }
}
