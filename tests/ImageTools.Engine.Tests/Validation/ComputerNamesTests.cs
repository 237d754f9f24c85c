using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Tests.Validation;

public class ComputerNamesTests
{
    [Fact]
    public void A_single_vm_keeps_its_name() => Assert.Equal(new[] { "web" }, ComputerNames.VmNames("web", 1));

    [Fact]
    public void Generated_names_are_numbered_with_a_width_that_fits_the_count()
    {
        Assert.Equal(new[] { "web-01", "web-02", "web-03" }, ComputerNames.VmNames("web", 3));
        var hundred = ComputerNames.VmNames("web", 100);
        Assert.Equal("web-001", hundred[0]);
        Assert.Equal("web-100", hundred[99]);
        Assert.Equal(100, hundred.Distinct().Count());
    }

    [Fact]
    public void Long_windows_names_keep_their_suffix_and_stay_distinct_and_valid()
    {
        var names = ComputerNames.VmNames("webfrontendserver", 12);
        var computerNames = names.Select(n => ComputerNames.ComputerNameFor(n, windows: true, baseName: "webfrontendserver")).ToList();
        Assert.Equal("webfrontends-01", computerNames[0]);
        Assert.Equal(12, computerNames.Distinct().Count());
        Assert.All(computerNames, c => Assert.Null(AzureNames.CheckComputerName(c, windows: true)));
    }

    [Fact]
    public void Linux_names_are_not_shortened() =>
        Assert.Equal("webfrontendserver-01", ComputerNames.ComputerNameFor("webfrontendserver-01", windows: false, baseName: "webfrontendserver"));
}
