using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// Disks and snapshots as data moves through them: a disk created for upload or imported from a
    /// blob, write access to it (a SAS), its pages, and snapshot copies (full, incremental, and
    /// CopyStart across regions). Reads of a missing resource return null; failures are
    /// <see cref="AzureRequestException"/>s.
    /// </summary>
    internal interface IDiskTransferGateway
    {
        Task<DiskState?> GetDiskAsync(ArmId diskId, CancellationToken ct);

        Task<SnapshotState?> GetSnapshotAsync(ArmId snapshotId, CancellationToken ct);

        /// <summary>Creates a disk: Upload (uploadSizeBytes), Import (a blob) or Copy (a snapshot or disk).</summary>
        Task<DiskState> CreateDiskAsync(DiskCreateSpec spec, CancellationToken ct);

        /// <summary>Creates a snapshot: Copy (full or incremental) or CopyStart (an incremental copy, to another region too).</summary>
        Task<SnapshotState> CreateSnapshotCopyAsync(SnapshotCopySpec spec, CancellationToken ct);

        /// <summary>beginGetAccess Write: the SAS URL of the disk's page blob.</summary>
        Task<string> GrantWriteAccessAsync(ArmId diskId, TimeSpan duration, CancellationToken ct);

        /// <summary>endGetAccess: revokes the SAS; an upload ends.</summary>
        Task RevokeAccessAsync(ArmId diskId, CancellationToken ct);

        /// <summary>Put Page (update) of one range, at most 4 MiB, aligned to 512 bytes.</summary>
        Task WritePagesAsync(string sasUrl, long offset, byte[] buffer, int bufferOffset, int count, CancellationToken ct);

        /// <summary>Replaces the disk's tags (PATCH).</summary>
        Task<DiskState> SetDiskTagsAsync(ArmId diskId, IDictionary<string, string> tags, CancellationToken ct);

        /// <summary>Get Page Ranges: the ranges written so far (start and end inclusive).</summary>
        Task<IReadOnlyList<PageRange>> GetPageRangesAsync(string sasUrl, CancellationToken ct);

        /// <summary>A storage account (its location and blob endpoint); null when it does not exist or cannot be read.</summary>
        Task<StorageAccountState?> GetStorageAccountAsync(ArmId accountId, CancellationToken ct);

        /// <summary>Reads a blob's properties, its first 64 KiB and its last 512 bytes (Get Blob Properties, two ranged Get Blob); never writes.</summary>
        Task<BlobProbe> ProbeBlobAsync(string url, CancellationToken ct);
    }
}
