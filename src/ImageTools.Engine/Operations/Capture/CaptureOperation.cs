using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Capture;
using ImageTools.Engine.Rules.Generalize;
using ImageTools.Models;

namespace ImageTools.Engine.Operations.Capture
{
    /// <summary>
    /// New-CapturedImage: read the source (a generalized VM, a snapshot or a managed disk) and
    /// the image of that name, run the preflight, then deallocate the VM if asked, replace an
    /// image from another source if asked, create the image, and delete the source VM only
    /// once the image reads Succeeded.
    /// </summary>
    internal sealed class CaptureOperation : Operation<CaptureFacts>
    {
        private readonly CaptureRequest _request;
        private readonly OperationRun _run;
        private readonly ArmId _sourceId;
        private readonly ICleanupGateway _cleanup;
        private VmRemoval? _removal;
        private bool _deleteOnly;
        private string _doneMessage = "";

        private CaptureOperation(CaptureRequest request, OperationRun run, ArmId sourceId, ICleanupGateway cleanup) : base(run)
        {
            _cleanup = cleanup;
            _request = request;
            _sourceId = sourceId;
            _run = run;
            EmitsDoneResultUnderWhatIf = true;
        }

        private IAzureGateway Azure => _run.Gateway;
        private IOperationSink Sink => _run.Sink;

