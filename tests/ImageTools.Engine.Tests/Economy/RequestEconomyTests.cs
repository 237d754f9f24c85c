using System.Net;
using ImageTools.Emulator.Control;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ImageTools.Engine.Tests.Economy;

/// <summary>
/// Requests per pipeline stage, read from the emulator's request log: every stage stays within
/// the requests its work needs (the stage's minimum) plus the polls of its long-running operations.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class RequestEconomyTests(EmulatorFixture emulator, ITestOutputHelper output)
{
    [Fact]
    public async Task Each_stage_of_the_pipeline_sends_its_minimum_plus_polls()
    {
        var group = EmulatorFixture.NewGroup("economy");
        await emulator.SeedVmAsync(group, "base01", configure: r => r.DataDisks = 1);
        var host = new RecordingHost();
        // A session of its own: what a new Connect-ImageTools pays (nothing kept from earlier commands).
        var engine = await emulator.EngineWithAsync(_ => { });

        var mark = await emulator.MarkAsync();
        var vm = await engine.GeneralizeAsync(new GeneralizeRequest { Vm = ResourceReference.FromName(group, "base01") }, host);
        var generalize = await StageAsync("generalize", mark);

        mark = await emulator.MarkAsync();
        var image = await engine.CaptureAsync(new CaptureRequest { Source = ResourceReference.FromId(vm!.Id), ImageName = "base01-image" }, host);
        var capture = await StageAsync("capture", mark);

        mark = await emulator.MarkAsync();
        var version = await engine.PublishAsync(new PublishRequest
        {
            Source = ResourceReference.FromId(image!.Id), GalleryResourceGroupName = group, GalleryName = "econ", DefinitionName = "web",
            Publisher = "contoso", Offer = "web", Sku = "2022", Version = "auto",
            TargetRegions = { new TargetRegionRequest { Name = "eastus" }, new TargetRegionRequest { Name = "westeurope" } },
        }, host);
        var publish = await StageAsync("publish", mark);

        mark = await emulator.MarkAsync();
        await engine.DeployAsync(new DeployRequest
        {
            Source = ResourceReference.FromId(version!.Id), ResourceGroupName = group, Name = "econ", Count = 3,
            Credential = new NetworkCredential("azureops", "Econ-Passw0rd-1"),
        }, host);
        var deploy = await StageAsync("deploy", mark);
        Assert.Empty(host.Errors);

        // Generalize: GET VM, GET 2 snapshots (an earlier run's?), 3 run commands (the domain probe reads ImageState
        // too, Sysprep, the seal), PUT 2 snapshots side by side, one tags merge (answered at once), deallocate (the
        // platform's power-off), generalize, GET VM: 12, plus each operation's status poll and its result or resource.
        Within(generalize, minimum: 12, operations: 6);
        Assert.DoesNotContain(generalize, r => r.Path.EndsWith("/powerOff", StringComparison.Ordinal) || (r.Method == "PATCH" && r.Path.EndsWith("/base01", StringComparison.Ordinal)));
        // Capture: GET VM, GET image (exists?), PUT image; the operation's result is the image: no second read.
        Within(capture, minimum: 3, operations: 1);
        // Publish: GET image, GET gallery (missing, and its group exists: 404 ResourceNotFound, so no read of the group and
        // no definition or version to read), GET the Compute provider (where versions are offered: both regions are, so the
        // subscription's locations are not read; kept for the session), PUT gallery, definition, version, GET version with
        // its replication status.
        Within(publish, minimum: 7, operations: 3);
        Assert.DoesNotContain(publish, r => r.Path.EndsWith("/locations", StringComparison.Ordinal) || r.Method == "HEAD");
        // Deploy: GET definition, GET version (with replication), GET group, list VMs, GET vmSizes, GET usages, GET skus,
        // GET VNet (missing), PUT VNet, one list of the group's NICs (none from an earlier run), per VM PUT NIC and PUT VM.
        Within(deploy, minimum: 10 + 2 * 3, operations: 7);
        Assert.Single(deploy, r => r.Method == "GET" && r.Path.EndsWith("/resources", StringComparison.Ordinal));
        Assert.DoesNotContain(deploy, r => r.Method == "GET" && r.Path.Contains("/networkInterfaces/", StringComparison.Ordinal) && r.Status == 404);

        // A second publish in the same session reads neither the provider nor the subscription's locations again.
        mark = await emulator.MarkAsync();
        await engine.PublishAsync(new PublishRequest
        {
            Source = ResourceReference.FromId(image.Id), GalleryResourceGroupName = group, GalleryName = "econ", DefinitionName = "web2",
            Publisher = "contoso", Offer = "web", Sku = "2022b", Version = "auto",
            TargetRegions = { new TargetRegionRequest { Name = "eastus" }, new TargetRegionRequest { Name = "westeurope" } },
        }, host);
        var again = await StageAsync("publish again", mark);
        Assert.Empty(host.Errors);
        Assert.DoesNotContain(again, r => r.Path.EndsWith("/locations", StringComparison.Ordinal) || r.Path.EndsWith("/providers/Microsoft.Compute", StringComparison.Ordinal));
        // GET image, GET gallery, one list of its definitions (web2 is not there; is its publisher/offer/SKU taken?),
        // PUT definition, version, GET version with its replication status.
        Within(again, minimum: 6, operations: 2);

        // A second deploy in the same session reads the location's VM sizes and SKUs no more; its usage (quota) it reads again.
        mark = await emulator.MarkAsync();
        await engine.DeployAsync(new DeployRequest
        {
            Source = ResourceReference.FromId(version.Id), ResourceGroupName = group, Name = "more", Count = 1,
            Credential = new NetworkCredential("azureops", "Econ-Passw0rd-1"),
        }, host);
        var more = await StageAsync("deploy again", mark);
        Assert.Empty(host.Errors);
        Assert.DoesNotContain(more, r => r.Path.EndsWith("/vmSizes", StringComparison.Ordinal) || r.Path.EndsWith("/skus", StringComparison.Ordinal));
        Assert.Single(more, r => r.Path.EndsWith("/usages", StringComparison.Ordinal));
    }

    /// <summary>
    /// A stage's requests are its minimum plus, for each long-running operation, its two follow-ups (the
    /// status poll at the Retry-After, then the result or the resource): none polled twice at zero time.
    /// </summary>
    private static void Within(List<RequestLogEntry> log, int minimum, int operations)
    {
        var polls = log.Where(r => r.Poll).GroupBy(r => r.OperationId).ToList();
        Assert.Equal(operations, polls.Count);
        Assert.All(polls, g => Assert.True(g.Count() <= 2, $"operation {g.Key} polled {g.Count()} times"));
        Assert.True(log.Count <= minimum + 2 * operations, $"{log.Count} requests, minimum {minimum} plus {2 * operations} for {operations} operations");
    }

    private async Task<List<RequestLogEntry>> StageAsync(string stage, long mark)
    {
        var log = (await emulator.Control.GetRequestsAsync()).Where(r => r.Sequence > mark).OrderBy(r => r.Sequence).ToList();
        output.WriteLine($"---- {stage}: {log.Count}");
        foreach (var r in log)
            output.WriteLine($"{r.Method} {r.Path}{(r.Query.Contains("expand") ? " " + r.Query : "")} {r.Status}{(r.Poll ? " poll" : "")}");
        return log;
    }
}
