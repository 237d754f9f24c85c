using ImageTools.Engine.Catalog;

namespace ImageTools.Engine.Tests.Catalog;

/// <summary>How completion matches what was typed, quotes what it inserts and suggests versions.</summary>
public class CompletionTextTests
{
    private static readonly CatalogEntry[] Groups =
        new[] { "prod-eastus", "Prod-WestEurope", "test", "rg (old)", "it's" }.Select(n => new CatalogEntry(n, "", "", "")).ToArray();

    [Theory]
    [InlineData("", new[] { "prod-eastus", "Prod-WestEurope", "test", "rg (old)", "it's" })]
    [InlineData("prod", new[] { "prod-eastus", "Prod-WestEurope" })]
    [InlineData("'PROD-w", new[] { "Prod-WestEurope" })]
    [InlineData("\"te", new[] { "test" })]
    [InlineData("*east*", new[] { "prod-eastus" })]
    [InlineData("p?od-e", new[] { "prod-eastus" })]
    [InlineData("nothing", new string[0])]
    public void Matching_is_a_case_insensitive_prefix_with_wildcards_and_quotes_ignored(string typed, string[] expected) =>
        Assert.Equal(expected, ArgumentCompletion.Match(Groups, typed).Select(e => e.Name));

    [Theory]
    [InlineData("prod-eastus", "prod-eastus")]
    [InlineData("my_rg.1", "my_rg.1")]
    [InlineData("rg (old)", "'rg (old)'")]
    [InlineData("it's", "'it''s'")]
    public void Names_are_quoted_only_when_PowerShell_needs_it(string name, string inserted) =>
        Assert.Equal(inserted, ArgumentCompletion.Quote(name));

    [Fact]
    public void Version_suggestions_follow_the_highest_numeric_version()
    {
        Assert.Equal(new[] { "auto", "1.0.0" }, ArgumentCompletion.VersionSuggestions(Array.Empty<string>()));
        Assert.Equal(new[] { "auto", "1.0.11", "1.1.0", "2.0.0" }, ArgumentCompletion.VersionSuggestions(new[] { "1.0.9", "1.0.10", "0.9.99" }));
        // Nothing past int32's limit, which Azure refuses.
        Assert.Equal(new[] { "auto", "2147483647.0.2147483647" },
            ArgumentCompletion.VersionSuggestions(new[] { "2147483647.0.2147483646" }).Take(2));
        Assert.DoesNotContain("2147483648.0.0", ArgumentCompletion.VersionSuggestions(new[] { "2147483647.2147483647.2147483647" }));
        Assert.Equal(new[] { "auto" }, ArgumentCompletion.VersionSuggestions(new[] { "2147483647.2147483647.2147483647" }));
    }
}
