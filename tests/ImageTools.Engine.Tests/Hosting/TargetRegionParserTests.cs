using System.Collections;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Tests.Hosting;

/// <summary>-TargetRegion as users write it: Az-style hashtables and "name=replicas" strings.</summary>
public class TargetRegionParserTests
{
    [Fact]
    public void Strings_as_PowerShell_passes_eastus_2_comma_westeurope()
    {
        // -TargetRegion eastus=2,westeurope arrives as two strings.
        var regions = TargetRegionParser.Parse(new object[] { "eastus=2", "westeurope" });

        Assert.Collection(regions,
            r => { Assert.Equal("eastus", r.Name); Assert.Equal(2, r.ReplicaCount); Assert.Null(r.StorageAccountType); },
            r => { Assert.Equal("westeurope", r.Name); Assert.Null(r.ReplicaCount); });
    }

    [Fact]
    public void One_quoted_string_with_commas_and_a_storage_type()
    {
        var regions = TargetRegionParser.Parse(new object[] { " eastus=3=Standard_ZRS , westeurope=1;northeurope" });

        Assert.Equal(new[] { "eastus", "westeurope", "northeurope" }, regions.Select(r => r.Name));
        Assert.Equal("Standard_ZRS", regions[0].StorageAccountType);
        Assert.Equal(new int?[] { 3, 1, null }, regions.Select(r => r.ReplicaCount));
    }

    [Fact]
    public void Hashtables_as_Az_takes_them_with_case_insensitive_keys()
    {
        var regions = TargetRegionParser.Parse(new object[]
        {
            new Hashtable { ["Name"] = "eastus", ["ReplicaCount"] = 2, ["StorageAccountType"] = "Premium_LRS" },
            new Hashtable { ["name"] = "westeurope", ["regionalreplicacount"] = "4", ["ExcludeFromLatest"] = true },
            new Dictionary<string, object> { ["Name"] = "uksouth", ["ReplicaCount"] = 1L },
        });

        Assert.Equal(("eastus", 2, "Premium_LRS"), (regions[0].Name, regions[0].ReplicaCount!.Value, regions[0].StorageAccountType));
        Assert.Equal(("westeurope", 4, true), (regions[1].Name, regions[1].ReplicaCount!.Value, regions[1].ExcludeFromLatest!.Value));
        Assert.Equal(1, regions[2].ReplicaCount);
    }

    [Fact]
    public void Strings_and_hashtables_mix()
    {
        var regions = TargetRegionParser.Parse(new object[] { "eastus=2", new Hashtable { ["Name"] = "westeurope" } });
        Assert.Equal(new[] { "eastus", "westeurope" }, regions.Select(r => r.Name));
    }

    [Fact]
    public void Nothing_given_is_an_empty_list() => Assert.Empty(TargetRegionParser.Parse(null));

    [Theory]
    [InlineData("eastus=two")]
    [InlineData("eastus=-1")]
    [InlineData("=2")]
    [InlineData("eastus=2=Standard_LRS=x")]
    [InlineData("eastus=2=")]
    public void Malformed_strings_are_refused_with_the_rule_id(string text)
    {
        var error = Assert.Throws<ImageToolsException>(() => TargetRegionParser.Parse(new object[] { text }));
        Assert.Equal(TargetRegionParser.RuleId, error.RuleId);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
        Assert.False(string.IsNullOrEmpty(error.Remedy));
    }

    [Fact]
    public void A_hashtable_without_a_name_or_with_an_unknown_key_is_refused()
    {
        Assert.Throws<ImageToolsException>(() => TargetRegionParser.Parse(new object[] { new Hashtable { ["ReplicaCount"] = 2 } }));
        var unknown = Assert.Throws<ImageToolsException>(() =>
            TargetRegionParser.Parse(new object[] { new Hashtable { ["Name"] = "eastus", ["Replicas"] = 2 } }));
        Assert.Contains("Replicas", unknown.Message);
        Assert.Throws<ImageToolsException>(() =>
            TargetRegionParser.Parse(new object[] { new Hashtable { ["Name"] = "eastus", ["ReplicaCount"] = "many" } }));
        Assert.Throws<ImageToolsException>(() =>
            TargetRegionParser.Parse(new object[] { new Hashtable { ["Name"] = "eastus", ["ExcludeFromLatest"] = "perhaps" } }));
    }

    [Fact]
    public void Other_objects_are_refused() =>
        Assert.Throws<ImageToolsException>(() => TargetRegionParser.Parse(new object[] { 42 }));
}
