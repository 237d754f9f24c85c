using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Tests.Publish;
using ImageTools.Engine.Tests.Deploy;
using ImageTools.Engine.Tests.Deploy.Rules;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Engine.Tests.Rules.VmssDeploy;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Rules.VmssUpgrade;

/// <summary>Update-VmssImage's rules against the emulator: each refusal before any write, the rerun that converges.</summary>
[Collection(EmulatorCollection.Name)]
public class VmssUpgradeRuleTests(EmulatorFixture emulator)
{
    /// <summary>Versions 1.0.0..1.0.n of one definition, and a Rolling scale set of two on 1.0.0.</summary>
    private async Task<(string Group, List<GalleryVersionInfo> Versions, VmssInfo ScaleSet)> RollingAsync(string purpose, int versions, string policy = "Rolling")
    {
        var group = EmulatorFixture.NewGroup(purpose);
        var list = new List<GalleryVersionInfo>();
        for (var i = 0; i < versions; i++)
            list.Add(await DeployKit.VersionAsync(emulator, group, $"1.0.{i}"));
        var vmss = await ScaleSetKit.DeployAsync(emulator, ScaleSetKit.Request(group, list[0].Id, configure: r => { r.UpgradePolicy = policy; r.MaxBatchInstancePercent = 50; }));
        return (group, list, vmss);
    }

    [Fact]
    public async Task UpgradeScaleSetNotFound_and_the_source_rules_refuse_before_any_write()
    {
        var (group, versions, _) = await RollingAsync("vmss-up-missing", 1);
        var missing = (await ScaleSetKit.UpgradeRefusedAsync(emulator, group, ScaleSetKit.Upgrade(group, versions[0].Id, "nope"))).Refusal("UpgradeScaleSetNotFound");
        Assert.Equal(FailureCategory.ObjectNotFound, missing.Category);
        var absent = versions[0].Id[..^"1.0.0".Length] + "9.9.9";
        Assert.NotNull((await ScaleSetKit.UpgradeRefusedAsync(emulator, group, ScaleSetKit.Upgrade(group, absent))).Refusal("DeploySourceNotFound"));
    }

    [Fact]
    public async Task UpgradeSourceSpecialized_and_UpgradeOsTypeMismatch_refuse_an_image_the_scale_set_cannot_run()
    {
        var (group, _, _) = await RollingAsync("vmss-up-kind", 1);
        var specialized = await SpecializedSource.VersionAsync(emulator, group);
        Assert.Contains("Parameter 'osProfile' is not allowed.", (await ScaleSetKit.UpgradeRefusedAsync(emulator, group, ScaleSetKit.Upgrade(group, specialized))).Refusal("UpgradeSourceSpecialized").Message);

        var linuxVm = await PublishKit.GeneralizedVmAsync(emulator, group, "lin01", os: "Linux");
        var linux = await DeployKit.VersionAsync(emulator, group, "1.0.0", configure: r => { r.DefinitionName = "app"; r.Sku = "ubuntu"; }, sourceId: linuxVm);
        var mismatch = (await ScaleSetKit.UpgradeRefusedAsync(emulator, group, ScaleSetKit.Upgrade(group, linux.Id))).Refusal("UpgradeOsTypeMismatch");
        Assert.Contains("runs Windows", mismatch.Message);
    }

    [Fact]
    public async Task ScaleSetNotRolling_refuses_a_Manual_scale_set()
    {
        var (group, versions, _) = await RollingAsync("vmss-up-manual", 2, policy: "Manual");
        var refusal = (await ScaleSetKit.UpgradeRefusedAsync(emulator, group, ScaleSetKit.Upgrade(group, versions[1].Id))).Refusal("ScaleSetNotRolling");
        Assert.Contains("-UpgradePolicyMode Rolling", refusal.Remedy);
    }

    [Fact]
    public async Task ScaleSetVersionNotNewer_refuses_a_rollback_unless_allowed_and_ScaleSetAlreadyOnImage_writes_nothing()
    {
        var (group, versions, _) = await RollingAsync("vmss-up-back", 2);
        var host = new RecordingHost();
        await emulator.Engine.VmssUpgradeAsync(ScaleSetKit.Upgrade(group, versions[1].Id), host);
        var upgraded = Assert.Single(host.Objects.OfType<VmssInfo>());
        Assert.All(upgraded.Instances, i => Assert.Equal(versions[1].Id, i.SourceImageId, ignoreCase: true));

        var older = (await ScaleSetKit.UpgradeRefusedAsync(emulator, group, ScaleSetKit.Upgrade(group, versions[0].Id))).Refusal("ScaleSetVersionNotNewer");
        Assert.Contains("1.0.0 is older", older.Message);

        var mark = await emulator.MarkAsync();
        var again = new RecordingHost();
        await emulator.Engine.VmssUpgradeAsync(ScaleSetKit.Upgrade(group, versions[1].Id), again);
        await emulator.AssertNoWritesAsync(group, mark);
        Assert.Single(again.Objects.OfType<VmssInfo>());
        Assert.Contains(again.Verbose, l => l.Contains("already run", StringComparison.Ordinal)); // ScaleSetAlreadyOnImage

        var back = new RecordingHost();
        await emulator.Engine.VmssUpgradeAsync(ScaleSetKit.Upgrade(group, versions[0].Id, configure: r => r.AllowOlderVersion = true), back);
        Assert.All(Assert.Single(back.Objects.OfType<VmssInfo>()).Instances, i => Assert.Equal(versions[0].Id, i.SourceImageId, ignoreCase: true));
    }

    [Fact]
    public async Task ScaleSetUpgradeInProgress_refuses_another_image_while_a_rerun_to_the_same_one_follows_it()
    {
        var (group, versions, vmss) = await RollingAsync("vmss-up-busy", 3);
        await using var slow = await DeployKit.TimingAsync(emulator, t => t.PerKind["rollingUpgradeBatch"] = 3);
        var first = new RecordingHost();
        var running = emulator.Engine.VmssUpgradeAsync(ScaleSetKit.Upgrade(group, versions[1].Id), first);
        await Until(() => RunningAsync(vmss.Id));

        var busy = (await ScaleSetKit.UpgradeRefusedAsync(emulator, group, ScaleSetKit.Upgrade(group, versions[2].Id))).Refusal("ScaleSetUpgradeInProgress");
        Assert.Equal(FailureCategory.ResourceUnavailable, busy.Category);

        var mark = await emulator.MarkAsync();
        var follower = new RecordingHost();
        await emulator.Engine.VmssUpgradeAsync(ScaleSetKit.Upgrade(group, versions[1].Id), follower);
        await emulator.AssertNoWritesAsync(group, mark);
        Assert.Contains(follower.Verbose, l => l.Contains("it is followed, nothing is written", StringComparison.Ordinal));
        Assert.Equal("Completed", Assert.Single(follower.Objects.OfType<VmssInfo>()).RollingUpgradeStatus);
        await running;
        Assert.Empty(first.Errors);
    }

    private async Task<bool> RunningAsync(string scaleSetId)
    {
        try
        {
            var latest = await emulator.Client.GetVirtualMachineScaleSetResource(new ResourceIdentifier(scaleSetId)).GetVirtualMachineScaleSetRollingUpgrade().GetAsync();
            return latest.Value.Data.RunningStatus?.Code?.ToString() == "RollingForward";
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "the rolling upgrade never started");
            await Task.Delay(100);
        }
    }
}
