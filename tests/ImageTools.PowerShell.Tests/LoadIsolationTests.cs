using System.Text.Json;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// The engine and its Azure libraries load into the module's own EngineLoadContext, never the
/// default context, so the module works beside other versions of Azure.Core, Azure.Identity,
/// System.ClientModel and MSAL that another module (Az.Accounts) loaded first.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class LoadIsolationTests(EmulatorFixture emulator)
{
    /// <summary>What the load contexts hold, read in PowerShell from an engine output object's assembly.</summary>
    private const string DescribeContexts = """
        function Get-LoadedCopy($context, $name) {
            $assembly = $context.Assemblies | Where-Object { $_.GetName().Name -eq $name } | Select-Object -First 1
            if ($assembly) { [ordered]@{ Version = $assembly.GetName().Version.ToString(); Location = $assembly.Location } }
        }
        function Get-ContextReport($engineObject) {
            $engine = $engineObject.GetType().Assembly
            $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine)
            $default = [System.Runtime.Loader.AssemblyLoadContext]::Default
            $names = 'Azure.Core', 'Azure.Identity', 'System.ClientModel', 'Microsoft.Identity.Client'
            $inEngine = [ordered]@{}; $inDefault = [ordered]@{}
            foreach ($name in $names) { $inEngine[$name] = Get-LoadedCopy $context $name; $inDefault[$name] = Get-LoadedCopy $default $name }
            [ordered]@{
                EngineAssembly    = $engine.GetName().Name
                EngineLocation    = $engine.Location
                ContextType       = $context.GetType().FullName
                ContextIsDefault  = [object]::ReferenceEquals($context, $default)
                EngineContext     = $inEngine
                DefaultContext    = $inDefault
            } | ConvertTo-Json -Depth 5 -Compress
        }
        """;

    private static JsonElement? Copy(JsonElement report, string context, string name)
    {
        var element = report.GetProperty(context).GetProperty(name);
        return element.ValueKind == JsonValueKind.Null ? null : element;
    }

    private static void AssertEngineIsolated(JsonElement report)
    {
        Assert.Equal("ImageTools.Engine", report.GetProperty("EngineAssembly").GetString());
        Assert.Equal("ImageTools.Loading.EngineLoadContext", report.GetProperty("ContextType").GetString());
        Assert.False(report.GetProperty("ContextIsDefault").GetBoolean());
        Assert.Equal(Path.Combine(Repo.Dependencies, "ImageTools.Engine.dll"), report.GetProperty("EngineLocation").GetString());
        var core = Copy(report, "EngineContext", "Azure.Core");
        Assert.True(core.HasValue, "Azure.Core is loaded in the engine's context");
        Assert.Equal(Path.Combine(Repo.Dependencies, "Azure.Core.dll"), core.Value.GetProperty("Location").GetString());
        Assert.Equal("1.40.0.0", core.Value.GetProperty("Version").GetString());
        // Whatever else of the Azure stack the engine's context holds comes from the module's Dependencies.
        foreach (var name in new[] { "Azure.Identity", "System.ClientModel", "Microsoft.Identity.Client" })
            if (Copy(report, "EngineContext", name) is JsonElement copy)
                Assert.Equal(Path.Combine(Repo.Dependencies, name + ".dll"), copy.GetProperty("Location").GetString());
    }

    [Fact]
    public async Task In_this_process_the_engine_and_its_Azure_Core_live_in_EngineLoadContext_not_the_default_context()
    {
        var group = EmulatorFixture.NewGroup("iso-here");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run(DescribeContexts + "\n$image = New-CapturedImage -ResourceId $vmId; Get-ContextReport $image", Kit.Vars(("vmId", vm.Id))).AssertClean();

        AssertEngineIsolated(JsonDocument.Parse((string)run.Output.Single().BaseObject).RootElement);
    }

    [Fact]
    public async Task Other_versions_of_the_Azure_libraries_loaded_first_do_not_stop_the_module_in_a_fresh_pwsh()
    {
        var group = EmulatorFixture.NewGroup("iso-child");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var preload = new[]
        {
            ("azure.core", "1.47.1", "Azure.Core"),
            ("system.clientmodel", "1.5.1", "System.ClientModel"),
            ("microsoft.identity.client", "4.73.1", "Microsoft.Identity.Client"),
            ("azure.identity", "1.14.2", "Azure.Identity"),
        }.Select(p => Path.Combine(Repo.NuGetPackageRoot, p.Item1, p.Item2, "lib", "net8.0", p.Item3 + ".dll")).ToArray();
        Assert.All(preload, path => Assert.True(File.Exists(path), $"{path} was downloaded by this project's PackageDownload items"));

        var script = Path.Combine(Path.GetTempPath(), $"imagetools-isolation-{Guid.NewGuid():N}.ps1");
        await File.WriteAllTextAsync(script, """
            param([string]$Manifest, [string]$ConnectionFile, [string]$VmId, [string]$Preload)
            $ErrorActionPreference = 'Stop'
            # As Az.Accounts does: its own copies, loaded into the default context and in use.
            foreach ($path in $Preload.Split(';')) { $null = [System.Reflection.Assembly]::LoadFrom($path) }
            $null = [Azure.Core.AzureLocation]::new('eastus')
            Import-Module $Manifest
            $null = Connect-ImageTools -EmulatorConnectionFile $ConnectionFile
            $image = New-CapturedImage -ResourceId $VmId
            """ + "\n" + DescribeContexts + """

            Write-Output ('IMAGE=' + $image.Id)
            Write-Output ('REPORT=' + (Get-ContextReport $image))
            """);
        try
        {
            var result = await ChildPwsh.RunFileAsync(script,
                new[] { "-Manifest", Repo.ModuleManifest, "-ConnectionFile", emulator.ConnectionFile, "-VmId", vm.Id, "-Preload", string.Join(";", preload) },
                TimeSpan.FromMinutes(3));

            var diagnostics = $"exit {result.ExitCode}\nstdout:\n{result.StandardOutput}\nstderr:\n{result.StandardError}";
            Assert.True(result.ExitCode == 0, diagnostics);
            var lines = result.StandardOutput.Split('\n').Select(l => l.Trim()).ToList();
            var imageId = lines.Single(l => l.StartsWith("IMAGE=", StringComparison.Ordinal))["IMAGE=".Length..];
            var report = JsonDocument.Parse(lines.Single(l => l.StartsWith("REPORT=", StringComparison.Ordinal))["REPORT=".Length..]).RootElement;

            AssertEngineIsolated(report);
            // The other copies stayed where they were loaded, at their own versions.
            Assert.Equal("1.47.1.0", Copy(report, "DefaultContext", "Azure.Core")!.Value.GetProperty("Version").GetString());
            Assert.Equal(preload[0], Copy(report, "DefaultContext", "Azure.Core")!.Value.GetProperty("Location").GetString());
            Assert.Equal(preload[3], Copy(report, "DefaultContext", "Azure.Identity")!.Value.GetProperty("Location").GetString());
            Assert.Equal(preload[2], Copy(report, "DefaultContext", "Microsoft.Identity.Client")!.Value.GetProperty("Location").GetString());
            // The cmdlet really ran against the emulator.
            Assert.Equal(vm.Id, (await emulator.GetAsync(imageId)).Str("properties", "sourceVirtualMachine", "id"), ignoreCase: true);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
