using System;
using System.Collections.Generic;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>What New-CapturedImage's rules read: the request, the source (one GET), and the image of that name if any.</summary>
    internal sealed class CaptureFacts
    {
        public CaptureFacts(CaptureRequest request, ArmId sourceId, CaptureSourceKind kind, VmState? vm, DiskState? disk,
            SnapshotState? snapshot, ArmId imageId, ImageState? existingImage, IReadOnlyList<DataDiskSource> dataDisks, bool imageGroupExists = true)
        {
            ImageGroupExists = imageGroupExists;
            DataDisks = dataDisks;
            Request = request;
            SourceId = sourceId;
            Kind = kind;
            Vm = vm;
            Disk = disk;
            Snapshot = snapshot;
            ImageId = imageId;
            ExistingImage = existingImage;
        }

        public CaptureRequest Request { get; }
        public ArmId SourceId { get; }
        public CaptureSourceKind Kind { get; }
        public VmState? Vm { get; }
        public DiskState? Disk { get; }
        public SnapshotState? Snapshot { get; }
        public ArmId ImageId { get; }
        public ImageState? ExistingImage { get; }

        /// <summary>-DataDiskSourceIds as read: each disk or snapshot, and whether it exists.</summary>
        public IReadOnlyList<DataDiskSource> DataDisks { get; }

        /// <summary>False when -ResourceGroupName names a group that does not exist.</summary>
        public bool ImageGroupExists { get; }

        public bool SourceExists => Vm != null || Disk != null || Snapshot != null;

        /// <summary>The source's own id as Azure spells it (or as requested when it does not exist).</summary>
        public ArmId SourceResourceId => Vm?.Id ?? Disk?.Id ?? Snapshot?.Id ?? SourceId;

        public string SourceLocation => Vm?.Location ?? Disk?.Location ?? Snapshot?.Location ?? "";

        /// <summary>The source's Hyper-V generation; empty when the source does not say.</summary>
        public string SourceHyperVGeneration => Vm?.HyperVGeneration ?? Disk?.HyperVGeneration ?? Snapshot?.HyperVGeneration ?? "";

        public string SourceSecurityType => Vm?.SecurityType ?? Disk?.SecurityType ?? Snapshot?.SecurityType ?? "Standard";

        /// <summary>The source's OS type; empty when a disk or snapshot does not say.</summary>
        public string SourceOsType => Vm?.OsType ?? Disk?.OsType ?? Snapshot?.OsType ?? "";

        /// <summary>The generation the image gets: the requested one, else the source's.</summary>
        public string TargetHyperVGeneration =>
            !string.IsNullOrWhiteSpace(Request.HyperVGeneration) ? Normalize(Request.HyperVGeneration!) : SourceHyperVGeneration;

        public string TargetOsType => !string.IsNullOrWhiteSpace(Request.OsType) ? Request.OsType!.Trim() : SourceOsType;

        /// <summary>
        /// The OS state the image gets: Generalized for a VM (it must be generalized); for a disk
        /// or snapshot -OsState, else the state inferred from the source; empty when neither says
        /// (OsStateRequired refuses then, rather than guess).
        /// </summary>
        public string TargetOsState => Kind == CaptureSourceKind.VirtualMachine ? "Generalized"
            : !string.IsNullOrWhiteSpace(Request.OsState) ? Request.OsState!.Trim() : SourceOsState;

        /// <summary>
        /// The disk or snapshot's OS state as far as it can be known: Specialized for the
        /// pre-generalize snapshots the engine takes (tagged imagetools-snapshot-of); a disk made by
        /// Import-Vhd as declared there (tagged imagetools-os-state); empty otherwise (ARM records no
        /// OS state on disks and snapshots).
        /// </summary>
        public string SourceOsState => Snapshot != null && Generalize.PlannedSnapshot.IsPreGeneralize(Snapshot.Tags) ? "Specialized"
            : Disk != null ? Import.DeclaredOsState.Read(Disk.Tags) : "";

        /// <summary>Why the source's OS state is known, for messages: a pre-generalize snapshot, or a disk whose state was declared at import.</summary>
        public string SourceOsStateReason => Disk != null
            ? $"it was imported from a VHD declared {SourceOsState} (tag {Import.DeclaredOsState.Tag})"
            : "it is a pre-generalize snapshot (taken before the guest was generalized)";

        public string TargetLocation => !string.IsNullOrWhiteSpace(Request.Location) ? Request.Location!.Trim() : SourceLocation;

        /// <summary>"Gen2", "2" and "v2" all mean V2.</summary>
        public static string Normalize(string generation)
        {
            var g = generation.Trim();
            if (g.EndsWith("1", StringComparison.Ordinal)) return "V1";
            if (g.EndsWith("2", StringComparison.Ordinal)) return "V2";
            return g;
        }
    }
}
