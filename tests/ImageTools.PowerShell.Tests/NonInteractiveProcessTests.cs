using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// A console host started with -NonInteractive has a UI but nobody to answer it: the module
/// reads the process's switches, so a confirmation that would be needed is refused with
/// ConfirmationRequired before any write.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class NonInteractiveProcessTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Pwsh_NonInteractive_refuses_a_step_that_would_prompt_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("ni-proc");
        var vm = await emulator.SeedVmAsync(group, "lin01", os: "Linux");
        var mark = await emulator.MarkAsync();
        var script = Path.Combine(Path.GetTempPath(), $"imagetools-noni-{Guid.NewGuid():N}.ps1");
        await File.WriteAllTextAsync(script, """
            param([string]$Manifest, [string]$ConnectionFile, [string]$VmId)
            Import-Module $Manifest
            $null = Connect-ImageTools -EmulatorConnectionFile $ConnectionFile
            Write-Output ('HOST=' + $Host.Name)
            Invoke-VmGeneralize -ResourceId $VmId -ErrorVariable refused -ErrorAction SilentlyContinue
            Write-Output ('REFUSED=' + $refused[0].FullyQualifiedErrorId)
            """);
        try
        {
            var result = await ChildPwsh.RunFileAsync(script,
                new[] { "-Manifest", Repo.ModuleManifest, "-ConnectionFile", emulator.ConnectionFile, "-VmId", vm.Id }, TimeSpan.FromMinutes(3));

            var diagnostics = $"exit {result.ExitCode}\nstdout:\n{result.StandardOutput}\nstderr:\n{result.StandardError}";
            Assert.True(result.ExitCode == 0, diagnostics);
            var lines = result.StandardOutput.Split('\n').Select(l => l.Trim()).ToList();
            Assert.Contains("HOST=ConsoleHost", lines);
            Assert.Contains("REFUSED=ConfirmationRequired,ImageTools.Commands.InvokeVmGeneralizeCommand", lines);
            await emulator.AssertNoWritesAsync(mark);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
