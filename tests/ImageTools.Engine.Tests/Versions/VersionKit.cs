using ImageTools.Emulator.Control;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Deploy;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Engine.Tests.Publish;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Versions;

/// <summary>Definitions with several versions, published through the engine, for the version cmdlets' tests.</summary>
internal static class VersionKit
{
    /// <summary>Versions 1.0.0 … 1.0.(n-1) of corp/web, published from one generalized VM; <paramref name="excluded"/> are excluded from latest.</summary>
    public static async Task<List<GalleryVersionInfo>> DefinitionAsync(EmulatorFixture emulator, string group, int count, string[]? regions = null,
        params string[] excluded)
    {
        var source = await PublishKit.GeneralizedVmAsync(emulator, group, "golden");
        var versions = new List<GalleryVersionInfo>();
        for (var i = 0; i < count; i++)
        {
            var name = $"1.0.{i}";
            versions.Add(await PublishKit.PublishAsync(emulator, PublishKit.Request(group, source, name, r =>
            {
                r.TargetRegions = PublishKit.Regions(regions ?? new[] { "eastus" });
                r.ExcludeFromLatest = excluded.Contains(name);
            })));
        }
        return versions;
    }

    public static string DefinitionId(GalleryVersionInfo version) => DeployKit.DefinitionId(version);

    public static ListVersionsRequest List(string definitionId, params string[] versions) => new() { ResourceId = definitionId, Versions = versions };

    public static async Task<List<GalleryVersionInfo>> ListAsync(EmulatorFixture emulator, string definitionId, RecordingHost? host = null)
    {
        host ??= new RecordingHost();
        await emulator.Engine.ListVersionsAsync(List(definitionId), host);
        return host.Objects.Cast<GalleryVersionInfo>().ToList();
    }

    public static UpdateVersionRequest Update(string versionId, Action<UpdateVersionRequest>? configure = null)
    {
        var request = new UpdateVersionRequest { ResourceId = versionId, ReplicationTimeout = TimeSpan.FromSeconds(30) };
        configure?.Invoke(request);
        return request;
    }

    public static RemoveVersionsRequest Remove(string id, Action<RemoveVersionsRequest>? configure = null)
    {
        var request = new RemoveVersionsRequest { ResourceId = id };
        configure?.Invoke(request);
        return request;
    }

    /// <summary>Replication that takes long enough to be seen in progress (put back afterwards).</summary>
    public static Task<IAsyncDisposable> SlowReplicationAsync(EmulatorFixture emulator, double seconds) =>
        PublishKit.ReplicationAsync(emulator, new ReplicationSettings { SecondsPerRegion = seconds });
}
