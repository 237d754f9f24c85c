using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

internal static class SpecializedSource
{
    /// <summary>
    /// A specialized Windows gallery version, published (through the engine) from a managed disk into
    /// a Specialized definition: the only kind of specialized image Azure has.
    /// </summary>
    public static async Task<string> VersionAsync(EmulatorFixture emulator, string group)
    {
        var disk = await emulator.BareDiskAsync(group, "spec-os", "Windows", "V2");
        var version = await emulator.Engine.PublishAsync(new PublishRequest
        {
            Source = ResourceReference.FromId(disk), GalleryResourceGroupName = group, GalleryName = "dr", DefinitionName = "spec",
            Version = "1.0.0", Publisher = "Contoso", Offer = "Recovery", Sku = "spec", OsType = "Windows", OsState = "Specialized",
            ReplicationTimeout = TimeSpan.FromSeconds(30),
        }, new RecordingHost());
        Assert.Equal("Specialized", version!.OsState);
        return version.Id;
    }
}
