using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Deploy;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Rules.VmssDeploy;

/// <summary>Requests and runs the scale set tests share.</summary>
internal static class ScaleSetKit
{
    public static ScaleSetDeployRequest Request(string group, string sourceId, string name = "web", int capacity = 2, Action<ScaleSetDeployRequest>? configure = null)
    {
        var request = new ScaleSetDeployRequest
        {
            Source = ResourceReference.FromId(sourceId),
            ResourceGroupName = group,
            Name = name,
            Capacity = capacity,
            Credential = DeployKit.Credential(),
        };
        configure?.Invoke(request);
        return request;
    }

    public static async Task<VmssInfo> DeployAsync(EmulatorFixture emulator, ScaleSetDeployRequest request, RecordingHost? host = null)
    {
        host ??= new RecordingHost();
        await emulator.Engine.VmssDeployAsync(request, host);
        Assert.Empty(host.Errors);
        return Assert.Single(host.Objects.OfType<VmssInfo>());
    }

    /// <summary>A deploy the preflight must refuse: nothing written anywhere, nothing emitted.</summary>
    public static async Task<PreflightException> RefusedAsync(EmulatorFixture emulator, string group, ScaleSetDeployRequest request)
    {
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();
        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.VmssDeployAsync(request, host));
        await emulator.AssertNoWritesAsync(group, mark);
        Assert.Empty(host.Objects);
        return e;
    }

    public static ScaleSetUpgradeRequest Upgrade(string group, string imageId, string name = "web", Action<ScaleSetUpgradeRequest>? configure = null)
    {
        var request = new ScaleSetUpgradeRequest { ScaleSet = ResourceReference.FromName(group, name), ImageId = imageId, UpgradeTimeout = TimeSpan.FromMinutes(2) };
        configure?.Invoke(request);
        return request;
    }

    public static async Task<PreflightException> UpgradeRefusedAsync(EmulatorFixture emulator, string group, ScaleSetUpgradeRequest request)
    {
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();
        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.VmssUpgradeAsync(request, host));
        await emulator.AssertNoWritesAsync(group, mark);
        Assert.Empty(host.Objects);
        return e;
    }
}
