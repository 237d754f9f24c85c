using System.Reflection;
using System.Xml.Linq;

namespace ImageTools.Module.Tests;

/// <summary>-AsJob and the argument completers as PowerShell will see them, read from the staged ImageTools.dll and its help.</summary>
public class AsJobAndCompleterTests
{
    private static ModuleSurface Surface => ModuleSurface.Instance;
    private static CmdletSurface Cmdlet(string name) => Surface.Cmdlets.Single(c => c.Name == name);

    private static readonly string[] LongRunning = { "Copy-CapturedImage", "Import-Vhd", "Invoke-VmGeneralize", "New-CapturedImage", "New-VmFromImage", "New-VmssFromImage", "Publish-GalleryVersion", "Undo-VmGeneralize", "Update-GalleryVersion", "Update-VmssImage" };

    [Fact]
    public void AsJob_is_on_exactly_the_long_running_cmdlets_as_a_switch_in_every_parameter_set()
    {
        Assert.Equal(LongRunning, Surface.Cmdlets.Where(c => c.Parameters.Any(p => p.Name == "AsJob")).Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
        foreach (var name in LongRunning)
        {
            var asJob = Cmdlet(name).Parameter("AsJob");
            Assert.Equal("SwitchParameter", asJob.Type.Name);
            var entry = Assert.Single(asJob.Sets);
            Assert.Equal(CmdletSurface.AllSets, entry.SetName);
            Assert.False(entry.Mandatory || entry.FromPipeline || entry.FromPipelineByPropertyName);
        }
    }

    [Theory]
    [InlineData("Copy-CapturedImage")]
    [InlineData("Import-Vhd")]
    [InlineData("Invoke-VmGeneralize")]
    [InlineData("New-CapturedImage")]
    [InlineData("New-VmFromImage")]
    [InlineData("Publish-GalleryVersion")]
    [InlineData("Undo-VmGeneralize")]
    [InlineData("Update-GalleryVersion")]
    public void Help_of_AsJob_says_how_confirmation_and_WhatIf_work_in_a_job_and_shows_it(string name)
    {
        XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10", maml = "http://schemas.microsoft.com/maml/2004/10",
            dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        var help = XDocument.Load(Path.Combine(Paths.Stage, "en-US", "ImageTools.dll-Help.xml")).Root!.Elements(command + "command")
            .Single(c => c.Element(command + "details")!.Element(command + "name")!.Value == name);
        string text = string.Concat(help.Element(command + "parameters")!.Elements(command + "parameter")
            .Single(p => p.Element(maml + "name")!.Value == "AsJob").Descendants(maml + "para").Select(p => p.Value));
        foreach (var phrase in new[] { "Receive-Job", "confirmed once", "-Force", "-Confirm:$false", "-WhatIf", "Stop-Job" })
            Assert.Contains(phrase, text);
        Assert.Contains(help.Descendants(command + "example"), e => e.Element(dev + "code")!.Value.Contains("-AsJob"));
    }

    [Fact]
    public void The_about_topic_covers_jobs_completion_and_sign_in_reuse()
    {
        string about = File.ReadAllText(Path.Combine(Paths.Stage, "en-US", "about_ImageTools.help.txt"));
        foreach (var heading in new[] { "BACKGROUND JOBS (-AsJob)", "TAB COMPLETION", "REUSING AN Az.Accounts SIGN-IN" })
            Assert.Contains(heading, about);
    }

    /// <summary>Parameter -> completer class, for every parameter that must complete.</summary>
    public static TheoryData<string, string, string> Completed() => new()
    {
        { "Invoke-VmGeneralize", "ResourceGroupName", "ResourceGroupCompleter" },
        { "Undo-VmGeneralize", "ResourceGroupName", "ResourceGroupCompleter" },
        { "New-CapturedImage", "ResourceGroupName", "ResourceGroupCompleter" },
        { "New-CapturedImage", "ImageResourceGroupName", "ResourceGroupCompleter" },
        { "New-CapturedImage", "Location", "LocationCompleter" },
        { "Publish-GalleryVersion", "ResourceGroupName", "ResourceGroupCompleter" },
        { "Publish-GalleryVersion", "GalleryResourceGroupName", "ResourceGroupCompleter" },
        { "Publish-GalleryVersion", "Location", "LocationCompleter" },
        { "Publish-GalleryVersion", "GalleryName", "GalleryCompleter" },
        { "Publish-GalleryVersion", "DefinitionName", "DefinitionCompleter" },
        { "Publish-GalleryVersion", "Version", "VersionCompleter" },
        { "New-VmFromImage", "ResourceGroupName", "ResourceGroupCompleter" },
        { "Import-Vhd", "ResourceGroupName", "ResourceGroupCompleter" },
        { "Import-Vhd", "Location", "LocationCompleter" },
        { "Copy-CapturedImage", "ResourceGroupName", "ResourceGroupCompleter" },
        { "Copy-CapturedImage", "TargetResourceGroupName", "ResourceGroupCompleter" },
        { "Copy-CapturedImage", "TargetLocation", "LocationCompleter" },
        { "New-VmFromImage", "ImageResourceGroupName", "ResourceGroupCompleter" },
        { "New-VmFromImage", "Location", "LocationCompleter" },
        { "Get-GalleryVersion", "ResourceGroupName", "ResourceGroupCompleter" },
        { "Get-ImageToolsOrphan", "ResourceGroupName", "ResourceGroupCompleter" },
        { "Get-GalleryVersion", "GalleryName", "GalleryCompleter" },
        { "Get-GalleryVersion", "DefinitionName", "DefinitionCompleter" },
        { "Get-GalleryVersion", "Name", "ExistingVersionCompleter" },
        { "Update-GalleryVersion", "Name", "ExistingVersionCompleter" },
        { "Update-GalleryVersion", "AddRegion", "LocationCompleter" },
        { "Update-GalleryVersion", "RemoveRegion", "LocationCompleter" },
        { "Remove-GalleryVersion", "Name", "ExistingVersionCompleter" },
        { "Remove-GalleryVersion", "GalleryName", "GalleryCompleter" },
    };

    private static Type? CompleterOf(CmdletSurface cmdlet, string parameter)
    {
        var property = cmdlet.Type.GetProperty(parameter, BindingFlags.Public | BindingFlags.Instance)!;
        var attribute = property.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.Name == "ArgumentCompleterAttribute");
        return attribute?.ConstructorArguments.Single().Value as Type;
    }

