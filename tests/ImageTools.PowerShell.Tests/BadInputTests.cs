using System.Management.Automation;
using System.Text.RegularExpressions;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// A table of bad inputs across the cmdlets, each run through the real cmdlet against the emulator:
/// a clear ErrorRecord (its FullyQualifiedErrorId and category), no .NET exception type or stack
/// trace in what the user reads, zero ARM writes (counted by the emulator), and no password or
/// secret in any stream, record or host line. The script's statement after the refusal still runs.
/// </summary>
[Collection(EmulatorCollection.Name)]
public partial class BadInputTests(EmulatorFixture emulator)
{
    /// <summary>Secrets the rows pass; none may appear anywhere.</summary>
    private static readonly string[] Secrets = [Kit.Password, "weakpass7", "P@ssw0rd", "Sp-S3cret!value", "Lx9!secretKEY"];

    /// <summary>(name, script, FullyQualifiedErrorId's first part, category). $g is a resource group with the sources below.</summary>
    public static TheoryData<string, string, string, ErrorCategory> Rows() => new()
    {
        // Connect-ImageTools
        { "connect-missing-file", "Connect-ImageTools -EmulatorConnectionFile (Join-Path $tmp 'nope.json')", "EmulatorConnectionFileUnreadable", ErrorCategory.ObjectNotFound },
        { "connect-bad-json", "Set-Content (Join-Path $tmp 'bad.json') '{not json'; Connect-ImageTools -EmulatorConnectionFile (Join-Path $tmp 'bad.json')", "EmulatorConnectionFileInvalid", ErrorCategory.InvalidArgument },
        { "connect-unknown-subscription", "Connect-ImageTools -EmulatorConnectionFile $conn -Subscription 00000000-0000-0000-0000-00000000beef", "SubscriptionUnreachable", ErrorCategory.ObjectNotFound },
        { "connect-sp-no-tenant", "Connect-ImageTools -ServicePrincipal -Credential $spCred", "MissingCredentialParameter", ErrorCategory.InvalidArgument },
        { "connect-bad-thumbprint", "Connect-ImageTools -ServicePrincipal -ApplicationId 11111111-1111-1111-1111-111111111111 -Tenant 22222222-2222-2222-2222-222222222222 -CertificateThumbprint 'not-hex!'", "CertificateThumbprintInvalid", ErrorCategory.InvalidArgument },
        // Invoke-VmGeneralize
        { "gen-missing-vm", "Invoke-VmGeneralize -ResourceGroupName $g -Name nosuchvm -Force", "VmNotFound", ErrorCategory.ObjectNotFound },
        { "gen-missing-group", "Invoke-VmGeneralize -ResourceGroupName ($g + '-missing') -Name run01 -Force", "VmNotFound", ErrorCategory.ObjectNotFound },
        { "gen-id-of-a-disk", "Invoke-VmGeneralize -ResourceId ($vmId -replace 'virtualMachines/gen01','disks/gen01-os') -Force", "UnsupportedSourceType", ErrorCategory.InvalidArgument },
        { "gen-url-not-id", "Invoke-VmGeneralize -ResourceId ('https://portal.azure.com/#@contoso/resource' + $runId) -Force", "InvalidResourceId", ErrorCategory.InvalidArgument },
        { "gen-garbage-id", "Invoke-VmGeneralize -ResourceId 'not an id' -Force", "InvalidResourceId", ErrorCategory.InvalidArgument },
        { "gen-zero-guest-timeout", "Invoke-VmGeneralize -ResourceId $runId -GuestTimeout 0 -Force", "InvalidTimeout", ErrorCategory.InvalidArgument },
        { "gen-negative-shutdown-timeout", "Invoke-VmGeneralize -ResourceId $runId -ShutdownTimeout (New-TimeSpan -Minutes -1) -Force", "InvalidTimeout", ErrorCategory.InvalidArgument },
        { "gen-retention-zero", "Invoke-VmGeneralize -ResourceId $runId -SnapshotRetentionDays 0 -Force", "SnapshotRetentionOutOfRange", ErrorCategory.InvalidArgument },
        { "gen-retention-too-long", "Invoke-VmGeneralize -ResourceId $runId -SnapshotRetentionDays 3651 -Force", "SnapshotRetentionOutOfRange", ErrorCategory.InvalidArgument },
        { "gen-sysprep-on-linux", "Invoke-VmGeneralize -ResourceId $linRunId -Method Sysprep -Force", "SysprepOnLinux", ErrorCategory.InvalidArgument },
        // New-CapturedImage
        { "cap-not-generalized", "New-CapturedImage -ResourceId $runId", "VmNotGeneralized", ErrorCategory.InvalidOperation },
        { "cap-bad-image-name", "New-CapturedImage -ResourceId $vmId -ImageName 'bad name!'", "InvalidImageName", ErrorCategory.InvalidArgument },
        { "cap-image-name-too-long", "New-CapturedImage -ResourceId $vmId -ImageName ('i' * 81)", "InvalidImageName", ErrorCategory.InvalidArgument },
        { "cap-missing-image-group", "New-CapturedImage -ResourceId $vmId -ImageResourceGroupName ($g + '-missing')", "ImageResourceGroupNotFound", ErrorCategory.ObjectNotFound },
        { "cap-missing-source", "New-CapturedImage -ResourceGroupName $g -Name nosuchvm", "SourceNotFound", ErrorCategory.ObjectNotFound },
        { "cap-id-of-a-gallery", "New-CapturedImage -ResourceId ($vmId -replace 'virtualMachines/gen01','galleries/corp')", "UnsupportedSourceType", ErrorCategory.InvalidArgument },
        { "cap-generation-mismatch", "New-CapturedImage -ResourceId $vmId -HyperVGeneration V1", "HyperVGenerationMismatch", ErrorCategory.InvalidArgument },
        { "cap-other-location", "New-CapturedImage -ResourceId $vmId -Location westeurope", "ImageLocationMismatch", ErrorCategory.InvalidArgument },
        { "cap-missing-data-disk", "New-CapturedImage -ResourceId $snapId -OsType Windows -OsState Generalized -DataDiskSourceIds ($vmId -replace 'virtualMachines/gen01','disks/nosuchdisk')", "DataDiskNotFound", ErrorCategory.ObjectNotFound },
        { "cap-too-many-tags", "$t = @{}; 1..51 | ForEach-Object { $t[\"k$_\"] = 'v' }; New-CapturedImage -ResourceId $vmId -Tag $t", "InvalidTag", ErrorCategory.InvalidArgument },
        { "cap-tag-reserved-character", "New-CapturedImage -ResourceId $vmId -Tag @{ 'cost/center' = 'x' }", "InvalidTag", ErrorCategory.InvalidArgument },
        { "cap-tag-value-too-long", "New-CapturedImage -ResourceId $vmId -Tag @{ owner = ('x' * 257) }", "InvalidTag", ErrorCategory.InvalidArgument },
        // Publish-GalleryVersion
        { "pub-version-two-parts", Publish("-Version 1.0"), "GalleryVersionNameInvalid", ErrorCategory.InvalidArgument },
        { "pub-version-leading-zero", Publish("-Version 01.0.0"), "GalleryVersionNameInvalid", ErrorCategory.InvalidArgument },
        { "pub-version-four-parts", Publish("-Version 1.0.0.0"), "GalleryVersionNameInvalid", ErrorCategory.InvalidArgument },
        { "pub-version-overflow", Publish("-Version 2147483648.0.0"), "GalleryVersionNameInvalid", ErrorCategory.InvalidArgument },
        { "pub-gallery-name-hyphen", Publish("-Version 1.0.0", gallery: "bad-gallery"), "GalleryNameInvalid", ErrorCategory.InvalidArgument },
        { "pub-definition-name-space", Publish("-Version 1.0.0", definition: "'bad name'"), "GalleryDefinitionNameInvalid", ErrorCategory.InvalidArgument },
        { "pub-replicas-zero", Publish("-Version 1.0.0 -ReplicaCount 0"), "TargetRegionReplicaCountOutOfRange", ErrorCategory.InvalidArgument },
        { "pub-replicas-101", Publish("-Version 1.0.0 -ReplicaCount 101"), "TargetRegionReplicaCountOutOfRange", ErrorCategory.InvalidArgument },
        { "pub-region-replicas-zero", Publish("-Version 1.0.0 -TargetRegion 'eastus=0'"), "TargetRegionReplicaCountOutOfRange", ErrorCategory.InvalidArgument },
        { "pub-storage-type", Publish("-Version 1.0.0 -TargetRegion 'eastus=1=Premium_ZRS'"), "TargetRegionStorageAccountTypeInvalid", ErrorCategory.InvalidArgument },
        { "pub-unknown-region", Publish("-Version 1.0.0 -TargetRegion eastus,notaregion"), "TargetRegionNotAvailable", ErrorCategory.InvalidArgument },
        { "pub-too-many-replicas", Publish("-Version 1.0.0 -TargetRegion 'eastus=100','westeurope=1'"), "TargetRegionTooManyReplicas", ErrorCategory.InvalidArgument },
        { "pub-duplicate-region", Publish("-Version 1.0.0 -TargetRegion eastus,'East US'"), "TargetRegionDuplicate", ErrorCategory.InvalidArgument },
        { "pub-end-of-life-past", Publish("-Version 1.0.0 -EndOfLifeDate (Get-Date).AddDays(-1)"), "GalleryVersionEndOfLifeInPast", ErrorCategory.InvalidArgument },
        { "pub-zero-timeout", Publish("-Version 1.0.0 -ReplicationTimeout 0"), "InvalidTimeout", ErrorCategory.InvalidArgument },
        { "pub-missing-gallery-group", Publish("-Version 1.0.0 -GalleryResourceGroupName ($g + '-missing')"), "GalleryResourceGroupNotFound", ErrorCategory.ObjectNotFound },
        { "pub-missing-source", "Publish-GalleryVersion -ResourceGroupName $g -Name nosuchvm -GalleryName corp -DefinitionName web -Publisher p -Offer o -Sku s", "PublishSourceNotFound", ErrorCategory.ObjectNotFound },
        // New-VmFromImage
        { "vm-count-zero", Deploy("-Count 0 -Credential $cred"), "CountOutOfRange", ErrorCategory.InvalidArgument },
        { "vm-bad-name", Deploy("-Credential $cred", name: "'bad_name!'"), "VmNameInvalid", ErrorCategory.InvalidArgument },
        { "vm-weak-password", Deploy("-Credential $weak"), "AdminCredentialInvalid", ErrorCategory.InvalidArgument },
        { "vm-disallowed-password", Deploy("-Credential $disallowed"), "AdminCredentialInvalid", ErrorCategory.InvalidArgument },
        { "vm-reserved-admin-name", Deploy("-Credential $reserved"), "AdminCredentialInvalid", ErrorCategory.InvalidArgument },
        { "vm-bad-ssh-key", "New-VmFromImage -ResourceId $linImgId -ResourceGroupName $g -Name lin -SshPublicKey 'ssh-rsa not-a-key' -Credential $linCred", "AdminCredentialInvalid", ErrorCategory.InvalidArgument },
        { "vm-no-credential", Deploy(""), "OsProfileMissing", ErrorCategory.InvalidArgument },
        { "vm-missing-group", "New-VmFromImage -ResourceId $imgId -ResourceGroupName ($g + '-missing') -Name app -Credential $cred", "DeployResourceGroupNotFound", ErrorCategory.ObjectNotFound },
        { "vm-size-not-offered", Deploy("-Credential $cred -Size Standard_Nope_v9"), "VmSizeNotOffered", ErrorCategory.InvalidArgument },
        { "vm-missing-subnet", Deploy("-Credential $cred -SubnetId ($vmId -replace 'Microsoft.Compute/virtualMachines/gen01','Microsoft.Network/virtualNetworks/nonet/subnets/default')"), "SubnetNotFound", ErrorCategory.ObjectNotFound },
        { "vm-missing-image", "New-VmFromImage -ImageName nosuchimage -ImageResourceGroupName $g -ResourceGroupName $g -Name app -Credential $cred", "DeploySourceNotFound", ErrorCategory.ObjectNotFound },
        { "vm-tag-name-empty", Deploy("-Credential $cred -Tag @{ ' ' = 'x' }"), "InvalidTag", ErrorCategory.InvalidArgument },
    };

