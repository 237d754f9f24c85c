using ImageTools.Emulator.Arm;
using ImageTools.Emulator.Compute;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Disk;

/// <summary>
/// The simulated guest state an OS disk holds: what a VM booted from it finds. A disk attached to a VM as
/// its OS disk holds it live in the VM's runtime; a detached disk, a snapshot and a disk copied from either
/// keep the state of their source at the moment they were taken, so a restored disk boots "as it was".
/// </summary>
internal sealed record GuestImage(string ImageState, bool Deprovisioned)
{
    public static readonly GuestImage Fresh = new("IMAGE_STATE_COMPLETE", false);

    public static GuestImage From(VmRuntime rt) => new(rt.ImageState, rt.Deprovisioned);

    /// <summary>The guest state of a disk or snapshot: the live one of the VM it is the OS disk of, else the stored one.</summary>
    public static GuestImage Of(EmulatorState state, ArmResource diskOrSnapshot)
    {
        if (diskOrSnapshot.Body.Str("managedBy") is string vmId && state.Find(vmId) is { Vm: { } rt } vm
            && vm.Properties.Str("storageProfile", "osDisk", "managedDisk", "id") is string os
            && ResourceId.Key(os) == ResourceId.Key(diskOrSnapshot.Id))
            return From(rt);
        return diskOrSnapshot.Guest ?? Fresh;
    }

    /// <summary>Boots a VM's guest from this state: the Sysprep/waagent traces of the previous disk are gone.</summary>
    public void ApplyTo(VmRuntime rt)
    {
        rt.ImageState = ImageState;
        rt.Deprovisioned = Deprovisioned;
        rt.SysprepRunning = false;
        rt.RunCommandRunning = false;
        rt.GuestRestarting = false;
    }
}
