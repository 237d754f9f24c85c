using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

internal static class SpecializedSource
{
    /// <summary>A specialized Windows managed image, captured (through the engine) from a managed disk.</summary>
    public static async Task<string> ImageAsync(EmulatorFixture emulator, string group)
    {
        var disk = await emulator.BareDiskAsync(group, "spec-os", "Windows", "V2");
        var image = await emulator.Engine.CaptureAsync(new CaptureRequest
        {
            Source = ResourceReference.FromId(disk), ImageName = "spec-image", OsType = "Windows", OsState = "Specialized",
        }, new RecordingHost());
        return image!.Id;
    }
}
