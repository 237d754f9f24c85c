using System.Collections.Generic;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Clone
{
    /// <summary>
    /// The clone's VM, disks, NIC and network are found again by name on a rerun; one of those names
    /// held by a resource that is not a clone part of this source (no imagetools-clone-of naming it)
    /// is never reused or overwritten.
    /// </summary>
    internal sealed class CloneNameTaken : Rule<CloneFacts>
    {
        public override string Reads => "GET of the clone VM, its disks '<clone>-os|lunN', NIC '<clone>-nic' and network '<clone>-isolated-vnet': the imagetools-clone-of tag";

        public override Finding? Evaluate(CloneFacts facts)
        {
            var taken = new List<(ArmId Id, IReadOnlyDictionary<string, string> Tags)>();
            if (facts.ExistingClone != null)
                taken.Add((facts.ExistingClone.Id, facts.ExistingClone.Tags));
            foreach (var disk in facts.Disks)
                if (disk.ExistingDisk != null)
                    taken.Add((disk.ExistingDisk.Id, disk.ExistingDisk.Tags));
            if (facts.ExistingNic != null)
                taken.Add((facts.ExistingNic.Id, facts.ExistingNic.Tags));
            if (facts.ExistingNetwork != null)
                taken.Add((facts.ExistingNetwork.Id, facts.ExistingNetwork.Tags));
            foreach (var (id, tags) in taken)
            {
                if (CloneTags.IsCloneOf(tags, facts.Source.Id))
                    continue;
                return Refuse(
                    $"'{id}' already exists and is not part of a clone of VM '{facts.Source.Name}' (its {CloneTags.CloneOf} tag does not name '{facts.Source.Id}').",
                    "Pass another -CloneName, or remove that resource.", id, FailureCategory.ResourceExists);
            }
            return null;
        }
    }
}
