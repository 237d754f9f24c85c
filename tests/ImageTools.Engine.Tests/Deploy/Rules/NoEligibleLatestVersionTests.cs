using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class NoEligibleLatestVersionTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task The_latest_is_the_highest_version_not_excluded_and_replicated_to_the_target()
    {
        var group = EmulatorFixture.NewGroup("dr-latest");
        var v100 = await DeployKit.VersionAsync(emulator, group, "1.0.0", new[] { "eastus", "westus" });
        await DeployKit.VersionAsync(emulator, group, "1.0.1", new[] { "eastus" });
        await DeployKit.VersionAsync(emulator, group, "1.0.2", new[] { "eastus", "westus" }, r => r.ExcludeFromLatest = true);

        var inWestUs = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, DeployKit.DefinitionId(v100), "w", configure: r => r.Location = "westus"));
        var inEastUs = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, DeployKit.DefinitionId(v100), "e"));

        Assert.EndsWith("/versions/1.0.0", Assert.Single(DeployKit.Vms(inWestUs)).SourceImageId);
        Assert.EndsWith("/versions/1.0.1", Assert.Single(DeployKit.Vms(inEastUs)).SourceImageId);
    }

    [Fact]
    public async Task No_eligible_version_in_the_target_is_refused_listing_why_and_where_they_are()
    {
        var group = EmulatorFixture.NewGroup("dr-nolatest");
        var v100 = await DeployKit.VersionAsync(emulator, group, "1.0.0", new[] { "eastus" });
        await DeployKit.VersionAsync(emulator, group, "1.0.1", new[] { "eastus", "westus" }, r => r.ExcludeFromLatest = true);

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, DeployKit.DefinitionId(v100), configure: r => r.Location = "westus"));

        var message = e.Refusal("NoEligibleLatestVersion").Message;
        Assert.Contains("1.0.1 is excluded from latest", message);
        Assert.Contains("1.0.0 is not replicated to 'westus'", message);
        Assert.Contains("available in: eastus", message);
    }

    [Fact]
    public async Task A_rerun_from_a_definition_recognises_the_VMs_made_from_its_versions()
    {
        var group = EmulatorFixture.NewGroup("dr-latest-rerun");
        var v100 = await DeployKit.VersionAsync(emulator, group, "1.0.0");
        await DeployKit.DeployAsync(emulator, DeployKit.Request(group, DeployKit.DefinitionId(v100), "d", 2));
        await DeployKit.VersionAsync(emulator, group, "1.0.1");
        var mark = await emulator.MarkAsync();

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, DeployKit.DefinitionId(v100), "d", 2));

        Assert.Empty(host.Errors);
        Assert.All(DeployKit.Vms(host), v => Assert.EndsWith("/versions/1.0.0", v.SourceImageId));
        await emulator.AssertNoWritesAsync(group, mark);
    }
}
