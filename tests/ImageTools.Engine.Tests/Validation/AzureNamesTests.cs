using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Tests.Validation;

public class AzureNamesTests
{
    [Theory]
    [InlineData("web-image", true)]
    [InlineData("web.image_v2_", true)]
    [InlineData("a", true)]
    [InlineData("-web", false)]
    [InlineData("_web", false)]
    [InlineData("web-", false)]
    [InlineData("web.", false)]
    [InlineData("web image", false)]
    [InlineData("", false)]
    public void Image_names(string name, bool valid) => Assert.Equal(valid, AzureNames.CheckImageName(name) == null);

    [Fact]
    public void Image_names_are_at_most_80_characters()
    {
        Assert.Null(AzureNames.CheckImageName(new string('a', 80)));
        Assert.NotNull(AzureNames.CheckImageName(new string('a', 81)));
    }

    [Theory]
    [InlineData("corp", true)]
    [InlineData("corp_images.v2", true)]
    [InlineData("corp-images", false)]
    [InlineData("corp.", false)]
    [InlineData("_corp", false)]
    public void Gallery_names_refuse_dashes(string name, bool valid)
    {
        var reason = AzureNames.CheckGalleryName(name);
        Assert.Equal(valid, reason == null);
        if (!valid) Assert.Contains("dashes", reason);
    }

    [Theory]
    [InlineData("web-2022", true)]
    [InlineData("web_2022.gen2", true)]
    [InlineData("web-", false)]
    [InlineData("web.", false)]
    [InlineData("-web", false)]
    public void Gallery_image_definition_names(string name, bool valid) =>
        Assert.Equal(valid, AzureNames.CheckGalleryImageName(name) == null);

    [Theory]
    [InlineData("web01", true)]
    [InlineData("web-frontend-01", true)]   // 15 characters
    [InlineData("web-frontend-001", false)] // 16
    [InlineData("12345", false)]            // entirely numeric
    [InlineData("web.01", false)]           // period
    [InlineData("web_01", false)]           // underscore
    [InlineData("web-", false)]             // ends with hyphen
    [InlineData("web 01", false)]
    [InlineData("web$", false)]
    public void Windows_computer_names(string name, bool valid) =>
        Assert.Equal(valid, AzureNames.CheckComputerName(name, windows: true) == null);

    [Theory]
    [InlineData("web.prod.01", true)]
    [InlineData("12345", true)]
    [InlineData("web.", false)]
    [InlineData("web-", false)]
    [InlineData("web_01", false)]
    public void Linux_computer_names(string name, bool valid) =>
        Assert.Equal(valid, AzureNames.CheckComputerName(name, windows: false) == null);

    [Fact]
    public void Linux_computer_names_are_at_most_64_characters()
    {
        Assert.Null(AzureNames.CheckComputerName(new string('a', 64), windows: false));
        Assert.NotNull(AzureNames.CheckComputerName(new string('a', 65), windows: false));
    }
}
