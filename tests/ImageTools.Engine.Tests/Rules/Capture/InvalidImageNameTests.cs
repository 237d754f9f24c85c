using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class InvalidImageNameTests(EmulatorFixture emulator)
{
    [Theory]
    [InlineData("-starts-with-dash")]
    [InlineData("ends-with-dot.")]
    [InlineData("has space")]
    public async Task An_invalid_image_name_is_refused_with_the_naming_rule(string name)
    {
        var group = EmulatorFixture.NewGroup("imgname");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(vm, r => r.ImageName = name));

        var finding = e.Refusal("InvalidImageName");
        Assert.Contains(name, finding.Message);
        Assert.Contains("1-80", finding.Message);
    }
}
