using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Operations;

[Collection(EmulatorCollection.Name)]
public class WhatIfTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task WhatIf_generalize_shows_every_planned_step_in_order_and_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("whatif-gen");
        await emulator.SeedVmAsync(group, "base01", configure: r => r.DataDisks = 1);
        var host = new RecordingHost { IsWhatIf = true };
        var mark = await emulator.MarkAsync();

        var result = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), host);

        Assert.Null(result);
        Assert.Empty(host.Objects);
        var actions = host.ShouldProcessCalls.Select(c => c.Action).ToList();
        Assert.Collection(actions,
            a => Assert.Equal("Probe domain membership (read-only run command)", a),
            a => Assert.StartsWith("Snapshot disk", a),
            a => Assert.StartsWith("Snapshot disk", a),
            a => Assert.Equal("Run Sysprep /generalize /oobe /mode:vm /quiet /quit in the guest (irreversible)", a),
            a => Assert.Equal("Power off the VM from the platform and deallocate it", a),
            a => Assert.StartsWith("Mark the VM generalized", a));
        Assert.Contains(host.Verbose, v => v.StartsWith("DomainJoined and DomainController cannot be known without the probe"));
        await emulator.AssertNoWritesAsync(group, mark);
        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.Empty(guest.Scripts!);
    }

    [Fact]
    public async Task WhatIf_reports_every_refusal_as_an_error_without_throwing_or_writing()
    {
        var group = EmulatorFixture.NewGroup("whatif-refuse");
        await emulator.SeedVmAsync(group, "old01", state: "stopped", configure: r => r.UnmanagedDisk = true);
        var host = new RecordingHost { IsWhatIf = true };
        var mark = await emulator.MarkAsync();

        var result = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "old01"), host);

        Assert.Null(result);
        Assert.Equal(["UnmanagedDisks", "VmNotRunning"], host.Errors.Select(e => e.RuleId).ToArray());
        Assert.NotEmpty(host.ShouldProcessCalls);
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task WhatIf_capture_shows_replace_create_and_delete_source_with_warnings_and_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("whatif-cap");
        var first = await emulator.GeneralizedVmAsync(group, "gold1");
        var second = await emulator.GeneralizedVmAsync(group, "gold2");
        await emulator.Engine.CaptureAsync(Refusals.Capture(first, r => r.ImageName = "web"), new RecordingHost());
        var host = new RecordingHost { IsWhatIf = true };
        var mark = await emulator.MarkAsync();

        var result = await emulator.Engine.CaptureAsync(
            Refusals.Capture(second, r => { r.ImageName = "web"; r.Replace = true; r.DeleteSourceVm = true; }), host);

        Assert.Null(result);
        Assert.Equal(3, host.ShouldProcessCalls.Count);
        Assert.Contains(host.ShouldProcessCalls, c => c.Action == "Delete the existing image (-Replace)");
        Assert.Contains(host.ShouldProcessCalls, c => c.Action.StartsWith("Create managed image (V2, Windows)"));
        Assert.Contains(host.ShouldProcessCalls, c => c.Action.StartsWith("Delete the source VM"));
        // The replace warning, and that the seeded VM carries no evidence of a verified guest step.
        Assert.Equal(2, host.Warnings.Count);
        Assert.Single(host.Warnings, w => w.Contains("is marked generalized, but nothing shows its guest was"));
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task Declining_the_confirmation_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("declined");
        await emulator.SeedVmAsync(group, "base01");
        var host = new RecordingHost { Confirm = false };
        var mark = await emulator.MarkAsync();

        var result = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), host);

        Assert.Null(result);
        Assert.NotEmpty(host.ShouldProcessCalls);
        await emulator.AssertNoWritesAsync(group, mark);
    }
}
