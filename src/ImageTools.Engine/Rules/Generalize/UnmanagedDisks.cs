using System.Linq;

namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>A VM with unmanaged (VHD blob) disks cannot be captured as a managed image or gallery version.</summary>
    internal sealed class UnmanagedDisks : Rule<GeneralizeFacts>
    {
        public override string Reads => "storageProfile.osDisk.vhd and dataDisks[].vhd";

        public override Finding? Evaluate(GeneralizeFacts facts)
        {
            var vm = facts.Vm;
            if (vm.IsGeneralized || !vm.HasUnmanagedDisks)
                return null;
            var blobs = new[] { vm.OsDisk }.Concat(vm.DataDisks).Where(d => !d.IsManaged).Select(d => d.VhdUri.Length > 0 ? d.VhdUri : d.Name);
            return Refuse(
                $"VM '{vm.Name}' uses unmanaged disks ({string.Join(", ", blobs)}); capture needs managed disks.",
                $"Convert the VM to managed disks first (ConvertTo-AzVMManagedDisk -ResourceGroupName {vm.ResourceGroupName} -VMName {vm.Name}), then rerun.",
                vm.Id);
        }
    }
}
