using System.Xml.Linq;

namespace ImageTools.Module.Tests;

/// <summary>
/// en-US/ImageTools.dll-Help.xml against the cmdlets in ImageTools.dll: a cmdlet or parameter
/// without help, or help that says something the attributes do not, fails here.
/// </summary>
public class HelpTests
{
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XDocument Help = XDocument.Load(Path.Combine(Paths.Stage, "en-US", "ImageTools.dll-Help.xml"));
    private static readonly string[] ShouldProcessParameters = { "WhatIf", "Confirm" };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in ModuleSurface.Instance.Cmdlets) data.Add(c.Name);
        return data;
    }

    private static XElement HelpOf(string name) =>
        Help.Root!.Elements(Command + "command").SingleOrDefault(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == name)
        ?? throw new Xunit.Sdk.XunitException($"{name} has no help entry");

    private static string Text(XElement? e) => string.Concat(e?.Descendants(Maml + "para").Select(p => p.Value) ?? Array.Empty<string>()).Trim();

    private static CmdletSurface Cmdlet(string name) => ModuleSurface.Instance.Cmdlets.Single(c => c.Name == name);

    [Fact]
    public void Help_covers_exactly_the_cmdlets_of_the_dll() =>
        Assert.Equal(ModuleSurface.Instance.Cmdlets.Select(c => c.Name).OrderBy(n => n),
            Help.Root!.Elements(Command + "command").Select(c => c.Element(Command + "details")!.Element(Command + "name")!.Value).OrderBy(n => n));

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_cmdlet_has_a_synopsis_a_description_and_its_output_type(string name)
    {
        var help = HelpOf(name);
        Assert.True(Text(help.Element(Command + "details")!.Element(Maml + "description")).Length > 20, "synopsis");
        Assert.True(Text(help.Element(Maml + "description")).Length > 100, "description");
        var returns = help.Descendants(Command + "returnValue").Select(r => r.Descendants(Maml + "name").First().Value);
        Assert.Equal(Cmdlet(name).OutputTypes.Select(t => t.FullName), returns);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_parameter_is_documented_and_nothing_else(string name)
    {
        var cmdlet = Cmdlet(name);
        var documented = HelpOf(name).Element(Command + "parameters")!.Elements(Command + "parameter")
            .ToDictionary(p => p.Element(Maml + "name")!.Value);
        var expected = cmdlet.Parameters.Select(p => p.Name).Concat(cmdlet.SupportsShouldProcess ? ShouldProcessParameters : Array.Empty<string>());
        Assert.Equal(expected.OrderBy(n => n), documented.Keys.OrderBy(n => n));
        foreach (var (parameter, help) in documented)
            Assert.True(Text(help.Element(Maml + "description")).Length > 10, $"{name} -{parameter} has no description");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Parameter_help_agrees_with_the_attributes(string name)
    {
        var cmdlet = Cmdlet(name);
        foreach (var help in HelpOf(name).Element(Command + "parameters")!.Elements(Command + "parameter"))
        {
            string parameterName = help.Element(Maml + "name")!.Value;
            if (ShouldProcessParameters.Contains(parameterName)) continue;
            var parameter = cmdlet.Parameter(parameterName);
            string where = $"{name} -{parameterName}";
            Assert.True(parameter.Sets.Any(s => s.Mandatory) == ((string)help.Attribute("required")! == "true"), $"{where}: required");
            Assert.True(parameter.Sets.Any(s => s.FromPipeline || s.FromPipelineByPropertyName) == ((string)help.Attribute("pipelineInput")! != "False"), $"{where}: pipelineInput");
            var aliases = ((string)help.Attribute("aliases")!).Split(',').Where(a => a != "none");
            Assert.Equal(parameter.Aliases.OrderBy(a => a), aliases.OrderBy(a => a));
            // Help names the value type of a nullable parameter (-ReplicaCount takes an Int32).
            var type = parameter.Type.IsGenericType && parameter.Type.GetGenericTypeDefinition().FullName == "System.Nullable`1"
                ? parameter.Type.GetGenericArguments()[0] : parameter.Type;
            Assert.Equal(type.FullName, help.Element(XNamespace.Get("http://schemas.microsoft.com/maml/dev/2004/10") + "type")!.Element(Maml + "name")!.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_syntax_lists_each_parameter_set_with_its_parameters(string name)
    {
        var cmdlet = Cmdlet(name);
        var items = HelpOf(name).Element(Command + "syntax")!.Elements(Command + "syntaxItem")
            .Select(i => i.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).Where(n => !ShouldProcessParameters.Contains(n)).OrderBy(n => n).ToArray())
            .ToList();
        Assert.Equal(cmdlet.SetNames.Length, items.Count);
        foreach (var set in cmdlet.SetNames)
        {
            var inSet = cmdlet.Parameters.Where(p => p.InSet(set)).Select(p => p.Name).OrderBy(n => n).ToArray();
            Assert.Contains(items, i => i.SequenceEqual(inSet));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_cmdlet_has_a_pipeline_example_and_a_runbook_example(string name)
    {
        var examples = HelpOf(name).Descendants(Command + "example").Select(e => e.Element(XNamespace.Get("http://schemas.microsoft.com/maml/dev/2004/10") + "code")!.Value).ToList();
        Assert.True(examples.Count >= 2);
        Assert.All(examples, code => Assert.Contains(name, code));
        Assert.Contains(examples, code => code.Contains("Connect-ImageTools -Identity", StringComparison.Ordinal));
        Assert.Contains(examples, code => code.Contains('|'));
    }

    [Fact]
    public void About_topic_covers_the_workflow_rules_automation_and_the_emulator()
    {
        string about = File.ReadAllText(Path.Combine(Paths.Stage, "en-US", "about_ImageTools.help.txt"));
        Assert.StartsWith("TOPIC", about);
        foreach (var heading in new[] { "THE PIPELINE", "RULES", "AZURE AUTOMATION RUNBOOKS", "THE EMULATOR", "-WhatIf AND -Force" })
            Assert.Contains(heading, about);
        foreach (var cmdlet in ModuleSurface.Instance.Cmdlets)
            Assert.Contains(cmdlet.Name, about);
    }
}
