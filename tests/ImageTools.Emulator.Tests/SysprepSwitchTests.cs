using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>
/// What the simulated guest does once Sysprep has sealed the image, by its documented switches:
/// /quit keeps it running, /shutdown powers it off, /reboot restarts it into OOBE (the seal is gone);
/// no switch is treated like /quit. sysprepOutcome stopsEarly stops the guest before it is sealed.
/// </summary>
public sealed class SysprepSwitchTests : IClassFixture<EmulatorFixture>
{
    private const string Sysprep = @"Start-Process -FilePath ""$env:SystemRoot\System32\Sysprep\Sysprep.exe"" -ArgumentList '/generalize /oobe /mode:vm /quiet";
    private const string ReadState = @"(Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Setup\State').ImageState";
    private const string Sealed = "IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE";
    private readonly EmulatorFixture _f;
    public SysprepSwitchTests(EmulatorFixture f) { _f = f; }

    private static string SysprepWith(string switches) => Sysprep + (switches.Length > 0 ? " " + switches : "") + "'";

    private async Task<(string Group, VirtualMachineResource Vm)> Vm(string outcome = "ok")
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-sysswitch-"));
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = "sw1", OsType = "Windows", Guest = new GuestTraits { SysprepOutcome = outcome } });
        return (rg.Data.Name, _f.Client.GetVirtualMachineResource(new ResourceIdentifier(seeded.Id)));
    }

    private static async Task<(string StdOut, string StdErr)> Run(VirtualMachineResource vm, string script)
    {
        var input = new RunCommandInput("RunPowerShellScript");
        input.Script.Add(script);
        var result = (await vm.RunCommandAsync(WaitUntil.Completed, input)).Value.Value;
        return (result[0].Message, result[1].Message);
    }

    private static async Task<(string Power, string Agent)> View(VirtualMachineResource vm)
    {
        var view = (await vm.InstanceViewAsync()).Value;
        return (view.Statuses.Single(s => s.Code.StartsWith("PowerState/")).Code, view.VmAgent.Statuses[0].DisplayStatus);
    }

    private async Task WithTiming(double sysprep, double restart, Func<Task> body)
    {
        await _f.Server.Control.SetTimingAsync(new TimingSettings { PerKind = { ["sysprep"] = sysprep, ["restart"] = restart } });
        try { await body(); }
        finally { await _f.Server.Control.SetTimingAsync(new TimingSettings()); }
    }

    [Theory]
    [InlineData("/quit")]
    [InlineData("")]
    public async Task Quit_and_no_switch_keep_the_sealed_guest_running_so_the_seal_can_be_read(string switches)
    {
        var (group, vm) = await Vm();
        var started = await Run(vm, SysprepWith(switches));
        Assert.StartsWith("Sysprep started: Start-Process", started.StdOut);
        Assert.Equal("", started.StdErr);

        Assert.Equal(Sealed, (await Run(vm, ReadState)).StdOut);
        Assert.Equal(("PowerState/running", "Ready"), await View(vm));
        var guest = await _f.Server.Control.GetGuestAsync(group, "sw1");
        Assert.Equal(Sealed, guest.ImageState);
        Assert.Equal("running", guest.PowerState);
    }

    [Fact]
    public async Task Shutdown_powers_the_guest_off_once_sealed() => await WithTiming(1, 0, async () =>
    {
        var (group, vm) = await Vm();
        await Run(vm, SysprepWith("/shutdown"));
        Assert.Equal("IMAGE_STATE_UNDEPLOYABLE", (await Run(vm, ReadState)).StdOut);
        Assert.Equal(("PowerState/running", "Ready"), await View(vm));

        await Task.Delay(TimeSpan.FromSeconds(1.3));

        Assert.Equal(("PowerState/stopped", "Not Ready"), await View(vm));
        Assert.Equal(Sealed, (await _f.Server.Control.GetGuestAsync(group, "sw1")).ImageState);
        var ex = await Scenario.Fails(() => Run(vm, ReadState));
        Assert.Equal(409, ex.Status);
        Assert.Contains("The operation requires the VM to be running", ex.Message);
    });

    [Fact]
    public async Task Reboot_restarts_the_sealed_guest_into_oobe_and_the_seal_is_gone() => await WithTiming(0.5, 1.5, async () =>
    {
        var (group, vm) = await Vm();
        await Run(vm, SysprepWith("/reboot"));
        await Task.Delay(TimeSpan.FromSeconds(0.7));

        // Sealed, and restarting: the VM still runs on the platform, its agent does not answer.
        var guest = await _f.Server.Control.GetGuestAsync(group, "sw1");
        Assert.Equal(Sealed, guest.ImageState);
        Assert.Equal("running", guest.PowerState);
        Assert.Equal(("PowerState/running", "Not Ready"), await View(vm));
        var silent = await Scenario.Fails(() => Run(vm, ReadState));
        Assert.Contains("VMAgentStatusCommunicationError", silent.Message);

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        // Up again: specialize ran, the guest waits in OOBE, ImageState moved on from the seal.
        Assert.Equal(("PowerState/running", "Ready"), await View(vm));
        Assert.Equal("IMAGE_STATE_SPECIALIZE_RESEAL_TO_OOBE", (await Run(vm, ReadState)).StdOut);
        Assert.False((await _f.Server.Control.GetGuestAsync(group, "sw1")).Generalized);
    });

    [Fact]
    public async Task A_guest_that_stops_early_goes_down_before_sysprep_seals_it() => await WithTiming(1, 0, async () =>
    {
        var (group, vm) = await Vm("stopsEarly");
        await Run(vm, SysprepWith("/quit"));
        Assert.Equal("IMAGE_STATE_UNDEPLOYABLE", (await Run(vm, ReadState)).StdOut);
        Assert.Equal("True", (await Run(vm, "[bool](Get-Process -Name sysprep -ErrorAction SilentlyContinue)")).StdOut);

        await Task.Delay(TimeSpan.FromSeconds(1.3));

        Assert.Equal(("PowerState/stopped", "Not Ready"), await View(vm));
        var guest = await _f.Server.Control.GetGuestAsync(group, "sw1");
        Assert.Equal("IMAGE_STATE_UNDEPLOYABLE", guest.ImageState);
        Assert.Equal("stopsEarly", guest.SysprepOutcome);
        Assert.Equal(409, (await Scenario.Fails(() => Run(vm, ReadState))).Status);
    });

    [Fact]
    public async Task Starting_a_sealed_guest_from_the_platform_boots_it_into_oobe()
    {
        var (group, vm) = await Vm();
        await Run(vm, SysprepWith("/quit"));
        Assert.Equal(Sealed, (await Run(vm, ReadState)).StdOut);
        await vm.PowerOffAsync(WaitUntil.Completed);
        Assert.Equal(Sealed, (await _f.Server.Control.GetGuestAsync(group, "sw1")).ImageState);

        await vm.PowerOnAsync(WaitUntil.Completed);

        Assert.Equal("IMAGE_STATE_SPECIALIZE_RESEAL_TO_OOBE", (await Run(vm, ReadState)).StdOut);
    }

    [Fact]
    public async Task More_than_one_shutdown_option_is_refused_and_nothing_starts()
    {
        var (group, vm) = await Vm();
        var result = await Run(vm, SysprepWith("/quit /shutdown"));
        Assert.Equal("Sysprep failed: /quit, /reboot and /shutdown cannot be combined; give at most one of them.", result.StdErr);
        var guest = await _f.Server.Control.GetGuestAsync(group, "sw1");
        Assert.Equal("IMAGE_STATE_COMPLETE", guest.ImageState);
        Assert.Equal("running", guest.PowerState);
    }

    [Theory]
    [InlineData("stopsEarly", "stopsEarly")]
    [InlineData("STOPSEARLY", "stopsEarly")]
    [InlineData("Hang", "hang")]
    public async Task The_control_api_takes_every_sysprep_outcome(string given, string stored)
    {
        var (group, _) = await Vm();
        var traits = await _f.Server.Control.SetGuestAsync(group, "sw1", new GuestTraits { SysprepOutcome = given });
        Assert.Equal(stored, traits.SysprepOutcome);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => _f.Server.Control.SetGuestAsync(group, "sw1", new GuestTraits { SysprepOutcome = "sometimes" }));
        Assert.Contains("failed with 400", refused.Message);
        Assert.Equal(stored, (await _f.Server.Control.GetGuestAsync(group, "sw1")).SysprepOutcome);
    }
}
