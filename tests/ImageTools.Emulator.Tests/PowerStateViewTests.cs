using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>The instance view through every power state, transitions included (ARM-REFERENCE §2, instance view statuses).</summary>
public sealed class PowerStateViewTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public PowerStateViewTests(EmulatorFixture f) { _f = f; }

    private static async Task<(string Code, string Display, string Level)> Power(VirtualMachineResource vm)
    {
        var status = (await vm.InstanceViewAsync()).Value.Statuses.Single(s => s.Code.StartsWith("PowerState/"));
        return (status.Code, status.DisplayStatus, status.Level.ToString());
    }

    private static async Task Transition(VirtualMachineResource vm, Func<Task<ArmOperation>> action, string during, string after)
    {
        var operation = await action();
        Assert.Equal(($"PowerState/{during}", $"VM {during}", "Info"), await Power(vm));
        Assert.False(operation.HasCompleted);
        await operation.WaitForCompletionResponseAsync();
        Assert.Equal(($"PowerState/{after}", $"VM {after}", "Info"), await Power(vm));
        Assert.Equal("ProvisioningState/succeeded", (await vm.InstanceViewAsync()).Value.Statuses[0].Code);
    }

    [Fact]
    public async Task Each_action_shows_its_transition_then_its_final_state()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-power-"));
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = "pv1", Location = "eastus" });
        var vm = _f.Client.GetVirtualMachineResource(new ResourceIdentifier(seeded.Id));
        Assert.Equal(("PowerState/running", "VM running", "Info"), await Power(vm));
        await _f.Server.Control.SetTimingAsync(new TimingSettings { OperationSeconds = 1 });
        try
        {
            await Transition(vm, () => vm.PowerOffAsync(WaitUntil.Started).ContinueWith(t => (ArmOperation)t.Result), "stopping", "stopped");
            await Transition(vm, () => vm.PowerOnAsync(WaitUntil.Started).ContinueWith(t => (ArmOperation)t.Result), "starting", "running");
            await Transition(vm, () => vm.DeallocateAsync(WaitUntil.Started).ContinueWith(t => (ArmOperation)t.Result), "deallocating", "deallocated");
            await Transition(vm, () => vm.PowerOnAsync(WaitUntil.Started).ContinueWith(t => (ArmOperation)t.Result), "starting", "running");
            await Transition(vm, () => vm.RestartAsync(WaitUntil.Started).ContinueWith(t => (ArmOperation)t.Result), "starting", "running");
        }
        finally { await _f.Server.Control.SetTimingAsync(new TimingSettings()); }
        // The guest agent answers only while the guest runs.
        Assert.Equal("Ready", (await vm.InstanceViewAsync()).Value.VmAgent.Statuses[0].DisplayStatus);
        await vm.DeallocateAsync(WaitUntil.Completed);
        Assert.Equal("Not Ready", (await vm.InstanceViewAsync()).Value.VmAgent.Statuses[0].DisplayStatus);
    }
}
