using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Tests.Validation;

public class GalleryVersionNumberTests
{
    [Theory]
    [InlineData("1.0.0", 1, 0, 0)]
    [InlineData("2018.12.1", 2018, 12, 1)]
    [InlineData("0.0.0", 0, 0, 0)]
    [InlineData("2147483647.2147483647.2147483647", int.MaxValue, int.MaxValue, int.MaxValue)]
    public void Parses_valid_names(string text, int major, int minor, int patch)
    {
        Assert.True(GalleryVersionNumber.TryParse(text, out var v));
        Assert.Equal((major, minor, patch), (v.Major, v.Minor, v.Patch));
        Assert.Equal(text, v.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1.0")]
    [InlineData("1.0.0.0")]
    [InlineData("1.0.-1")]
    [InlineData("+1.0.0")]
    [InlineData("1. 0.0")]
    [InlineData("1..0")]
    [InlineData("v1.0.0")]
    [InlineData("2147483648.0.0")]
    [InlineData("1.0.99999999999")]
    [InlineData("auto")]
    [InlineData("01.0.0")]
    [InlineData("1.00.0")]
    [InlineData("1.0.07")]
    public void Refuses_what_ARM_refuses(string? text)
    {
        Assert.False(GalleryVersionNumber.TryParse(text, out _));
        Assert.NotNull(AzureNames.CheckGalleryVersionName(text));
    }

    [Fact]
    public void Auto_is_next_patch_after_the_highest_numerically_not_lexically()
    {
        Assert.True(GalleryVersionNumber.TryNextAfter(new[] { "1.0.9", "1.0.10", "0.9.99", "notaversion" }, out var next, out var highest));
        Assert.Equal("1.0.10", highest.ToString());
        Assert.Equal("1.0.11", next.ToString());
    }

    [Fact]
    public void Auto_with_no_versions_starts_at_1_0_0()
    {
        Assert.True(GalleryVersionNumber.TryNextAfter(new string[0], out var next, out var highest));
        Assert.Null(highest);
        Assert.Equal("1.0.0", next.ToString());
    }

    [Fact]
    public void Auto_refuses_int32_overflow_of_the_patch()
    {
        Assert.False(GalleryVersionNumber.TryNextAfter(new[] { "1.0.2147483647", "1.0.5" }, out _, out var highest));
        Assert.Equal("1.0.2147483647", highest.ToString());
    }
}