    [Theory]
    [MemberData(nameof(Completed))]
    public void Name_and_location_parameters_have_their_completer(string cmdlet, string parameter, string completer)
    {
        var type = CompleterOf(Cmdlet(cmdlet), parameter);
        Assert.NotNull(type);
        Assert.Equal("ImageTools.Completion." + completer, type!.FullName);
    }

    [Fact]
    public void Completers_are_IArgumentCompleters_PowerShell_can_create()
    {
        var contract = Surface.SmaType("IArgumentCompleter");
        var completers = Completed().Select(row => CompleterOf(Cmdlet((string)row[0]), (string)row[1])!).Distinct().ToList();
        Assert.Equal(6, completers.Count);
        foreach (var type in completers)
        {
            Assert.Contains(type.GetInterfaces(), i => i.FullName == contract.FullName);
            Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
            Assert.False(type.IsAbstract);
        }
    }

    [Fact]
    public void Every_resource_group_and_location_parameter_completes()
    {
        // A new cmdlet or parameter with such a name must not be forgotten.
        foreach (var cmdlet in Surface.Cmdlets.Where(c => c.Name != "Connect-ImageTools"))
            foreach (var parameter in cmdlet.Parameters.Where(p => p.Name.EndsWith("ResourceGroupName", StringComparison.Ordinal) || p.Name == "Location"))
                Assert.True(CompleterOf(cmdlet, parameter.Name) != null, $"{cmdlet.Name} -{parameter.Name} has no completer");
    }
}