    private static string Publish(string more, string gallery = "corp", string definition = "web") =>
        $"Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName {definition} -Publisher contoso -Offer web -Sku v1 {more}";

    private static string Deploy(string more, string name = "app") =>
        $"New-VmFromImage -ResourceId $imgId -ResourceGroupName $g -Name {name} {more}";

    [GeneratedRegex(@"\b(System|Azure|Microsoft\.PowerShell|Newtonsoft)\.[A-Za-z.]*Exception\b|\bat [A-Za-z.]+\(.*\) in |   at |Exception:")]
    private static partial Regex DotNetText();

    [Fact]
    public void The_table_holds_at_least_40_bad_inputs_across_every_cmdlet()
    {
        var rows = Rows().Select(r => (string)r[1]).ToList();
        Assert.True(rows.Count >= 40, $"{rows.Count} rows");
        foreach (var cmdlet in new[] { "Connect-ImageTools", "Invoke-VmGeneralize", "New-CapturedImage", "Publish-GalleryVersion", "New-VmFromImage" })
            Assert.True(rows.Count(r => r.Contains(cmdlet, StringComparison.Ordinal)) >= 3, cmdlet);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_bad_input_is_a_clear_ErrorRecord_with_no_write_and_no_secret(string name, string script, string errorId, ErrorCategory category)
    {
        var sources = await BadInputSources.ForAsync(emulator);
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run(script + "; 'after'", sources.Variables(emulator));

        Assert.True(run.Terminating == null && run.Errors.Count == 1, $"{name}:\n{run.Describe()}");
        var error = run.Errors[0];
        var cmdlet = Regex.Match(script, @"(Connect-ImageTools|Invoke-VmGeneralize|New-CapturedImage|Publish-GalleryVersion|New-VmFromImage)").Value.Replace("-", "");
        Assert.Equal($"{errorId},ImageTools.Commands.{cmdlet}Command", error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails?.Message), $"{name}: no message");
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails?.RecommendedAction), $"{name}: no remedy");
        var shown = $"{error}\n{error.ErrorDetails?.Message}\n{error.ErrorDetails?.RecommendedAction}\n{string.Join("\n", run.HostLines.Select(l => l.Text))}";
        Assert.False(DotNetText().IsMatch(shown), $"{name}: .NET text in: {shown}");
        Assert.Equal("after", run.Output.Last().BaseObject);
        await emulator.AssertNoWritesAsync(mark);
        var all = run.AllText();
        foreach (var secret in Secrets)
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
    }
}
