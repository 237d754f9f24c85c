using ImageTools.Emulator.Control;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Engine.Tests.Publish;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class VmSizeGenerationMismatchTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_v2_image_on_a_v1_only_size_is_refused_before_any_write_naming_sizes_that_fit()
    {
        var group = EmulatorFixture.NewGroup("dr-gen");
        var image = await DeployKit.ImageAsync(emulator, group);

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, image, "g", configure: r => r.VmSize = "Standard_A1_v2"));

        var refusal = e.Refusal("VmSizeGenerationMismatch");
        Assert.Contains("'Standard_A1_v2' cannot boot Hyper-V generation V2", refusal.Message);
        Assert.Contains("boots V1 only", refusal.Message);
        Assert.Contains("for example", refusal.Remedy);
        Assert.Contains("Standard_B1s", refusal.Remedy);
        Assert.DoesNotContain("Standard_A2_v2", refusal.Remedy);
        // One SKU read, filtered by location.
        var skuReads = (await emulator.Control.GetRequestsAsync()).Where(r => r.Path.EndsWith("/providers/Microsoft.Compute/skus", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Contains(skuReads, r => Uri.UnescapeDataString(r.Query).Contains("$filter=location eq 'eastus'"));
    }

    [Fact]
    public async Task A_v1_image_on_a_v2_only_size_is_refused_and_on_a_size_booting_both_it_deploys()
    {
        var group = EmulatorFixture.NewGroup("dr-gen1");
        var image = await PublishKit.ImageAsync(emulator, group, "gen1-image", generation: "V1");

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, image, "g", configure: r => r.VmSize = "Standard_D2s_v6"));
        var refusal = e.Refusal("VmSizeGenerationMismatch");
        Assert.Contains("generation V1", refusal.Message);
        Assert.Contains("boots V2 only", refusal.Message);
        Assert.DoesNotContain("Standard_DC2as_v5", refusal.Remedy);

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "g", configure: r => r.VmSize = "Standard_D2s_v5"));
        Assert.Empty(host.Errors);
        Assert.Single(DeployKit.Vms(host));
    }

    [Fact]
    public async Task When_the_skus_cannot_be_read_the_run_goes_on_and_says_so()
    {
        var group = EmulatorFixture.NewGroup("dr-gen-nosku");
        var image = await DeployKit.ImageAsync(emulator, group);
        // A session of its own: the SKUs are kept per session once read, and this one has not read them yet.
        var engine = await emulator.EngineWithAsync(_ => { });
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 403, Method = "GET", PathPattern = "/providers/Microsoft.Compute/skus$", Count = 1 });
        try
        {
            var host = new RecordingHost();
            await engine.DeployAsync(DeployKit.Request(group, image, "g"), host);
            Assert.Empty(host.Errors);
            Assert.Single(DeployKit.Vms(host));
            Assert.Contains(host.Verbose, v => v.Contains("resource SKUs of 'eastus' could not be read"));
            Assert.Contains(host.Verbose, v => v.Contains("'standardDSv5Family', derived from the size name"));
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }

        // The failed read was not kept: the next deploy of the session reads the SKUs again and checks the generation.
        var mark = await emulator.MarkAsync();
        var again = new RecordingHost();
        await engine.DeployAsync(DeployKit.Request(group, image, "h"), again);
        Assert.Empty(again.Errors);
        Assert.Single((await emulator.Control.GetRequestsAsync()).Where(r => r.Sequence > mark && r.Path.EndsWith("/providers/Microsoft.Compute/skus", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(again.Verbose, v => v.Contains("could not be read"));
    }
}
