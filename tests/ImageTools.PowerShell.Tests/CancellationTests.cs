using System.Management.Automation;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Ctrl+C: stopping the pipeline while a cmdlet waits on a slow operation reaches the
/// cmdlet's StopProcessing, which cancels the engine; the pipeline ends Stopped and the
/// runspace goes on with the next command.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class CancellationTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Stopping_the_pipeline_while_New_VmFromImage_waits_ends_it_Stopped_and_the_session_goes_on()
    {
        var group = EmulatorFixture.NewGroup("stop");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var other = await emulator.SeedVmAsync(group, "gen02", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        var imageId = RunResult.Prop(ps.Run("New-CapturedImage -ResourceId $vmId", Kit.Vars(("vmId", vm.Id))).AssertClean().Output.Single(), "Id");
        var before = await emulator.Control.GetTimingAsync();
        var slow = before.Clone();
        slow.PerKind["vmCreate"] = 600;
        await emulator.Control.SetTimingAsync(slow);
        try
        {
            var mark = await emulator.MarkAsync();
            using var running = ps.Start($"New-VmFromImage -ResourceId $imageId -ResourceGroupName {group} -Name slow -Credential $cred -Verbose",
                Kit.Vars(("imageId", imageId), ("cred", Kit.Credential())));
            await Kit.WaitUntilAsync(async () => (await emulator.WritesAsync(mark))
                .Any(w => w.Method == "PUT" && w.Path.EndsWith("/virtualMachines/slow", StringComparison.OrdinalIgnoreCase)), "the VM PUT");
            Assert.Equal(PSInvocationState.Running, running.State);

            var stopped = running.Stop(TimeSpan.FromMinutes(2));

            Assert.Equal(PSInvocationState.Stopped, stopped.State);
            Assert.IsType<PipelineStoppedException>(stopped.Terminating);
            Assert.Empty(stopped.OutputOf("VmInfo"));
            Assert.Contains(stopped.Verbose, l => l.StartsWith("VM 'slow': creating the VM", StringComparison.Ordinal));
        }
        finally
        {
            await emulator.Control.SetTimingAsync(before);
        }

        var next = ps.Run("New-CapturedImage -ResourceId $otherId", Kit.Vars(("otherId", other.Id))).AssertClean();
        Assert.Single(next.OutputOf("ImageInfo"));
    }
}
