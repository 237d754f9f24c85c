using ImageTools.Engine.Gateway;
using ImageTools.Emulator.Control;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Operations;

[Collection(EmulatorCollection.Name)]
public class CaptureTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task An_image_from_a_generalized_vm_carries_its_generation_tags_and_zone_resilience()
    {
        var group = EmulatorFixture.NewGroup("cap-vm");
        var vm = await emulator.GeneralizedVmAsync(group, "gold", os: "Linux", generation: "V1");
        var host = new RecordingHost();

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm, r =>
        {
            r.ImageName = "web-2024.1";
            r.ZoneResilient = true;
            r.Tags = new() { ["team"] = "web" };
        }), host);

        Assert.NotNull(image);
        Assert.Equal("web-2024.1", image!.Name);
        Assert.Equal(group, image.ResourceGroupName, ignoreCase: true);
        Assert.Equal("VirtualMachine", image.SourceKind);
        Assert.Equal("V1", image.HyperVGeneration);
        Assert.Equal("Linux", image.OsType);
        Assert.Equal("Generalized", image.OsState);
        Assert.True(image.ZoneResilient);
        Assert.Equal("web", image.Tags["team"]);
        Assert.Same(image, Assert.Single(host.Objects));
    }

    [Fact]
    public async Task Delete_source_vm_deletes_the_vm_only_after_the_image_reads_succeeded()
    {
        var group = EmulatorFixture.NewGroup("cap-delete");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");
        var mark = await emulator.MarkAsync();

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm, r => r.DeleteSourceVm = true), new RecordingHost());

        Assert.True(image!.SourceDeleted);
        var requests = await emulator.RequestsAsync(group, mark);
        var imageRead = requests.FindLastIndex(r => r.Method == "GET" && r.Path.EndsWith("/images/gold-image") && r.Status == 200);
        var delete = requests.FindIndex(r => r.Method == "DELETE" && r.Path.EndsWith("/virtualMachines/gold"));
        Assert.True(imageRead >= 0 && delete > imageRead);
        Assert.Null(await emulator.Gateway.GetVmAsync(ArmId.Parse(vm), default));

        // A rerun finds the image from the deleted VM and returns it.
        var again = await emulator.Engine.CaptureAsync(Refusals.Capture(vm, r => r.DeleteSourceVm = true), new RecordingHost());
        Assert.Equal(image.Id, again!.Id);
    }

    [Fact]
    public async Task A_rerun_after_the_source_delete_failed_deletes_only_the_source_vm_and_what_it_owned()
    {
        var group = EmulatorFixture.NewGroup("cap-delete-rerun");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");
        await emulator.Control.AddFaultAsync(new FaultRule
        {
            Kind = "status", Status = 409, Method = "DELETE", PathPattern = group + "/providers/Microsoft.Compute/virtualMachines/gold$", Count = 1,
            ErrorCode = "Conflict", ErrorMessage = "The VM could not be deleted now.",
        });
        try
        {
            var first = await Assert.ThrowsAnyAsync<ImageToolsException>(() =>
                emulator.Engine.CaptureAsync(Refusals.Capture(vm, r => r.DeleteSourceVm = true), new RecordingHost()));
            Assert.Equal("Conflict", first.RuleId);
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
        Assert.NotNull(await emulator.Gateway.GetVmAsync(ArmId.Parse(vm), default));
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm, r => r.DeleteSourceVm = true), host);

        Assert.True(image!.SourceDeleted);
        Assert.EndsWith("/images/gold-image", image.Id);
        var plan = Assert.Single(host.ShouldProcessCalls);
        Assert.StartsWith("Delete the source VM", plan.Action);
        var requests = await emulator.RequestsAsync(group, mark);
        var imageRead = requests.FindLastIndex(r => r.Method == "GET" && r.Path.EndsWith("/images/gold-image") && r.Status == 200);
        var delete = requests.FindIndex(r => r.Method == "DELETE" && r.Path.EndsWith("/virtualMachines/gold"));
        Assert.True(imageRead >= 0 && delete > imageRead);
        var writes = (await emulator.AllWritesAsync(mark)).Select(w => w.Method + " " + w.Path.Split('/').Last()).ToList();
        Assert.Equal("DELETE gold", writes[0]);
        Assert.Equal("DELETE gold-nic", writes[1]);
        Assert.StartsWith("DELETE gold_OsDisk", writes[2]);
        Assert.Equal(3, writes.Count);
        Assert.Null(await emulator.Gateway.GetVmAsync(ArmId.Parse(vm), default));
    }

    [Fact]
    public async Task Progress_ends_completed_and_carries_no_line_for_readers_without_bars()
    {
        var group = EmulatorFixture.NewGroup("cap-progress");
        var first = await emulator.GeneralizedVmAsync(group, "gold1");
        var host = new RecordingHost();

        await emulator.Engine.CaptureAsync(Refusals.Capture(first), host);

        Assert.NotEmpty(host.Progress);
        Assert.True(host.Progress.Last().Completed);
        // Each step's status is already a verbose line: a runbook gets nothing more from a bar.
        Assert.All(host.Progress, p => Assert.Null(p.Line));
    }
}
