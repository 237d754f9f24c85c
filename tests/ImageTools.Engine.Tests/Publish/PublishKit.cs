using ImageTools.Emulator.Control;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Publish;

/// <summary>Sources and requests the publish tests share: generalized VMs and managed images made through the engine itself.</summary>
internal static class PublishKit
{
    public static async Task<string> GeneralizedVmAsync(EmulatorFixture emulator, string group, string name, string generation = "V2",
        string os = "Windows", string security = "Standard", string location = "eastus")
    {
        var seeded = await emulator.SeedVmAsync(group, name, state: "generalized", os: os, generation: generation,
            configure: r => { r.SecurityType = security; r.Location = location; });
        return seeded.Id;
    }

    /// <summary>A managed image captured (through the engine) from a generalized VM seeded for it.</summary>
    public static async Task<string> ImageAsync(EmulatorFixture emulator, string group, string name, string generation = "V2", string location = "eastus")
    {
        var vmId = await GeneralizedVmAsync(emulator, group, name + "-vm", generation, location: location);
        var image = await emulator.Engine.CaptureAsync(new CaptureRequest { Source = ResourceReference.FromId(vmId), ImageName = name }, new RecordingHost());
        return image!.Id;
    }

    public static PublishRequest Request(string group, string sourceId, string version = "1.0.0", Action<PublishRequest>? configure = null)
    {
        var request = new PublishRequest
        {
            Source = ResourceReference.FromId(sourceId),
            GalleryResourceGroupName = group,
            GalleryName = "corp",
            DefinitionName = "web",
            Version = version,
            Publisher = "Contoso",
            Offer = "WebServer",
            Sku = "2022-gen2",
            ReplicationTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(request);
        return request;
    }

    public static async Task<GalleryVersionInfo> PublishAsync(EmulatorFixture emulator, PublishRequest request, RecordingHost? host = null) =>
        (await emulator.Engine.PublishAsync(request, host ?? new RecordingHost()))!;

    /// <summary>Replication behaviour for one test, put back to the default (instant, no failures) afterwards.</summary>
    public static async Task<IAsyncDisposable> ReplicationAsync(EmulatorFixture emulator, ReplicationSettings settings)
    {
        await emulator.Control.SetReplicationAsync(settings);
        return new Restore(emulator);
    }

    private sealed class Restore(EmulatorFixture emulator) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await emulator.Control.SetReplicationAsync(new ReplicationSettings());
    }

    /// <summary>An engine of its own that waits <paramref name="pollMilliseconds"/> between polls (for tests that watch replication progress).</summary>
    public static Task<ImageToolsEngine> EngineAsync(EmulatorFixture emulator, int pollMilliseconds)
    {
        var options = EngineOptions.Fast();
        options.PollingInterval = TimeSpan.FromMilliseconds(pollMilliseconds);
        return ImageToolsEngine.OpenAsync(
            new ConnectRequest { CredentialKind = CredentialKind.Emulator, EmulatorConnectionFile = emulator.ConnectionFile }, null, options, default);
    }

    /// <summary>-TargetRegion as admins type it ("eastus=2", "westeurope"), through the module's parser.</summary>
    /// <summary>Target regions, each "name", "name=replicas" or "name=replicas=storageType".</summary>
    public static List<TargetRegionRequest> Regions(params string[] items) =>
        items.Select(item => item.Split('=')).Select(f => new TargetRegionRequest
        {
            Name = f[0], ReplicaCount = f.Length > 1 ? int.Parse(f[1]) : null, StorageAccountType = f.Length > 2 ? f[2] : null,
        }).ToList();

    public static async Task<int> WriteCountAsync(EmulatorFixture emulator, string group) => (await emulator.WritesAsync(group)).Count;
}
