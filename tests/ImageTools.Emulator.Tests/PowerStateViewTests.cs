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

    [Fact]
    public async Task While_a_power_action_runs_other_actions_and_updates_are_409_until_it_ends()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-overlap-"));
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = "ov1", Location = "eastus" });
        var vm = _f.Client.GetVirtualMachineResource(new ResourceIdentifier(seeded.Id));
        await _f.Server.Control.SetTimingAsync(new TimingSettings { PerKind = { ["deallocate"] = 1.5 } });
        try
        {
            var deallocate = await vm.DeallocateAsync(WaitUntil.Started);
            foreach (var (name, attempt) in new (string, Func<Task>)[]
            {
                ("start", () => vm.PowerOnAsync(WaitUntil.Completed)),
                ("powerOff", () => vm.PowerOffAsync(WaitUntil.Completed)),
                ("generalize", () => vm.GeneralizeAsync()),
                ("Update VM", () => vm.UpdateAsync(WaitUntil.Completed, new VirtualMachinePatch { Tags = { ["k"] = "v" } })),
            })
            {
                var ex = await Scenario.Fails(attempt);
                Assert.Equal(409, ex.Status);
                Assert.Equal("OperationNotAllowed", ex.ErrorCode);
                Assert.Contains($"Operation '{name}' is not allowed on VM 'ov1' since another operation is in progress.", ex.Message);
            }
            // The same action again is accepted and replaces the running one.
            var again = await vm.DeallocateAsync(WaitUntil.Started);
            var preempted = await Scenario.Fails(() => deallocate.WaitForCompletionResponseAsync().AsTask());
            Assert.Equal("OperationPreempted", preempted.ErrorCode);
            await again.WaitForCompletionResponseAsync();
        }
        finally { await _f.Server.Control.SetTimingAsync(new TimingSettings()); }
        await vm.GeneralizeAsync();
        Assert.Contains((await vm.InstanceViewAsync()).Value.Statuses, s => s.Code == "OSState/generalized");
    }
}
