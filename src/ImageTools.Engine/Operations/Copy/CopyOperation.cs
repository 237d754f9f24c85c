using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Catalog;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Copy;
using ImageTools.Models;

namespace ImageTools.Engine.Operations.Copy
{
    /// <summary>
    /// Copy-CapturedImage: read the source image, the disks or snapshots it was made from, the target
    /// group, region and image, and what an earlier run left; run the preflight; then copy the disks
    /// through snapshots (<see cref="DiskCopier"/>) and create the image at the target from them.
    /// </summary>
    internal sealed class CopyOperation : Operation<CopyFacts>
    {
        private readonly CopyRequest _request;
        private readonly OperationRun _run;
        private readonly IDiskTransferGateway _disks;
        private readonly ILocationGateway _locations;
        private readonly string _subscriptionId;

        private CopyOperation(CopyRequest request, OperationRun run, IDiskTransferGateway disks, ILocationGateway locations, string subscriptionId) : base(run)
        {
            _request = request;
            _run = run;
            _disks = disks;
            _locations = locations;
            _subscriptionId = subscriptionId;
            EmitsDoneResultUnderWhatIf = true;
        }

        public static async Task<PreparedOperation> PrepareAsync(CopyRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            IDiskTransferGateway disks, ILocationGateway locations, EngineOptions options, string subscriptionId)
        {
            OperationRun.RequirePositive(request.CopyTimeout, "CopyTimeout");
            var name = request.Source.Name ?? ArmId.NameOf(request.Source.ResourceId ?? "");
            var run = new OperationRun(sink, ct, gateway, options, $"Copy image '{name}'",
                "Snapshots and copies an earlier run made are recognised and not made again.");
            var operation = new CopyOperation(request, run, disks, locations, subscriptionId);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override async Task<CopyFacts> ReadFactsAsync()
        {
            var facts = new CopyFacts { Request = _request };
            var given = _request.Source.ResourceId ?? "";
            if (given.IndexOf("/providers/Microsoft.Compute/galleries/", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                facts.GallerySourceId = given.Trim();
                facts.SourceId = ArmId.Of(_subscriptionId, ArmId.ResourceGroupOf(given), ArmId.Images, ArmId.NameOf(given));
                facts.TargetId = facts.SourceId;
                return facts;
            }
            var timeout = _run.Options.OperationTimeout;
            var sourceId = facts.SourceId = ArmId.Resolve(_request.Source, _subscriptionId, ArmId.Images, ArmId.Images);
            var source = facts.Source = await _run.StepAsync("reading the source image", timeout, ct => _run.Gateway.GetImageAsync(sourceId, ct)).ConfigureAwait(false);
            var group = Stated(_request.TargetResourceGroupName) ?? sourceId.ResourceGroupName;
            facts.TargetLocation = RegionNames.Normalize(Stated(_request.TargetLocation) ?? source?.Location ?? "");
            // An image name is unique in its group: a copy to another region in the same group is named after its region.
            var name = Stated(_request.TargetName) ?? (string.Equals(group, sourceId.ResourceGroupName, StringComparison.OrdinalIgnoreCase) &&
                source != null && !RegionNames.Same(source.Location, facts.TargetLocation) ? $"{sourceId.Name}-{facts.TargetLocation}" : sourceId.Name);
            facts.TargetId = ArmId.Of(sourceId.SubscriptionId, group, ArmId.Images, name);
            facts.TargetGroupExists = string.Equals(group, sourceId.ResourceGroupName, StringComparison.OrdinalIgnoreCase) ||
                await _run.StepAsync("reading the target resource group", timeout, ct => _run.Gateway.ResourceGroupExistsAsync(sourceId.SubscriptionId, group, ct)).ConfigureAwait(false);
            if (source == null)
                return facts;
            if (facts.CrossRegion)
            {
                var locations = await _run.StepAsync("reading the subscription's regions", timeout, ct => _locations.ListLocationsAsync(sourceId.SubscriptionId, ct)).ConfigureAwait(false);
                facts.KnownLocations = locations.Select(l => l.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
                facts.TargetLocationKnown = locations.Any(l => RegionNames.Same(l.Name, facts.TargetLocation));
            }
            if (!facts.TargetGroupExists || !facts.TargetLocationKnown || Validation.AzureNames.CheckImageName(name) != null)
                return facts;
            facts.ExistingTarget = await _run.StepAsync("reading the target image", timeout, ct => _run.Gateway.GetImageAsync(facts.TargetId, ct)).ConfigureAwait(false);
            foreach (var disk in DisksOf(source, facts))
                await ReadDiskAsync(disk, facts).ConfigureAwait(false);
            return facts;
        }

        /// <summary>The image's OS disk and data disks, each with its source and the names of what the copy makes for it.</summary>
        private List<CopyDisk> DisksOf(ImageState source, CopyFacts facts)
        {
            var disks = new List<CopyDisk>
            {
                Disk(facts, -1, ArmId.ParseOrNull(source.OsDiskSourceId), source.OsDiskIsSnapshot, source.OsDiskSourceId.Length == 0 ? source.OsDiskBlobUri : ""),
            };
            disks.AddRange(source.DataDisks.Select(d => Disk(facts, d.Lun, d.SourceId, d.IsSnapshot, d.BlobUri)));
            facts.Disks = disks;
            return disks;
        }

        private static CopyDisk Disk(CopyFacts facts, int lun, ArmId? sourceId, bool isSnapshot, string blobUri)
        {
            var disk = new CopyDisk { Lun = lun, SourceId = sourceId, SourceIsSnapshot = isSnapshot, BlobUri = blobUri };
            var stem = facts.TargetId.Name + "-" + disk.NamePart;
            var at = facts.TargetId;
            disk.CopyId = ArmId.Of(at.SubscriptionId, at.ResourceGroupName, ArmId.Snapshots, stem + "-copy");
            if (facts.CrossRegion)
            {
                disk.StageSnapshotId = ArmId.Of(at.SubscriptionId, at.ResourceGroupName, ArmId.Snapshots, stem + "-stage");
                if (isSnapshot)
                    disk.StageDiskId = ArmId.Of(at.SubscriptionId, at.ResourceGroupName, ArmId.Disks, (stem + "-stage").Replace('.', '-'));
            }
            return disk;
        }

        private async Task ReadDiskAsync(CopyDisk disk, CopyFacts facts)
        {
            var timeout = _run.Options.OperationTimeout;
            if (disk.SourceId is ArmId sourceId)
            {
                if (disk.SourceIsSnapshot)
                    disk.SourceSnapshot = await _run.StepAsync($"reading the {disk.Label}'s source", timeout, ct => _disks.GetSnapshotAsync(sourceId, ct)).ConfigureAwait(false);
                else
                    disk.SourceDisk = await _run.StepAsync($"reading the {disk.Label}'s source", timeout, ct => _disks.GetDiskAsync(sourceId, ct)).ConfigureAwait(false);
            }
            disk.Copy = await _run.StepAsync("reading the copies of an earlier run", timeout, ct => _disks.GetSnapshotAsync(disk.CopyId, ct)).ConfigureAwait(false);
            if (disk.StageSnapshotId != null)
                disk.StageSnapshot = await _run.StepAsync("reading the copies of an earlier run", timeout, ct => _disks.GetSnapshotAsync(disk.StageSnapshotId, ct)).ConfigureAwait(false);
            if (disk.StageDiskId != null)
                disk.StageDisk = await _run.StepAsync("reading the copies of an earlier run", timeout, ct => _disks.GetDiskAsync(disk.StageDiskId, ct)).ConfigureAwait(false);
        }

        private protected override PreflightResult Evaluate(CopyFacts facts) => Rules.Preflight.Evaluate(CopyRules.All, facts);

        private protected override OperationPlan PlanFor(CopyFacts facts)
        {
            var plan = new OperationPlan();
            if (!facts.SourceUsable)
                return plan;
            foreach (var disk in facts.Disks)
                foreach (var (target, action) in DiskCopier.PlanFor(facts, disk))
                    plan.Add(target, action);
            plan.Add(facts.TargetId.Id, $"Create managed image '{facts.TargetId.Name}' in {facts.TargetLocation} ({facts.Source!.HyperVGeneration}, {facts.Source.OsType}) from the copied snapshots");
            return plan;
        }

        private protected override void Prepared(CopyFacts facts)
        {
            if (facts.SourceUsable && facts.CrossRegion)
                Sink.WriteVerbose($"Image '{facts.Source!.Name}' is in {facts.Source.Location}; its disks go to {facts.TargetLocation} as incremental snapshot copies (CopyStart). " +
                    "The intermediate snapshots are kept (tagged imagetools-copy-of); remove them with Remove-AzSnapshot once the copy is no longer needed.");
        }

        private IOperationSink Sink => _run.Sink;

        private protected override Task<object?> EmitDoneAsync(CopyFacts facts) => Task.FromResult<object?>(Emit(facts.ExistingTarget!, facts));

        private protected override async Task<object?> RunStepsAsync(CopyFacts facts)
        {
            await new DiskCopier(_run, _disks, facts).RunAsync().ConfigureAwait(false);
            var source = facts.Source!;
            var os = facts.Disks[0];
            var spec = new ImageSpec
            {
                SubscriptionId = facts.TargetId.SubscriptionId,
                ResourceGroupName = facts.TargetId.ResourceGroupName,
                Name = facts.TargetId.Name,
                Location = facts.TargetLocation,
                HyperVGeneration = source.HyperVGeneration,
                ZoneResilient = source.ZoneResilient,
                Tags = new Dictionary<string, string>(source.Tags, StringComparer.OrdinalIgnoreCase),
                OsDiskSourceId = os.CopyId,
                OsDiskIsSnapshot = true,
                OsType = string.Equals(source.OsType, "Linux", StringComparison.OrdinalIgnoreCase) ? "Linux" : "Windows",
                OsState = "Generalized",
                DataDisks = facts.Disks.Skip(1).Select(d => new ImageDataDiskSpec { Lun = d.Lun, SourceId = d.CopyId, IsSnapshot = true }).ToList(),
            };
            foreach (var tag in _request.Tags ?? new Dictionary<string, string>())
                spec.Tags[tag.Key] = tag.Value;
            spec.Tags[CopyFacts.CopyOfTag] = source.Id.Id;
            var timeout = _run.Options.OperationTimeout;
            var image = await _run.StepAsync($"creating image '{facts.TargetId.Name}' in {facts.TargetLocation}", timeout, ct => _run.Gateway.CreateImageAsync(spec, ct), 90)
                .ConfigureAwait(false);
            image = await _run.StepAsync("reading the image", timeout, ct => _run.Gateway.GetImageAsync(facts.TargetId, ct), 95).ConfigureAwait(false) ?? image;
            if (!string.Equals(image.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase))
                throw new ImageToolsException(ErrorIds.ImageNotSucceeded,
                    $"Image '{image.Name}' reads provisioningState '{image.ProvisioningState}', not Succeeded.",
                    "Check the image in the portal, remove it (Remove-AzImage) and rerun the same command; the copied snapshots are reused.",
                    image.Id.Id, FailureCategory.InvalidOperation);
            _run.Completed();
            return Emit(image, facts);
        }

        private ImageInfo Emit(ImageState image, CopyFacts facts)
        {
            var info = ModelMapper.ToImageInfo(image, facts.Source!.Id.Id, "Image");
            info.SourceId = facts.Source.Id.Id;
            Sink.WriteObject(info);
            return info;
        }

        private static string? Stated(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
