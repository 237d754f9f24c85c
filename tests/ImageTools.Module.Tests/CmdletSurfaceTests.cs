using System.Reflection;

namespace ImageTools.Module.Tests;

/// <summary>The cmdlets as PowerShell will see them, read from the staged ImageTools.dll.</summary>
public class CmdletSurfaceTests
{
    private static ModuleSurface Surface => ModuleSurface.Instance;

    public static TheoryData<string> CmdletNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in ModuleSurface.Instance.Cmdlets) data.Add(c.Name);
        return data;
    }

    private static CmdletSurface Cmdlet(string name) => Surface.Cmdlets.Single(c => c.Name == name);

    [Fact]
    public void The_module_has_the_lifecycle_cmdlets_the_gallery_version_and_scale_set_cmdlets_and_sign_in_and_out() =>
        Assert.Equal(new[] { "Connect-ImageTools", "Copy-CapturedImage", "Disconnect-ImageTools", "Get-GalleryVersion", "Get-ImageToolsOrphan", "Get-ImageToolsSnapshot", "Import-Vhd", "Invoke-VmGeneralize",
                "New-CapturedImage", "New-VmFromImage", "New-VmssFromImage", "Publish-GalleryVersion", "Remove-GalleryVersion", "Remove-ImageToolsOrphan", "Remove-ImageToolsSnapshot", "Undo-VmGeneralize",
                "Update-GalleryVersion", "Update-VmssImage" },
            Surface.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Verbs_are_approved(string name)
    {
        // The approved verbs are the constants of SMA's Verbs* classes (what Get-Verb lists).
        var approved = Surface.Sma.GetExportedTypes().Where(t => t.Name.StartsWith("Verbs", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.True(approved.Count > 50, "the SMA stub's verb lists were not read");
        Assert.Contains(Cmdlet(name).Verb, approved);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_that_writes_supports_ShouldProcess_and_every_cmdlet_declares_an_output_type_from_Models(string name)
    {
        var cmdlet = Cmdlet(name);
        // A Get cmdlet reads only: it has nothing to show under -WhatIf or to confirm.
        Assert.True(cmdlet.SupportsShouldProcess || cmdlet.Verb == "Get", $"{name} writes and must support -WhatIf");
        Assert.NotEmpty(cmdlet.OutputTypes);
        Assert.All(cmdlet.OutputTypes, t =>
        {
            Assert.Equal("ImageTools.Engine", t.Assembly.GetName().Name);
            Assert.Equal("ImageTools.Models", t.Namespace);
        });
    }

    [Theory]
    [InlineData("Invoke-VmGeneralize", "High")]
    [InlineData("New-CapturedImage", "Medium")]
    [InlineData("Publish-GalleryVersion", "Medium")]
    [InlineData("New-VmFromImage", "Medium")]
    [InlineData("Update-GalleryVersion", "Medium")]
    [InlineData("Remove-GalleryVersion", "High")]
    [InlineData("Disconnect-ImageTools", "Low")]
    [InlineData("Undo-VmGeneralize", "High")]
    [InlineData("Import-Vhd", "Medium")]
    [InlineData("Copy-CapturedImage", "Medium")]
    [InlineData("Remove-ImageToolsSnapshot", "High")]
    [InlineData("Get-ImageToolsSnapshot", "Low")]
    [InlineData("Remove-ImageToolsOrphan", "High")]
    [InlineData("Get-ImageToolsOrphan", "Low")]
    public void Irreversible_steps_have_high_impact_and_Force(string name, string impact)
    {
        Assert.Equal(impact, Cmdlet(name).ConfirmImpact);
        if (impact == "High" || name is "New-CapturedImage" or "Publish-GalleryVersion") // -DeleteSourceVm is asked as a high-impact step unless -Force
            Assert.Equal("SwitchParameter", Cmdlet(name).Parameter("Force").Type.Name);
    }

    [Fact]
    public void DeleteSourceVm_is_confirmed_by_the_engine_plan_step_not_by_the_cmdlet()
    {
        // One confirmation for one write: the cmdlet hands -DeleteSourceVm to the engine, whose plan
        // marks the delete high impact; the host adapter is the one place that may call ShouldContinue.
        string commands = Path.Combine(Paths.RepoRoot, "src", "ImageTools", "Commands");
        var asking = Directory.GetFiles(commands, "*.cs").Where(f => File.ReadAllText(f).Contains("ShouldContinue(")).Select(Path.GetFileName);
        Assert.Empty(asking);
        string host = File.ReadAllText(Path.Combine(Paths.RepoRoot, "src", "ImageTools", "Hosting", "Confirmation.cs"));
        Assert.Contains("public bool ConfirmHighImpact(", host);
        Assert.Contains("ShouldContinue(", host);
        string capture = File.ReadAllText(Path.Combine(Paths.RepoRoot, "src", "ImageTools.Engine", "Operations", "Capture", "CaptureOperation.cs"));
        Assert.Matches(@"AddHighImpact\([^;]*Delete the source VM", capture);
        Assert.DoesNotMatch(@"\.Add\([^;]*Delete the source VM", capture);
        string publish = File.ReadAllText(Path.Combine(Paths.RepoRoot, "src", "ImageTools.Engine", "Operations", "Publish", "PublishOperation.cs"));
        Assert.Matches(@"AddHighImpact\([^;]*Delete the source VM", publish);
        Assert.DoesNotMatch(@"\.Add\([^;]*Delete the source VM", publish);
    }

    [Fact]
    public void New_CapturedImage_takes_the_disk_source_parameters_of_its_request()
    {
        var capture = Cmdlet("New-CapturedImage");
        Assert.Equal("String[]", capture.Parameter("DataDiskSourceIds").Type.Name);
        Assert.Equal(new[] { "Linux", "Windows" }, ValidateSet(capture, "OsType"));
        Assert.Equal(new[] { "Generalized", "Specialized" }, ValidateSet(capture, "OsState"));
        // Every settable member of CaptureRequest has its parameter (Source is -ResourceId/-Name; ResourceGroupName is -ImageResourceGroupName).
        var renamed = new Dictionary<string, string> { ["Source"] = "ResourceId", ["ResourceGroupName"] = "ImageResourceGroupName", ["Tags"] = "Tag" };
        foreach (var member in Surface.Engine.GetType("ImageTools.Engine.Requests.CaptureRequest", throwOnError: true)!.GetProperties().Where(p => p.CanWrite))
            Assert.Contains(renamed.GetValueOrDefault(member.Name, member.Name), capture.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Publish_GalleryVersion_takes_a_ReplicationTimeout()
    {
        var publish = Cmdlet("Publish-GalleryVersion");
        Assert.Equal("TimeSpan", publish.Parameter("ReplicationTimeout").Type.Name);
        Assert.True(publish.Parameter("ReplicationTimeout").InSet("ById"));
        Assert.True(publish.Parameter("NoWait").InSet("ById"));
    }

    [Theory]
    [InlineData("Publish-GalleryVersion", "ReplicaCount")]   // TargetRegionReplicaCountOutOfRange, with the -TargetRegion counts
    [InlineData("New-VmFromImage", "Count")]                 // CountOutOfRange
    public void Ranges_the_engine_checks_are_not_checked_again_by_the_cmdlet(string name, string parameter)
    {
        // A range checked twice answers with two error ids (ParameterArgumentValidationError here,
        // the rule id through another parameter or caller); the engine's rule is the one place.
        var property = Cmdlet(name).Type.GetProperty(parameter)!;
        Assert.DoesNotContain(property.GetCustomAttributesData(), a => a.AttributeType.Name is "ValidateRangeAttribute" or "ValidateCountAttribute" or "ValidateLengthAttribute");
    }

    private static string[] ValidateSet(CmdletSurface cmdlet, string parameter) =>
        cmdlet.Type.GetProperty(parameter)!.GetCustomAttributesData().Single(a => a.AttributeType.Name == "ValidateSetAttribute")
            .ConstructorArguments.SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.Value!).Select(v => (string)v.Value!).OrderBy(v => v, StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("Invoke-VmGeneralize")]
    [InlineData("New-CapturedImage")]
    [InlineData("Publish-GalleryVersion")]
    [InlineData("New-VmFromImage")]
    [InlineData("Undo-VmGeneralize")]
    [InlineData("Copy-CapturedImage")]
    public void Resource_cmdlets_take_a_ResourceId_alias_Id_from_the_pipeline_and_a_SubscriptionId(string name)
    {
        var cmdlet = Cmdlet(name);
        var id = cmdlet.Parameter("ResourceId");
        Assert.Contains("Id", id.Aliases);
        var entry = Assert.Single(id.Sets);
        Assert.Equal("ById", entry.SetName);
        Assert.True(entry.Mandatory && entry.FromPipeline && entry.FromPipelineByPropertyName);
        Assert.Equal("String", id.Type.Name);
        Assert.True(cmdlet.Parameter("SubscriptionId").InSet("ById"));
        Assert.True(cmdlet.Parameter("SubscriptionId").InSet("ByName"));
    }

    [Theory]
    [InlineData("Invoke-VmGeneralize")]
    [InlineData("New-CapturedImage")]
    [InlineData("Publish-GalleryVersion")]
    [InlineData("Undo-VmGeneralize")]
    public void By_name_sets_take_ResourceGroupName_and_Name_by_position(string name)
    {
        var cmdlet = Cmdlet(name);
        Assert.Equal("ByName", cmdlet.DefaultSet);
        var rg = Assert.Single(cmdlet.Parameter("ResourceGroupName").Sets);
        var vm = Assert.Single(cmdlet.Parameter("Name").Sets);
        Assert.Equal(("ByName", true, 0), (rg.SetName, rg.Mandatory, rg.Position));
        Assert.Equal(("ByName", true, 1), (vm.SetName, vm.Mandatory, vm.Position));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Only_one_parameter_set_binds_from_the_pipeline(string name)
    {
        // PowerShell picks the set from what the pipeline object can bind; two candidate sets
        // for one object would be ambiguous. Here only the ById set takes pipeline input at all
        // (Import-Vhd's is ByPath: a file, not a resource).
        var cmdlet = Cmdlet(name);
        var pipelineSets = cmdlet.Parameters.SelectMany(p => p.Sets)
            .Where(s => s.FromPipeline || s.FromPipelineByPropertyName).Select(s => s.SetName).Distinct().ToList();
        Assert.True(pipelineSets.Count <= 1, $"{name}: {string.Join(", ", pipelineSets)}");
        Assert.DoesNotContain(CmdletSurface.AllSets, pipelineSets);
        if (pipelineSets.Count == 1)
            Assert.Equal(name == "Import-Vhd" ? "ByPath" : "ById", pipelineSets[0]);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Parameter_sets_are_distinguishable_by_their_mandatory_parameters(string name)
    {
        var cmdlet = Cmdlet(name);
        var signatures = cmdlet.SetNames.Select(set => string.Join(",", cmdlet.Parameters
            .Where(p => p.Sets.Any(s => s.SetName == set && s.Mandatory)).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal))).ToList();
        Assert.Equal(signatures.Count, signatures.Distinct().Count());
        if (cmdlet.DefaultSet != null)
            Assert.Contains(cmdlet.DefaultSet, cmdlet.SetNames);
        // No two parameters share a position within a set.
        foreach (var set in cmdlet.SetNames)
        {
            var positions = cmdlet.Parameters.SelectMany(p => p.Sets.Where(s => (s.SetName == set || s.SetName == CmdletSurface.AllSets) && s.Position >= 0)).Select(s => s.Position).ToList();
            Assert.Equal(positions.Count, positions.Distinct().Count());
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Cmdlet_classes_are_named_for_their_cmdlet(string name)
    {
        // PowerShell appends the implementing type's full name to every error id:
        // FullyQualifiedErrorId = "<RuleId>,ImageTools.Commands.<Verb><Noun>Command". Keep it predictable.
        var cmdlet = Cmdlet(name);
        Assert.Equal($"ImageTools.Commands.{cmdlet.Verb}{cmdlet.Noun}Command", cmdlet.Type.FullName);
        Assert.True(cmdlet.Type.IsSealed);
    }

    [Fact]
    public void Every_engine_failure_category_is_a_PowerShell_ErrorCategory()
    {
        // CmdletSink maps FailureCategory onto ErrorCategory by name.
        var categories = Surface.SmaType("ErrorCategory").GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToHashSet();
        // (CmdletSink.ToErrorRecord parses the member's name; ErrorRecordTests run it in PowerShell.)
        var failureCategory = Surface.Engine.GetType("ImageTools.Engine.Hosting.FailureCategory", throwOnError: true)!;
        Assert.NotEmpty(failureCategory.GetFields(BindingFlags.Public | BindingFlags.Static));
        foreach (var category in failureCategory.GetFields(BindingFlags.Public | BindingFlags.Static))
            Assert.Contains(category.Name, categories);
    }

    [Fact]
    public void Connect_has_one_set_per_way_of_signing_in()
    {
        var connect = Cmdlet("Connect-ImageTools");
        Assert.Equal(new[] { "Default", "DeviceCode", "Emulator", "ManagedIdentity", "ServicePrincipalCertificate", "ServicePrincipalSecret" },
            connect.SetNames.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("Default", connect.DefaultSet); // no switch: Azure.Identity's default chain
        Assert.Equal("PSCredential", connect.Parameter("Credential").Type.Name);
        Assert.True(connect.Parameter("Identity").Sets.Single().Mandatory);
        Assert.Contains("SubscriptionId", connect.Parameter("Subscription").Aliases);
        Assert.Contains("TenantId", connect.Parameter("Tenant").Aliases);
    }

    [Fact]
    public void Hashtable_and_credential_parameters_have_the_types_admins_expect()
    {
        foreach (var c in Surface.Cmdlets)
            foreach (var p in c.Parameters.Where(p => p.Name == "Tag"))
                Assert.Equal("System.Collections.Hashtable", p.Type.FullName);
        Assert.Equal("PSCredential", Cmdlet("New-VmFromImage").Parameter("Credential").Type.Name);
        Assert.Equal("Object[]", Cmdlet("Publish-GalleryVersion").Parameter("TargetRegion").Type.Name);
    }
}
