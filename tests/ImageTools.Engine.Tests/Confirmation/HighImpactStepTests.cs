using ImageTools.Engine.Gateway;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Confirmation;

/// <summary>
/// Deleting the source VM (-DeleteSourceVm) is the plan's one high-impact step: the engine asks
/// it through IOperationHost.ConfirmHighImpact, once, after the preflight, so a doomed capture
/// never asks and a declined delete writes nothing at all.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class HighImpactStepTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task The_delete_of_the_source_vm_is_the_only_step_asked_as_high_impact()
    {
        var group = EmulatorFixture.NewGroup("hi-delete");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");
        var host = new RecordingHost();

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm, r => r.DeleteSourceVm = true), host);

        Assert.True(image!.SourceDeleted);
        var asked = Assert.Single(host.HighImpactCalls);
        Assert.Equal(vm, asked.Target, ignoreCase: true);
        Assert.StartsWith("Delete the source VM", asked.Action);
        // The image creation is asked as an ordinary step, and the delete is asked once.
        Assert.Contains(host.ShouldProcessCalls, c => c.Action.StartsWith("Create managed image"));
        Assert.Single(host.ShouldProcessCalls, c => c.Action.StartsWith("Delete the source VM"));
    }

    [Fact]
    public async Task Without_DeleteSourceVm_nothing_is_asked_as_high_impact()
    {
        var group = EmulatorFixture.NewGroup("hi-keep");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");
        var host = new RecordingHost();

        await emulator.Engine.CaptureAsync(Refusals.Capture(vm), host);

        Assert.Empty(host.HighImpactCalls);
        Assert.NotEmpty(host.ShouldProcessCalls);
    }

    [Fact]
    public async Task A_declined_delete_writes_nothing_not_even_the_image()
    {
        var group = EmulatorFixture.NewGroup("hi-declined");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost { ConfirmIrreversible = false };

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm, r => r.DeleteSourceVm = true), host);

        Assert.Null(image);
        Assert.Single(host.HighImpactCalls);
        await emulator.AssertNoWritesAsync(group, mark);
        Assert.NotNull(await emulator.Gateway.GetVmAsync(ArmId.Parse(vm), default));
    }

    [Fact]
    public async Task A_refused_capture_never_asks_about_the_delete()
    {
        var group = EmulatorFixture.NewGroup("hi-refused");
        var vm = (await emulator.SeedVmAsync(group, "base", state: "running")).Id;
        var host = new RecordingHost();

        var refusal = await emulator.CaptureRefusedAsync(group, Refusals.Capture(vm, r => r.DeleteSourceVm = true), host);

        refusal.Refusal("VmNotGeneralized");
        Assert.Empty(host.HighImpactCalls);
        Assert.Empty(host.ShouldProcessCalls);
    }

    [Fact]
    public async Task Under_WhatIf_the_delete_is_listed_and_nothing_is_written()
    {
        var group = EmulatorFixture.NewGroup("hi-whatif");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost { IsWhatIf = true };

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm, r => r.DeleteSourceVm = true), host);

        Assert.Null(image);
        Assert.Single(host.HighImpactCalls);
        await emulator.AssertNoWritesAsync(group, mark);
    }
}