        /// <summary>Reads the source and the image of that name and evaluates the rules; writes nothing.</summary>
        public static async Task<PreparedOperation> PrepareAsync(CaptureRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            ICleanupGateway cleanup, EngineOptions options, string subscriptionId)
        {
            var sourceId = ArmId.Resolve(request.Source, subscriptionId, ArmId.VirtualMachines, ArmId.VirtualMachines, ArmId.Snapshots, ArmId.Disks);
            var run = new OperationRun(sink, ct, gateway, options, $"Capture image from '{sourceId.Name}'",
                "An image of the same name from the same source is returned as it is.");
            var operation = new CaptureOperation(request, run, sourceId, cleanup);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override PreflightResult Evaluate(CaptureFacts facts)
        {
            var preflight = Rules.Preflight.Evaluate(CaptureRules.All, facts);
            // An earlier run made the image but did not get to delete its source (-DeleteSourceVm):
            // the rerun plans and runs only that delete.
            _deleteOnly = preflight.AlreadyDone is Finding && preflight.Refusals.Count == 0 && _request.DeleteSourceVm && facts.Vm != null;
            _doneMessage = preflight.AlreadyDone?.Message ?? "";
            return _deleteOnly ? new PreflightResult(preflight.Findings.Where(f => f.Severity != FindingSeverity.AlreadyDone).ToList()) : preflight;
        }

        private protected override Task<object?> EmitDoneAsync(CaptureFacts facts) =>
            Task.FromResult<object?>(Emit(facts.ExistingImage!, facts, sourceDeleted: facts.Kind == CaptureSourceKind.VirtualMachine && facts.Vm == null));

        private protected override async Task<object?> RunStepsAsync(CaptureFacts facts)
        {
            var timeout = _run.Options.OperationTimeout;
            if (_deleteOnly)
            {
                Sink.WriteVerbose(_doneMessage + " Its source VM is still there; only the delete (-DeleteSourceVm) is left to do.");
                var existing = await _run.StepAsync("confirming the image reads Succeeded", timeout, ct => Azure.GetImageAsync(facts.ImageId, ct), 50)
                    .ConfigureAwait(false) ?? facts.ExistingImage!;
                RequireSucceeded(existing);
                await DeleteSourceVmAsync(facts.Vm!).ConfigureAwait(false);
                _run.Completed();
                return Emit(existing, facts, sourceDeleted: true);
            }
            if (facts.Vm != null && facts.Vm.PowerState == VmPowerState.Stopped)
                await _run.StepAsync("deallocating the source VM", timeout, ct => Azure.DeallocateVmAsync(facts.Vm.Id, ct), 10).ConfigureAwait(false);

            if (facts.ExistingImage != null)
                await _run.StepAsync($"deleting the existing image '{facts.ImageId.Name}'", timeout,
                    ct => Azure.DeleteImageAsync(facts.ExistingImage.Id, ct), 20).ConfigureAwait(false);

            // The operation's result is the image as ARM reads it once created: no second read.
            var image = await _run.StepAsync($"creating image '{facts.ImageId.Name}'", timeout, ct => Azure.CreateImageAsync(Spec(facts), ct), 40)
                .ConfigureAwait(false);
            RequireSucceeded(image);

            var deleted = false;
            if (_request.DeleteSourceVm && facts.Vm != null)
            {
                await DeleteSourceVmAsync(facts.Vm).ConfigureAwait(false);
                deleted = true;
            }
            _run.Completed();
            return Emit(image, facts, deleted);
        }

        /// <summary>The source VM is deleted only once the image reads Succeeded.</summary>
        private static void RequireSucceeded(ImageState image)
        {
            if (!string.Equals(image.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase))
                throw new ImageToolsException(ErrorIds.ImageNotSucceeded,
                    $"Image '{image.Name}' reads provisioningState '{image.ProvisioningState}', not Succeeded.",
                    "Check the image in the portal; rerun with -Replace to capture it again. The source was not deleted.",
                    image.Id.Id, FailureCategory.InvalidOperation);
        }

        /// <summary>The VM, then what it owned (disks, NICs, public IPs); snapshots are kept and named.</summary>
        private Task DeleteSourceVmAsync(VmState vm) => _removal!.RunAsync(_run, _cleanup, "-DeleteSourceVm", 90);

        /// <summary>What -DeleteSourceVm deletes, named resource by resource, and the snapshots it keeps.</summary>
        private string Removed() => $"with {_removal!.Describe()} (-DeleteSourceVm, irreversible; {_removal.SnapshotNote()})";

        private OperationPlan DeleteSourcePlan(VmState vm) =>
            new OperationPlan().AddHighImpact(vm.Id, $"Delete the source VM; its image exists and reads Succeeded; {Removed()}");

        private ImageInfo Emit(ImageState image, CaptureFacts facts, bool sourceDeleted)
        {
            var info = ModelMapper.ToImageInfo(image, facts.SourceResourceId.Id, facts.Kind.ToString(), sourceDeleted);
            Sink.WriteObject(info);
            return info;
        }

        private protected override async Task<CaptureFacts> ReadFactsAsync()
        {
            var sourceId = _sourceId;
            var timeout = _run.Options.OperationTimeout;
            var source = await new SourceReader(_run).ReadAsync(sourceId, timeout).ConfigureAwait(false);
            var kind = source.Kind == SourceKind.Snapshot ? CaptureSourceKind.Snapshot
                : source.Kind == SourceKind.Disk ? CaptureSourceKind.Disk : CaptureSourceKind.VirtualMachine;
            VmState? vm = source.Vm;
            DiskState? disk = source.Disk;
            SnapshotState? snapshot = source.Snapshot;

            var imageName = string.IsNullOrWhiteSpace(_request.ImageName) ? sourceId.Name + "-image" : _request.ImageName!.Trim();
            var imageGroup = string.IsNullOrWhiteSpace(_request.ResourceGroupName) ? sourceId.ResourceGroupName : _request.ResourceGroupName!.Trim();
            var imageId = ArmId.Of(sourceId.SubscriptionId, imageGroup, ArmId.Images, imageName);
            var groupExists = string.Equals(imageGroup, sourceId.ResourceGroupName, StringComparison.OrdinalIgnoreCase) ||
                await _run.StepAsync("reading the image's resource group", timeout,
                    ct => Azure.ResourceGroupExistsAsync(sourceId.SubscriptionId, imageGroup, ct)).ConfigureAwait(false);
            var existing = Validation.AzureNames.CheckImageName(imageName) == null
                ? await _run.StepAsync("reading the image", timeout, ct => Azure.GetImageAsync(imageId, ct)).ConfigureAwait(false)
                : null;

            var dataDisks = new List<DataDiskSource>();
            var lun = 0;
            foreach (var id in _request.DataDiskSourceIds ?? new List<string>())
            {
                var dataId = ArmId.Resolve(ResourceReference.FromId(id), sourceId.SubscriptionId, ArmId.Disks, ArmId.Disks, ArmId.Snapshots);
                var exists = dataId.IsType(ArmId.Snapshots)
                    ? await _run.StepAsync("reading the data disk sources", timeout, ct => Azure.GetSnapshotAsync(dataId, ct)).ConfigureAwait(false) != null
                    : await _run.StepAsync("reading the data disk sources", timeout, ct => Azure.GetDiskAsync(dataId, ct)).ConfigureAwait(false) != null;
                dataDisks.Add(new DataDiskSource(lun++, dataId, exists));
            }
            // Without this evidence GeneralizedWithoutEvidence warns.
            if (vm != null && vm.IsGeneralized && GuestStepMarker.Read(vm.Tags) is GuestStepEvidence evidence)
                Sink.WriteVerbose($"VM '{vm.Name}' was generalized with evidence of its guest step ({evidence}).");
            else if (vm != null && vm.IsGeneralized && _request.GuestGeneralized)
                Sink.WriteVerbose($"VM '{vm.Name}' carries no evidence of its guest step; its guest is taken as generalized (-GuestGeneralized).");
            if (_request.DeleteSourceVm && vm != null)
                _removal = await VmRemoval.ReadAsync(_run, _cleanup, vm, timeout).ConfigureAwait(false);
            return new CaptureFacts(_request, sourceId, kind, vm, disk, snapshot, imageId, existing, dataDisks, groupExists);
        }

        private protected override OperationPlan PlanFor(CaptureFacts facts)
        {
            if (_deleteOnly)
                return DeleteSourcePlan(facts.Vm!);
            var plan = new OperationPlan();
            if (facts.Vm != null && facts.Vm.PowerState == VmPowerState.Stopped)
                plan.Add(facts.Vm.Id, "Deallocate the source VM (-Deallocate)");
            if (facts.ExistingImage != null)
                plan.Add(facts.ExistingImage.Id, _request.Replace ? "Delete the existing image (-Replace)" : "Delete the image left failed by an earlier run");
            plan.Add(facts.ImageId.Id, $"Create managed image ({facts.TargetHyperVGeneration}, {facts.TargetOsType}) from {facts.Kind} '{facts.SourceId.Name}'");
            if (_request.DeleteSourceVm && facts.Vm != null)
                plan.AddHighImpact(facts.Vm.Id, $"Delete the source VM once the image reads Succeeded, {Removed()}");
            return plan;
        }

        private ImageSpec Spec(CaptureFacts facts)
        {
            var spec = new ImageSpec
            {
                SubscriptionId = facts.ImageId.SubscriptionId,
                ResourceGroupName = facts.ImageId.ResourceGroupName,
                Name = facts.ImageId.Name,
                Location = facts.TargetLocation,
                HyperVGeneration = facts.TargetHyperVGeneration,
                ZoneResilient = _request.ZoneResilient,
                Tags = new Dictionary<string, string>(_request.Tags ?? new Dictionary<string, string>()),
            };
            if (facts.Kind == CaptureSourceKind.VirtualMachine)
            {
                spec.SourceVirtualMachineId = facts.SourceResourceId;
                return spec;
            }
            spec.OsDiskSourceId = facts.SourceResourceId;
            spec.OsDiskIsSnapshot = facts.Kind == CaptureSourceKind.Snapshot;
            spec.OsType = facts.TargetOsType.Equals("Linux", StringComparison.OrdinalIgnoreCase) ? "Linux" : "Windows";
            spec.OsState = facts.TargetOsState;
            spec.DataDisks = facts.DataDisks.Select(d => new ImageDataDiskSpec { Lun = d.Lun, SourceId = d.Id, IsSnapshot = d.IsSnapshot }).ToList();
            return spec;
        }
    }
}
