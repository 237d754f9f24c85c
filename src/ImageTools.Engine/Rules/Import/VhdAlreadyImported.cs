using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>A disk of that name holding this VHD (same file name and size), whose upload or import finished and which reads Succeeded, is returned as it is: a rerun converges.</summary>
    internal sealed class VhdAlreadyImported : Rule<ImportFacts>
    {
        public override string Reads => "the disk of that name: its imagetools-vhd and imagetools-vhd-uploaded tags";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var disk = facts.ExistingDisk;
            // A blob import is tagged when the disk is asked for, before ARM copies the blob: only a disk that
            // reads Succeeded holds it (a Failed one is left to ImportDiskExists, which names it to delete).
            if (disk == null || !facts.HoldsThisVhd(disk))
                return null;
            return Done($"Disk '{disk.Name}' already holds VHD '{facts.Vhd.Path}' (uploaded {disk.Tags[ImportTags.Uploaded]}); nothing to do.", disk.Id);
        }
    }
}
