using Azure;
using Azure.Core;
using Azure.ResourceManager.Resources;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Import;

/// <summary>Groups, VHD files and requests for the Import-Vhd tests; every file goes in a folder the test removes.</summary>
public sealed class ImportKit : IDisposable
{
    public ImportKit() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "imagetools-vhd-" + Guid.NewGuid().ToString("N")[..8]);

    public string File(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public static async Task GroupAsync(EmulatorFixture emulator, string group, string location = "eastus")
    {
        var subscription = emulator.Client.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(emulator.SubscriptionId));
        await subscription.GetResourceGroups().CreateOrUpdateAsync(WaitUntil.Completed, group, new ResourceGroupData(new AzureLocation(location)));
    }

    public static ImportRequest Request(string path, string group, Action<ImportRequest>? configure = null)
    {
        var request = new ImportRequest { Path = path, ResourceGroupName = group, Location = "eastus", OsState = "Generalized" };
        configure?.Invoke(request);
        return request;
    }

    public static async Task<PreflightException> RefusedAsync(EmulatorFixture emulator, string group, ImportRequest request, RecordingHost? host = null)
    {
        var mark = await emulator.MarkAsync();
        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.ImportAsync(request, host ?? new RecordingHost()));
        await emulator.AssertNoWritesAsync(group, mark);
        return e;
    }
}
