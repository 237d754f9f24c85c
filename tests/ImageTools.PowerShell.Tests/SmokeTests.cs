using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ImageTools.PowerShell.Tests;

public class SmokeTests
{
    [Fact]
    public void Imports()
    {
        var iss = InitialSessionState.CreateDefault2();
        using var ps = System.Management.Automation.PowerShell.Create(iss);
        var root = typeof(SmokeTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;
        ps.AddScript($"Import-Module '{root}out/ImageTools/ImageTools.psd1' -ErrorAction Stop; (Get-Command -Module ImageTools).Name");
        var result = ps.Invoke();
        Assert.Empty(ps.Streams.Error);
        Assert.Equal(Infrastructure.Repo.ExportedCmdlets().Order(), result.Select(r => r.BaseObject.ToString()!).Order());
    }
}
