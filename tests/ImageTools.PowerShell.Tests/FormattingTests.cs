using System.Text.RegularExpressions;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Out-String of each output type uses the module's table view (ImageTools.format.ps1xml): its
/// column headers in order, the dashes under them, and no list view (which would show Id).
/// </summary>
[Collection(EmulatorCollection.Name)]
public class FormattingTests(EmulatorFixture emulator)
{
    private static string[] Lines(RunResult run, int index) =>
        ((string)run.Output[index].BaseObject).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>
    /// A table of these columns: a header block starting with the first two labels, a line of one
    /// dash group per column under it, and a row. Returns the header block and the first row.
    /// </summary>
    private static (string[] Header, string Row) AssertTable(string[] lines, params string[] headers)
    {
        var at = Array.FindIndex(lines, l => Regex.IsMatch(l, "^" + Regex.Escape(headers[0]) + @"\s+\w"));
        Assert.True(at >= 0, $"No table header starting '{headers[0]}' in:\n" + string.Join("\n", lines));
        var dashes = Array.FindIndex(lines, at, l => Regex.IsMatch(l, @"^-+(\s+-+)*\s*$"));
        Assert.True(dashes > at, "No dashes under the header in:\n" + string.Join("\n", lines));
        Assert.Equal(headers.Length, Regex.Matches(lines[dashes], "-+").Count);
        Assert.DoesNotContain(lines, l => Regex.IsMatch(l, @"^\s*Id\s+:"));
        Assert.False(string.IsNullOrWhiteSpace(lines[dashes + 1]));
        return (lines[at..dashes], lines[dashes + 1]);
    }

    private static readonly string[] ConnectionColumns = { "Environment", "SubscriptionId", "TenantId", "CredentialKind", "Account" };
    private static readonly string[] VmColumns = { "ResourceGroupName", "Name", "Location", "PowerState", "OsState", "OsType", "HyperVGeneration", "ProvisioningState" };
    private static readonly string[] ImageColumns = { "ResourceGroupName", "Name", "Location", "SourceKind", "OsType", "OsState", "HyperVGeneration", "ProvisioningState" };
    private static readonly string[] VersionColumns = { "GalleryName", "DefinitionName", "Name", "LatestIn", "OsState", "ReplicationState", "TargetRegions", "ProvisioningState" };
    private static readonly string[] RegionColumns = { "Name", "ReplicaCount", "StorageAccountType", "State", "Progress", "Details" };

    private async Task<RunResult> FormatEveryTypeAsync(PsSession ps)
    {
        var group = EmulatorFixture.NewGroup("fmt");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var run = ps.Run($"""
            $connection = Connect-ImageTools -EmulatorConnectionFile $file
            $vm = Invoke-VmGeneralize -ResourceId $vmId -Force
            $image = $vm | New-CapturedImage
            $version = $image | Publish-GalleryVersion -GalleryName {Kit.Gallery(group)} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -TargetRegion eastus,westeurope=2
            $connection | Out-String -Width 250
            $vm | Out-String -Width 250
            $image | Out-String -Width 250
            $version | Out-String -Width 250
            $version.TargetRegions | Out-String -Width 250
            """, Kit.Vars(("file", emulator.ConnectionFile), ("vmId", vm.Id))).AssertClean();
        Assert.Equal(5, run.Output.Count);
        return run;
    }

    [Fact]
    public async Task Every_output_type_formats_as_its_table_view()
    {
        using var ps = emulator.Session(new TestHost());
        var run = await FormatEveryTypeAsync(ps);

        var (_, connection) = AssertTable(Lines(run, 0), ConnectionColumns);
        Assert.StartsWith("Emulator", connection);
        Assert.Contains(emulator.SubscriptionId, connection);

        var (_, vmRow) = AssertTable(Lines(run, 1), VmColumns);
        Assert.Matches(@"^rg-ps-fmt-\w+\s+gen01\s+eastus\s+deallocated\s+Generalized\s+Windows\s+V2\s+Succeeded", vmRow);

        var (_, imageRow) = AssertTable(Lines(run, 2), ImageColumns);
        Assert.Matches(@"^rg-ps-fmt-\w+\s+gen01-image\s+eastus\s+VirtualMachine\s+Windows\s+Generalized\s+V2\s+Succeeded", imageRow);

        var (_, versionRow) = AssertTable(Lines(run, 3), VersionColumns);
        // The TargetRegions column is computed by the view's script block from the regions.
        Assert.Contains("East US=1 (Completed),", versionRow);

        var (_, regionRow) = AssertTable(Lines(run, 4), RegionColumns);
        Assert.Matches(@"^East US\s+1\s+Standard_LRS\s+Completed\s+100\b", regionRow);
    }

    [Fact]
    public async Task Every_column_header_is_printed_whole_on_the_header_line()
    {
        using var ps = emulator.Session(new TestHost());
        var run = await FormatEveryTypeAsync(ps);

        var broken = new List<string>();
        var views = new[] { ("ConnectionInfo", ConnectionColumns), ("VmInfo", VmColumns), ("ImageInfo", ImageColumns),
            ("GalleryVersionInfo", VersionColumns), ("RegionReplicationInfo", RegionColumns) };
        for (var index = 0; index < views.Length; index++)
        {
            var (view, columns) = views[index];
            var (header, _) = AssertTable(Lines(run, index), columns);
            var words = Regex.Split(header[0].Trim(), @"\s+");
            foreach (var column in columns.Where(c => !words.Contains(c)))
            {
                var start = header[0].IndexOf(column[..Math.Min(4, column.Length)], StringComparison.Ordinal);
                var pieces = header.Select(h => start < h.Length ? h[start..].Split(' ')[0] : "").Where(p => p.Length > 0);
                broken.Add($"{view}: '{column}' printed as '{string.Join("' / '", pieces)}'");
            }
        }
        Assert.True(broken.Count == 0, "Headers wider than their column are wrapped:\n" + string.Join("\n", broken));
    }
}
