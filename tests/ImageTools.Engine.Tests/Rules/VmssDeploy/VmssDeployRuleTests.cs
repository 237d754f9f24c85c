using ImageTools.Engine.Hosting;
using ImageTools.Engine.Tests.Deploy;
using ImageTools.Engine.Tests.Deploy.Rules;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Rules.VmssDeploy;

/// <summary>New-VmssFromImage's own rules, and New-VmFromImage's rules as a scale set meets them, against the emulator.</summary>
[Collection(EmulatorCollection.Name)]
public class VmssDeployRuleTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task SpecializedScaleSetSource_refuses_a_specialized_version_that_Azure_would_accept()
    {
        var group = EmulatorFixture.NewGroup("vmss-spec");
        var version = await SpecializedSource.VersionAsync(emulator, group);

        var e = await ScaleSetKit.RefusedAsync(emulator, group, ScaleSetKit.Request(group, version, configure: r => r.Credential = null));

        var refusal = e.Refusal("SpecializedScaleSetSource");
        Assert.Contains("machine SID", refusal.Message);
        Assert.Contains("Invoke-VmGeneralize", refusal.Remedy);
        Assert.Equal(FailureCategory.InvalidArgument, refusal.Category);
    }

    [Fact]
    public async Task Names_capacity_and_batch_share_are_refused_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("vmss-names");
        var image = await DeployKit.ImageAsync(emulator, group);

        Assert.Contains("'bad name!'", (await ScaleSetKit.RefusedAsync(emulator, group, ScaleSetKit.Request(group, image, "bad name!"))).Refusal("ScaleSetNameInvalid").Message);
        Assert.Contains("1-9 characters", (await ScaleSetKit.RefusedAsync(emulator, group,
            ScaleSetKit.Request(group, image, configure: r => r.ComputerNamePrefix = "webfrontend"))).Refusal("ComputerNamePrefixInvalid").Message);
        Assert.Contains("cannot contain", (await ScaleSetKit.RefusedAsync(emulator, group,
            ScaleSetKit.Request(group, image, configure: r => r.ComputerNamePrefix = "web_1"))).Refusal("ComputerNamePrefixInvalid").Message);
        Assert.Contains("1 to 1000", (await ScaleSetKit.RefusedAsync(emulator, group, ScaleSetKit.Request(group, image, capacity: 0))).Refusal("ScaleSetCapacityOutOfRange").Message);
        Assert.Contains("1 to 1000", (await ScaleSetKit.RefusedAsync(emulator, group, ScaleSetKit.Request(group, image, capacity: 1001))).Refusal("ScaleSetCapacityOutOfRange").Message);
        Assert.Contains("5 to 100", (await ScaleSetKit.RefusedAsync(emulator, group,
            ScaleSetKit.Request(group, image, configure: r => { r.UpgradePolicy = "Rolling"; r.MaxBatchInstancePercent = 2; }))).Refusal("ScaleSetCapacityOutOfRange").Message);
    }

    [Fact]
    public async Task A_long_name_gives_a_prefix_cut_to_fit_and_the_deploy_rules_hold_for_scale_sets()
    {
        var group = EmulatorFixture.NewGroup("vmss-shared");
        var image = await DeployKit.ImageAsync(emulator, group);

        // New-VmFromImage's rules, evaluated over the scale set: credentials, generation, quota.
        Assert.NotNull((await ScaleSetKit.RefusedAsync(emulator, group, ScaleSetKit.Request(group, image, configure: r => r.Credential = null))).Refusal("OsProfileMissing"));
        Assert.NotNull((await ScaleSetKit.RefusedAsync(emulator, group, ScaleSetKit.Request(group, image, configure: r => r.VmSize = "Standard_A1_v2"))).Refusal("VmSizeGenerationMismatch"));
        await using (await DeployKit.QuotaAsync(emulator, "eastus", new Dictionary<string, long> { ["standardDSv5Family"] = 6 }))
        {
            var quota = (await ScaleSetKit.RefusedAsync(emulator, group, ScaleSetKit.Request(group, image, capacity: 4))).Refusal("VcpuQuotaExceeded");
            Assert.Contains("-Capacity", quota.Remedy);
        }

        var vmss = await ScaleSetKit.DeployAsync(emulator, ScaleSetKit.Request(group, image, "webfrontend-prod"));
        Assert.Equal("webfronte", vmss.ComputerNamePrefix);
        Assert.Equal(("Flexible", "Manual", 2L), (vmss.OrchestrationMode, vmss.UpgradePolicy.Mode, vmss.Sku.Capacity));
        Assert.All(vmss.Instances, i => Assert.StartsWith("webfronte", i.ComputerName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rerun_emits_the_scale_set_without_writing_and_another_source_is_refused()
    {
        var group = EmulatorFixture.NewGroup("vmss-again");
        var image = await DeployKit.ImageAsync(emulator, group);
        var uniform = await ScaleSetKit.DeployAsync(emulator, ScaleSetKit.Request(group, image, capacity: 3, configure: r => { r.OrchestrationMode = "Uniform"; r.Zones = new[] { "1", "2" }; }));
        Assert.Equal("Uniform", uniform.OrchestrationMode);
        Assert.Equal(new[] { "0", "1", "2" }, uniform.Instances.Select(i => i.InstanceId));
        Assert.All(uniform.Instances, i => Assert.True(i.LatestModelApplied));

        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();
        var again = await ScaleSetKit.DeployAsync(emulator, ScaleSetKit.Request(group, image, capacity: 4), host);
        await emulator.AssertNoWritesAsync(group, mark);
        Assert.Equal(uniform.Id, again.Id);
        Assert.Contains(host.Verbose, l => l.Contains("ScaleSetAlreadyDeployed", StringComparison.Ordinal) || l.Contains("already exists from", StringComparison.Ordinal));
        Assert.Contains(host.Verbose, l => l.Contains("Its capacity is 3, not 4", StringComparison.Ordinal));

        var other = await DeployKit.ImageAsync(emulator, group, "other-image");
        var refusal = (await ScaleSetKit.RefusedAsync(emulator, group, ScaleSetKit.Request(group, other))).Refusal("ScaleSetExistsFromOtherSource");
        Assert.Contains("Update-VmssImage", refusal.Remedy);
        Assert.Equal(FailureCategory.ResourceExists, refusal.Category);
    }
}
