using System.Text.RegularExpressions;

namespace ImageTools.Module.Tests;

/// <summary>
/// The engine's refusals and remedies name cmdlets and their parameters ("rerun with
/// Invoke-VmGeneralize -ResourceGroupName rg -Name vm"). Every such mention in the engine's
/// sources must be a real cmdlet of ImageTools.dll, and every -Parameter written right after
/// it one that cmdlet takes (or an alias, or a common parameter).
/// </summary>
public class RemedyTextTests
{
    private static readonly string[] CommonParameters =
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    /// <summary>A command name that looks like one of ImageTools' (a verb, a dash, one of the module's nouns or a near miss of one).</summary>
    private static readonly Regex CommandName = new(@"\b[A-Z][a-z]+-(?:ImageTools|VmGenerali[sz]e|Captured[A-Za-z]*|GalleryVersion[A-Za-z]*|VmFromImage[A-Za-z]*)\b");

    /// <summary>Where the command line written after a cmdlet name ends: punctuation that closes the phrase, or a sentence end.</summary>
    private static readonly Regex PhraseEnd = new(@"[()\[\];,'""|`\r\n]|\.(?:\s|$)");

    private static readonly Regex ParameterToken = new(@"(?<=^|\s)-([A-Za-z]+)\b");

    /// <summary>Each (file, cmdlet, parameter) written after the cmdlet's name in the text, and every cmdlet-like name.</summary>
    internal static IEnumerable<(string Cmdlet, string? Parameter)> Mentions(string text)
    {
        foreach (Match name in CommandName.Matches(text))
        {
            yield return (name.Value, null);
            string tail = text.Substring(name.Index + name.Length);
            var end = PhraseEnd.Match(tail);
            if (end.Success)
                tail = tail.Substring(0, end.Index);
            foreach (Match token in ParameterToken.Matches(tail))
                yield return (name.Value, token.Groups[1].Value);
        }
    }

    /// <summary>What is wrong with the mentions in a text: unknown cmdlets, parameters a cmdlet lacks.</summary>
    internal static IEnumerable<string> Problems(string text)
    {
        var cmdlets = ModuleSurface.Instance.Cmdlets.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (cmdlet, parameter) in Mentions(text))
        {
            if (!cmdlets.TryGetValue(cmdlet, out var surface))
            {
                yield return $"{cmdlet} is not a cmdlet of ImageTools";
                continue;
            }
            if (parameter != null && !CommonParameters.Contains(parameter, StringComparer.OrdinalIgnoreCase) &&
                !surface.Parameters.SelectMany(p => p.BindingNames).Contains(parameter, StringComparer.OrdinalIgnoreCase))
                yield return $"{cmdlet} has no parameter -{parameter}";
        }
    }

    private static IEnumerable<string> EngineSources() =>
        Directory.GetFiles(Path.Combine(Paths.RepoRoot, "src", "ImageTools.Engine"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    [Fact]
    public void Every_cmdlet_and_parameter_named_in_the_engine_exists()
    {
        var problems = EngineSources()
            .SelectMany(f => Problems(File.ReadAllText(f)).Select(p => $"{Path.GetRelativePath(Paths.RepoRoot, f)}: {p}"))
            .Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_rules_name_cmdlets_with_parameters_for_the_check_to_read()
    {
        // The check above is not vacuous: the rules' remedies do write command lines.
        var rules = Path.Combine(Paths.RepoRoot, "src", "ImageTools.Engine", "Rules");
        var withParameters = Directory.GetFiles(rules, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Mentions(File.ReadAllText(f))).Where(m => m.Parameter != null).ToList();
        Assert.True(withParameters.Count >= 3, string.Join(", ", withParameters));
        Assert.Contains(withParameters, m => m.Cmdlet == "Publish-GalleryVersion");
    }

    [Theory]
    [InlineData("Publish it instead: Publish-GalleryVersion -SourceId {facts.SourceResourceId} -GalleryName <gallery>.", "Publish-GalleryVersion has no parameter -SourceId")]
    [InlineData("Run Invoke-VmGeneralise -ResourceGroupName rg first.", "Invoke-VmGeneralise is not a cmdlet of ImageTools")]
    [InlineData("Rerun New-CapturedImage -ImageName web -Overwrite.", "New-CapturedImage has no parameter -Overwrite")]
    [InlineData("Rerun New-CapturedImages -ImageName web.", "New-CapturedImages is not a cmdlet of ImageTools")]
    public void A_wrong_name_is_caught(string text, string problem) =>
        Assert.Contains(problem, Problems(text));

    [Theory]
    [InlineData("Run Invoke-VmGeneralize -ResourceGroupName {vm.ResourceGroupName} -Name {vm.Name} first, or pass -NotAParameter.")]
    [InlineData("Connect-ImageTools -TenantId <tenant> -SubscriptionId <subscription> -Verbose")]
    [InlineData("(Publish-GalleryVersion -TargetRegion), pass -Bogus")]
    public void Parameters_after_the_phrase_ends_and_aliases_are_not_reported(string text) =>
        Assert.Empty(Problems(text));
}
