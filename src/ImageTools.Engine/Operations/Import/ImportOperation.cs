using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Import;
using ImageTools.Models;

namespace ImageTools.Engine.Operations.Import
{
    /// <summary>
    /// Import-Vhd: read the VHD's footer and partitions and the disk of that name, run the preflight,
    /// then create a disk for upload (createOption Upload, uploadSizeBytes = the file's length), get a
    /// write SAS (beginGetAccess), send the pages that hold data, end the access (endGetAccess: always,
    /// also when the upload fails or is stopped) and tag the disk finished. A rerun that finds the disk
    /// still taking the upload continues it.
    /// </summary>
    internal sealed class ImportOperation : Operation<ImportFacts>
    {
        /// <summary>The write SAS's lifetime (what az disk grant-access uses for uploads).</summary>
        private static readonly TimeSpan SasDuration = TimeSpan.FromHours(24);
        private static readonly TimeSpan RevokeTimeout = TimeSpan.FromMinutes(5);
        private readonly ImportRequest _request;
        private readonly OperationRun _run;
        private readonly IDiskTransferGateway _disks;
        private readonly string _subscriptionId;

        private ImportOperation(ImportRequest request, OperationRun run, IDiskTransferGateway disks, string subscriptionId) : base(run)
        {
            _subscriptionId = subscriptionId;
            _request = request;
            _run = run;
            _disks = disks;
            EmitsDoneResultUnderWhatIf = true;
        }

        private IOperationSink Sink => _run.Sink;

