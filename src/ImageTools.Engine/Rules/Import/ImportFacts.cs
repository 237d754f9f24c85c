using System;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Operations.Import;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>What Import-Vhd's rules read: the VHD file (footer and partitions), the disk's group and the disk of that name.</summary>
    internal sealed class ImportFacts
    {
        public const long MiB = 1024 * 1024;
        /// <summary>ARM's upload size bounds (uploadSizeBytes, footer included): 20 MiB + 512 to 32 TiB + 512.</summary>
        public const long MinDataSize = 20 * MiB;
        public const long MaxDataSize = 32L * 1024 * 1024 * MiB;

        public ImportFacts(ImportRequest request, VhdFile vhd, ArmId diskId, bool groupExists, DiskState? existing)
        {
            Request = request;
            Vhd = vhd;
            DiskId = diskId;
            GroupExists = groupExists;
            ExistingDisk = existing;
        }

        /// <summary>Import from a blob (-SourceUri): the blob's URL, the storage account (null: not found), and what reading the blob found.</summary>
        public BlobSource? Blob { get; set; }
        public StorageAccountState? StorageAccount { get; set; }
        public BlobProbe? Probe { get; set; }

        public bool FromBlob => Blob != null;

        /// <summary>The blob was read with a SAS the caller gave: a failure to read it is the caller's to fix.</summary>
        public bool BlobReadExpected => Blob?.HasSas == true;

        public ImportRequest Request { get; }
        public VhdFile Vhd { get; }
        public ArmId DiskId { get; }
        public bool GroupExists { get; }
        public DiskState? ExistingDisk { get; }

        /// <summary>The VHD is one Azure takes: readable, a fixed VHD with a valid footer.</summary>
        public bool VhdUsable => Vhd.Exists && Vhd.HasFooter && Vhd.DiskType == VhdFile.FixedDisk;

        public string TargetOsType => Stated(Request.OsType) ?? Vhd.InferredOsType;

        public string TargetGeneration => Stated(Request.HyperVGeneration) is string g ? Capture.CaptureFacts.Normalize(g) : Vhd.InferredGeneration;

        public string TargetOsState => Stated(Request.OsState) ?? "";

        /// <summary>The tag that ties the disk to this VHD: its file name and size, or the blob's URL (a tag value holds 256 characters).</summary>
        public string SourceTagValue => Blob != null
            ? (Blob.Url.Length > 256 ? Blob.Url.Substring(Blob.Url.Length - 256) : Blob.Url)
            : $"{System.IO.Path.GetFileName(Vhd.Path)} {Vhd.Length}";

        /// <summary>
        /// A remedy for a VHD file, made fit for a blob: the blob is copied here first, fixed with the same
        /// command, and imported from the file (Import-Vhd -Path uploads it straight into a disk).
        /// </summary>
        public string Remedy(string fileRemedy)
        {
            if (Blob == null)
                return fileRemedy;
            var local = Blob.FileName;
            return $"Copy the blob here first (azcopy copy '{Blob.Url}?<SAS>' '{local}'), then: {fileRemedy.Replace(Vhd.Path, local)} " +
                $"Import the fixed file with Import-Vhd -Path, or upload it back as a page blob and import that.";
        }

        /// <summary>
        /// The disk holds this VHD: its tags name it and say the upload or import finished, and it reads Succeeded
        /// (a blob import is tagged when the disk is asked for, before ARM has copied the blob).
        /// </summary>
        public bool HoldsThisVhd(DiskState disk) => ImportTags.IsFrom(disk, SourceTagValue) && ImportTags.IsComplete(disk) &&
            string.Equals(disk.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase);

        /// <summary>An upload of this VHD that was interrupted before its access ended: the rerun continues it.</summary>
        public bool ResumesUpload => ExistingDisk != null && IsUploading(ExistingDisk) && ExistingDisk.UploadSizeBytes == Vhd.Length &&
            ImportTags.IsFrom(ExistingDisk, SourceTagValue);

        public static bool IsUploading(DiskState disk) =>
            disk.AttachState.Equals("ReadyToUpload", StringComparison.OrdinalIgnoreCase) || disk.AttachState.Equals("ActiveUpload", StringComparison.OrdinalIgnoreCase);

        /// <summary>The size rounded up to the next whole MiB.</summary>
        public static long RoundUpToMiB(long bytes) => (bytes + MiB - 1) / MiB * MiB;

        private static string? Stated(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
