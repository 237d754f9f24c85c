using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Gateway;

/// <summary>What ARM answers when a client skips the preflight, as the gateway reports it: code and message kept.</summary>
[Collection(EmulatorCollection.Name)]
public class ArmErrorMappingTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Generalize_while_running_keeps_arms_operation_not_allowed_text()
    {
        var group = EmulatorFixture.NewGroup("arm-running");
        var vm = await emulator.SeedVmAsync(group, "myVM");

        var e = await Assert.ThrowsAsync<AzureRequestException>(() => emulator.Gateway.GeneralizeVmAsync(ArmId.Parse(vm.Id), default));

        Assert.Equal(409, e.Status);
        Assert.Equal("OperationNotAllowed", e.RuleId);
        Assert.StartsWith("Operation 'generalize' is not allowed on VM 'myVM' since the VM is running.", e.ArmMessage);
        Assert.Equal(FailureCategory.InvalidOperation, e.Category);
        Assert.Equal(vm.Id, e.TargetId);
    }

    [Fact]
    public async Task Starting_a_generalized_vm_keeps_arms_text()
    {
        var group = EmulatorFixture.NewGroup("arm-start");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");

        var e = await Assert.ThrowsAsync<AzureRequestException>(() => emulator.Gateway.StartVmAsync(ArmId.Parse(vm), default));

        Assert.Equal("OperationNotAllowed", e.ArmCode);
        Assert.Contains("since the VM is generalized", e.ArmMessage);
    }

    [Fact]
    public async Task A_missing_resource_reads_as_null_and_a_missing_write_target_as_object_not_found()
    {
        var group = EmulatorFixture.NewGroup("arm-404");
        await emulator.SeedVmAsync(group, "present");
        var absent = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/virtualMachines/absent";

        Assert.Null(await emulator.Gateway.GetVmAsync(ArmId.Parse(absent), default));
        var e = await Assert.ThrowsAsync<AzureRequestException>(() => emulator.Gateway.DeallocateVmAsync(ArmId.Parse(absent), default));

        Assert.Equal(404, e.Status);
        Assert.Equal(FailureCategory.ObjectNotFound, e.Category);
        Assert.Equal("ResourceNotFound", e.ArmCode);
        Assert.Contains("absent", e.ArmMessage);
    }

    [Fact]
    public async Task After_the_first_poll_long_running_operations_wait_for_retry_after_even_with_a_zero_delay_strategy()
    {
        var group = EmulatorFixture.NewGroup("arm-poll");
        var vm = await emulator.SeedVmAsync(group, "base01", state: "stopped");
        var timing = await emulator.Control.GetTimingAsync();
        var slow = timing.Clone();
        slow.PerKind["deallocate"] = 1.5;
        await emulator.Control.SetTimingAsync(slow);
        var mark = await emulator.MarkAsync();
        try
        {
            await emulator.Gateway.DeallocateVmAsync(ArmId.Parse(vm.Id), default);
        }
        finally
        {
            await emulator.Control.SetTimingAsync(timing);
        }
        // Operation URLs carry no resource group; the emulator collection runs one test at a time.
        var polls = (await emulator.Control.GetRequestsAsync()).Where(r => r.Sequence > mark && r.Poll).ToList();
        // Azure.Core polls once at once (DESIGN.md §5), then waits at least Retry-After before each next poll.
        Assert.True(polls.Count >= 2, $"{polls.Count} polls");
        Assert.DoesNotContain(polls.Skip(1), p => p.EarlyPoll == true);
        Assert.Equal(VmPowerState.Deallocated, (await emulator.Gateway.GetVmAsync(ArmId.Parse(vm.Id), default))!.PowerState);
    }
}