        public static async Task<PreparedOperation> PrepareAsync(ImportRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            IDiskTransferGateway disks, EngineOptions options, string subscriptionId)
        {
            var run = new OperationRun(sink, ct, gateway, options, $"Import VHD '{SourceName(request)}'",
                "A disk still taking the upload is continued: pages already sent are not sent again.");
            var operation = new ImportOperation(request, run, disks, subscriptionId);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private static string SourceName(ImportRequest request) =>
            string.IsNullOrWhiteSpace(request.SourceUri) ? Path.GetFileName(request.Path) : BlobSource.Parse(request.SourceUri!).FileName;

        private protected override async Task<ImportFacts> ReadFactsAsync()
        {
            if (!string.IsNullOrWhiteSpace(_request.SourceUri))
            {
                var (blob, account, probe, blobVhd) = await BlobImportReader.ReadAsync(_run, _disks, _request).ConfigureAwait(false);
                var facts = await ReadDiskFactsAsync(blobVhd, DefaultDiskName(blob.FileName)).ConfigureAwait(false);
                facts.Blob = blob;
                facts.StorageAccount = account;
                facts.Probe = probe;
                return facts;
            }
            var vhd = VhdFile.Read(_request.Path);
            if (vhd.Exists)
                Sink.WriteVerbose($"VHD '{vhd.Path}': {vhd.Length} bytes, " + (vhd.HasFooter
                    ? $"{vhd.DiskTypeName} VHD, virtual size {vhd.CurrentSize} bytes, footer checksum {(vhd.ChecksumValid ? "valid" : "invalid")}, " +
                      $"partitions {(vhd.PartitionStyle.Length > 0 ? vhd.PartitionStyle : "none")}{(vhd.InferredOsType.Length > 0 ? " (" + vhd.InferredOsType + ")" : "")}."
                    : "no VHD footer."));
            return await ReadDiskFactsAsync(vhd, DefaultDiskName(_request.Path)).ConfigureAwait(false);
        }

        private async Task<ImportFacts> ReadDiskFactsAsync(VhdFile vhd, string defaultName)
        {
            var name = string.IsNullOrWhiteSpace(_request.DiskName) ? defaultName : _request.DiskName!.Trim();
            var diskId = ArmId.Of(_subscriptionId, _request.ResourceGroupName.Trim(), ArmId.Disks, name);
            var timeout = _run.Options.OperationTimeout;
            var groupExists = await _run.StepAsync("reading the disk's resource group", timeout,
                ct => _run.Gateway.ResourceGroupExistsAsync(diskId.SubscriptionId, diskId.ResourceGroupName, ct)).ConfigureAwait(false);
            var existing = groupExists && Validation.AzureNames.CheckDiskName(name) == null
                ? await _run.StepAsync("reading the disk", timeout, ct => _disks.GetDiskAsync(diskId, ct)).ConfigureAwait(false)
                : null;
            return new ImportFacts(_request, vhd, diskId, groupExists, existing);
        }

        /// <summary>The file's name without its extension, with the characters a disk name cannot hold made hyphens.</summary>
        public static string DefaultDiskName(string path)
        {
            var stem = Path.GetFileNameWithoutExtension(path ?? "");
            var name = new StringBuilder();
            foreach (var c in stem)
                name.Append(char.IsLetterOrDigit(c) && c < 128 || c == '_' || c == '-' ? c : '-');
            return name.Length > 80 ? name.ToString(0, 80) : name.ToString();
        }

        private protected override PreflightResult Evaluate(ImportFacts facts) => Rules.Preflight.Evaluate(ImportRules.All, facts);

        private protected override OperationPlan PlanFor(ImportFacts facts)
        {
            var plan = new OperationPlan();
            var id = facts.DiskId.Id;
            if (facts.FromBlob)
            {
                plan.Add(id, $"Create managed disk '{facts.DiskId.Name}' from blob '{facts.Blob!.Url}' (createOption Import, storage account '{facts.StorageAccount?.Name ?? _request.StorageAccountId}', " +
                    $"{facts.TargetOsType}, {facts.TargetGeneration}, {facts.TargetOsState}, {_request.SkuName}) in {_request.Location}");
                return plan;
            }
            if (facts.ResumesUpload)
                plan.Add(id, $"Continue the upload into disk '{facts.DiskId.Name}' (state {facts.ExistingDisk!.AttachState}): pages already written are not sent again");
            else
                plan.Add(id, $"Create managed disk for upload ({facts.Vhd.Length} bytes, {facts.TargetOsType}, {facts.TargetGeneration}, {facts.TargetOsState}, {_request.SkuName}) in {_request.Location}");
            plan.Add(id, "Get write access (SAS, 24 h), send the VHD's pages that hold data (4 MiB at most each), then end the access");
            plan.Add(id, "Tag the disk with the finished upload (imagetools-vhd-uploaded)");
            return plan;
        }

        private protected override void Prepared(ImportFacts facts)
        {
            if (facts.ResumesUpload)
                Sink.WriteVerbose($"Disk '{facts.DiskId.Name}' is still taking an upload of this VHD ({facts.ExistingDisk!.AttachState}): this run continues it.");
        }

        private protected override Task<object?> EmitDoneAsync(ImportFacts facts) =>
            Task.FromResult<object?>(Emit(facts.ExistingDisk!, facts, null));

        private protected override async Task<object?> RunStepsAsync(ImportFacts facts)
        {
            var timeout = _run.Options.OperationTimeout;
            var id = facts.DiskId;
            if (facts.FromBlob)
            {
                var imported = await _run.StepAsync($"creating disk '{id.Name}' from the blob (Azure copies it)", timeout,
                    ct => _disks.CreateDiskAsync(BlobImportReader.Spec(facts, _request), ct), 10).ConfigureAwait(false);
                _run.Completed();
                return Emit(imported, facts, null);
            }
            if (!facts.ResumesUpload)
                await _run.StepAsync($"creating disk '{facts.DiskId.Name}' for upload", timeout, ct => _disks.CreateDiskAsync(Spec(facts), ct), 5).ConfigureAwait(false);
            var sas = await _run.StepAsync("getting write access to the disk", timeout, ct => _disks.GrantWriteAccessAsync(id, SasDuration, ct), 10).ConfigureAwait(false);
            var uploader = new PageUploader(_disks, Sink, $"Uploading '{Path.GetFileName(facts.Vhd.Path)}'");
            try
            {
                IReadOnlyList<PageRange> written = facts.ResumesUpload
                    ? await _run.StepAsync("reading the pages already written", timeout, ct => _disks.GetPageRangesAsync(sas, ct), 12).ConfigureAwait(false)
                    : Array.Empty<PageRange>();
                // At least 1 MiB/s on top of the usual limit before the upload counts as stuck.
                var uploadLimit = timeout + TimeSpan.FromSeconds(facts.Vhd.Length / ImportFacts.MiB);
                await _run.StepAsync("uploading the VHD's pages", uploadLimit, ct => uploader.RunAsync(facts.Vhd.Path, sas, written, ct), 15).ConfigureAwait(false);
            }
            finally
            {
                await EndAccessAsync(id).ConfigureAwait(false);
            }
            var tags = new Dictionary<string, string>(facts.ExistingDisk?.Tags ?? ImportTags.For(facts), StringComparer.OrdinalIgnoreCase)
            {
                [ImportTags.Uploaded] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            };
            var disk = await _run.StepAsync("tagging the disk with the finished upload", timeout, ct => _disks.SetDiskTagsAsync(id, tags, ct), 95).ConfigureAwait(false);
            _run.Completed();
            return Emit(disk, facts, uploader);
        }

        /// <summary>
        /// endGetAccess runs whatever happened to the upload (a failure, Ctrl+C): a write SAS is never
        /// left open. It has its own time limit, not the run's token, so a stop still revokes.
        /// </summary>
        private async Task EndAccessAsync(ArmId diskId)
        {
            Sink.WriteVerbose($"{_run.Activity}: ending write access to the disk");
            using var limit = new CancellationTokenSource(RevokeTimeout);
            try
            {
                await _disks.RevokeAccessAsync(diskId, limit.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AzureRequestException || e is OperationCanceledException)
            {
                Sink.WriteWarning($"Write access to disk '{diskId.Name}' could not be ended ({e.Message}); it expires by itself within 24 hours. " +
                    $"End it now with Revoke-AzDiskAccess -ResourceGroupName {diskId.ResourceGroupName} -DiskName {diskId.Name}.");
            }
        }

        private DiskCreateSpec Spec(ImportFacts facts) => new DiskCreateSpec
        {
            SubscriptionId = facts.DiskId.SubscriptionId,
            ResourceGroupName = facts.DiskId.ResourceGroupName,
            Name = facts.DiskId.Name,
            Location = _request.Location.Trim(),
            CreateOption = "Upload",
            UploadSizeBytes = facts.Vhd.Length,
            OsType = facts.TargetOsType.Equals("Linux", StringComparison.OrdinalIgnoreCase) ? "Linux" : "Windows",
            HyperVGeneration = facts.TargetGeneration,
            SkuName = _request.SkuName,
            Tags = ImportTags.For(facts),
        };

        private DiskInfo Emit(DiskState disk, ImportFacts facts, PageUploader? uploader)
        {
            var info = new DiskInfo
            {
                Id = disk.Id.Id,
                SubscriptionId = disk.Id.SubscriptionId,
                ResourceGroupName = disk.Id.ResourceGroupName,
                Name = disk.Name,
                Location = disk.Location,
                Tags = new Dictionary<string, string>(disk.Tags, StringComparer.OrdinalIgnoreCase),
                ProvisioningState = disk.ProvisioningState,
                DiskState = disk.AttachState,
                OsType = disk.OsType,
                HyperVGeneration = disk.HyperVGeneration,
                OsState = DeclaredOsState.Read(disk.Tags),
                DiskSizeGB = disk.DiskSizeGb,
                SkuName = disk.SkuName,
                SourcePath = facts.Vhd.Path,
                BytesUploaded = uploader?.BytesSent ?? 0,
                ZeroBytesSkipped = uploader?.ZeroBytesSkipped ?? 0,
                BytesResumed = uploader?.BytesResumed ?? 0,
            };
            Sink.WriteObject(info);
            return info;
        }
    }
}
