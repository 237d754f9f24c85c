using System.Net;
using ImageTools.Emulator.Control;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Engine.Tests.Publish;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Deploy;

/// <summary>Sources, requests and request-log helpers the New-VmFromImage tests share.</summary>
internal static class DeployKit
{
    public const string Password = "Zq7!mV2#pL9x";
    public const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGh0ZXN0a2V5ZGF0YWZvcmltYWdldG9vbHN0ZXN0cw== admin@host";

    public static NetworkCredential Credential(string user = "azadmin", string password = Password) => new(user, password);

    /// <summary>A managed image (captured through the engine from a seeded generalized VM).</summary>
    public static Task<string> ImageAsync(EmulatorFixture emulator, string group, string name = "base-image", string location = "eastus") =>
        PublishKit.ImageAsync(emulator, group, name, location: location);

    /// <summary>A gallery version published (through the engine) from a fresh managed image, replicated to the given regions.</summary>
    public static async Task<GalleryVersionInfo> VersionAsync(EmulatorFixture emulator, string group, string version = "1.0.0",
        string[]? regions = null, Action<PublishRequest>? configure = null, string? sourceId = null)
    {
        sourceId ??= await ImageAsync(emulator, group, "img-" + version.Replace('.', '-'));
        var request = PublishKit.Request(group, sourceId, version, r =>
        {
            r.TargetRegions = PublishKit.Regions(regions ?? new[] { "eastus" });
            configure?.Invoke(r);
        });
        return await PublishKit.PublishAsync(emulator, request);
    }

    public static string DefinitionId(GalleryVersionInfo version) => version.Id[..version.Id.LastIndexOf("/versions/", StringComparison.Ordinal)];

    public static DeployRequest Request(string group, string sourceId, string name = "web", int count = 1, Action<DeployRequest>? configure = null)
    {
        var request = new DeployRequest
        {
            Source = ResourceReference.FromId(sourceId),
            ResourceGroupName = group,
            Name = name,
            Count = count,
            Credential = Credential(),
        };
        configure?.Invoke(request);
        return request;
    }

    public static async Task<RecordingHost> DeployAsync(EmulatorFixture emulator, DeployRequest request, RecordingHost? host = null)
    {
        host ??= new RecordingHost();
        await emulator.Engine.DeployAsync(request, host);
        return host;
    }

    /// <summary>Runs a deploy that the preflight must refuse, and checks nothing was written anywhere in the group.</summary>
    public static async Task<PreflightException> RefusedAsync(EmulatorFixture emulator, string group, DeployRequest request)
    {
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();
        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.DeployAsync(request, host));
        await emulator.AssertNoWritesAsync(group, mark);
        Assert.Empty(host.Objects);
        return e;
    }

    public static List<VmInfo> Vms(RecordingHost host) => host.Objects.OfType<VmInfo>().ToList();

    /// <summary>VM PUTs (not their polls or reads) in the group after a mark, by VM name.</summary>
    public static async Task<List<string>> VmPutsAsync(EmulatorFixture emulator, string group, long after) =>
        (await emulator.WritesAsync(group, after))
            .Where(w => w.Method == "PUT" && w.Path.Contains("/virtualMachines/", StringComparison.OrdinalIgnoreCase))
            .Select(w => w.Path[(w.Path.LastIndexOf('/') + 1)..])
            .ToList();

    /// <summary>Everything the host was told, to check that a secret never appears.</summary>
    public static string Streams(RecordingHost host) =>
        string.Join("\n", host.Verbose.Concat(host.Warnings)
            .Concat(host.Errors.Select(e => e.Message + " " + e.Remedy + " " + e.InnerException?.Message))
            .Concat(host.ShouldProcessCalls.Select(c => c.Target + " " + c.Action)));

    /// <summary>Emulator timing for one test, put back afterwards.</summary>
    public static async Task<IAsyncDisposable> TimingAsync(EmulatorFixture emulator, Action<TimingSettings> change)
    {
        var before = await emulator.Control.GetTimingAsync();
        var timing = before.Clone();
        change(timing);
        await emulator.Control.SetTimingAsync(timing);
        return new Restore(() => emulator.Control.SetTimingAsync(before));
    }

    /// <summary>A regional quota for one test, put back to the defaults afterwards.</summary>
    public static async Task<IAsyncDisposable> QuotaAsync(EmulatorFixture emulator, string location, Dictionary<string, long> limits)
    {
        await emulator.Control.SetQuotaAsync(location, limits);
        return new Restore(() => emulator.Control.SetQuotaAsync(location, limits.ToDictionary(l => l.Key, _ => 1000L)));
    }

    private sealed class Restore(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }
}
