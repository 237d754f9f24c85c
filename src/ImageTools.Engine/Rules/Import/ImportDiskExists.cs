using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>A disk of that name that is not this VHD (or whose upload of it ended unfinished) is never overwritten.</summary>
    internal sealed class ImportDiskExists : Rule<ImportFacts>
    {
        public override string Reads => "the disk of that name: its state, its imagetools-vhd tag and upload size";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var disk = facts.ExistingDisk;
            if (disk == null || facts.ResumesUpload || facts.HoldsThisVhd(disk))
                return null;
            var remove = $"Remove-AzDisk -ResourceGroupName {facts.DiskId.ResourceGroupName} -DiskName {disk.Name}";
            if (ImportTags.IsFrom(disk, facts.SourceTagValue) && ImportTags.IsComplete(disk))
                return Refuse($"Disk '{disk.Name}' was made from VHD '{facts.Vhd.Path}' but reads {disk.ProvisioningState}, not Succeeded: Azure did not finish it.",
                    $"Delete it ({remove}) and rerun the same command.", disk.Id, FailureCategory.ResourceExists);
            if (ImportTags.IsFrom(disk, facts.SourceTagValue) && !ImportFacts.IsUploading(disk))
                return Refuse($"Disk '{disk.Name}' holds an unfinished upload of VHD '{facts.Vhd.Path}': its write access was ended (disk state {disk.AttachState}), and Azure does not reopen a disk to uploads.",
                    $"Delete it ({remove}) and rerun the same command.", disk.Id, FailureCategory.ResourceExists);
            return Refuse($"Disk '{disk.Name}' already exists in resource group '{facts.DiskId.ResourceGroupName}' ({(disk.UploadSizeBytes > 0 ? $"made for an upload of {disk.UploadSizeBytes} bytes" : $"created with {(disk.CreateOption.Length > 0 ? disk.CreateOption : "another source")}")}, state {disk.AttachState}); it is not this VHD's.",
                $"Pass another -Name, or delete that disk first ({remove}).", disk.Id, FailureCategory.ResourceExists);
        }
    }
}
