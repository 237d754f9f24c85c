using System.Globalization;
using ImageTools.Emulator;
using ImageTools.Emulator.Control;
using ImageTools.Engine;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;

namespace ImageTools.Demo;

/// <summary>
/// The main job on the embedded emulator: starts the emulator in-process, connects to it
/// through its connection file exactly as Connect-ImageTools -EmulatorConnectionFile does,
/// seeds base VMs as an admin would have configured them by hand, and runs the pipeline
/// through the engine the cmdlets call. Each step prints the PowerShell command it stands for.
///
///   dotnet run --project src/ImageTools.Demo [-- --whatif] [--operation-seconds 0.5]
/// </summary>
internal static class Program
{
    private const string ResourceGroup = "imagetools-demo";

    public static async Task<int> Main(string[] args)
    {
        var whatIf = args.Contains("--whatif", StringComparer.OrdinalIgnoreCase);
        var seconds = OptionValue(args, "--operation-seconds") ?? 0;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, OperationSeconds = seconds });
        var connectionFile = Path.Combine(Path.GetTempPath(), $"imagetools-demo-{Environment.ProcessId}.json");
        await emulator.WriteConnectionFileAsync(connectionFile);
        Console.WriteLine($"Emulator listening at {emulator.Endpoint} (connection file {connectionFile})");

        var host = new ConsoleHost(whatIf, cancel.Token);
        try
        {
            Step($"Connect-ImageTools -EmulatorConnectionFile {connectionFile}");
            var engine = await ImageToolsEngine.OpenAsync(new ConnectRequest { EmulatorConnectionFile = connectionFile }, host,
                seconds > 0 ? new EngineOptions() : EngineOptions.Fast(), cancel.Token);
            host.WriteObject(engine.Connection);

            var bases = new[]
            {
                new SeedVmRequest { ResourceGroup = ResourceGroup, Name = "web-base01", OsType = "Windows", HyperVGeneration = "V2",
                    ImageUrn = "MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest", DataDisks = 1 },
                new SeedVmRequest { ResourceGroup = ResourceGroup, Name = "legacy-base01", OsType = "Windows", HyperVGeneration = "V1",
                    ImageUrn = "MicrosoftWindowsServer:WindowsServer:2022-datacenter:latest" },
                new SeedVmRequest { ResourceGroup = ResourceGroup, Name = "app-base01", OsType = "Linux", HyperVGeneration = "V2",
                    ImageUrn = "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest" },
            };
            foreach (var vm in bases)
            {
                await emulator.Control.SeedVmAsync(vm, cancel.Token);
                Console.WriteLine($"Base VM {ResourceGroup}/{vm.Name}: {vm.ImageUrn}, running, configured by hand.");
            }

            // Windows Server 2022 Gen2: generalize, publish straight from the VM, fan out.
            await Pipeline(engine, host, whatIf, "web-base01", "web", capture: false, count: 3);
            // Windows Server 2022 Gen1: the same through a managed image.
            await Pipeline(engine, host, whatIf, "legacy-base01", "legacy", capture: true, count: 3);
            // Ubuntu 22.04 Gen2 with an SSH key.
            await Pipeline(engine, host, whatIf, "app-base01", "app", capture: false, count: 2);

            Step($"Invoke-VmGeneralize -ResourceGroupName {ResourceGroup} -Name web-base01 -Force   # rerun: converges, no write");
            await engine.GeneralizeAsync(new GeneralizeRequest { Vm = ResourceReference.FromName(ResourceGroup, "web-base01") }, host);

            var writes = (await emulator.Control.GetRequestsAsync()).Count(r => r.Method != "GET");
            Console.WriteLine($"Done: {host.Results.Count} objects, {host.Errors.Count} errors, {writes} ARM writes.");
            return host.Errors.Count == 0 ? 0 : 1;
        }
        catch (ImageToolsException e)
        {
            Console.Error.WriteLine($"ERROR [{e.RuleId}]: {e.Message}");
            if (e.Remedy != null)
                Console.Error.WriteLine($"  Remedy: {e.Remedy}");
            return 1;
        }
        finally
        {
            File.Delete(connectionFile);
        }
    }

    /// <summary>One base VM through the pipeline: generalize [| capture] | publish (2 regions) | N VMs.</summary>
    private static async Task Pipeline(ImageToolsEngine engine, ConsoleHost host, bool whatIf, string baseVm, string definition, bool capture, int count)
    {
        var w = whatIf ? " -WhatIf" : "";
        Step($"Invoke-VmGeneralize -ResourceGroupName {ResourceGroup} -Name {baseVm} -Force{w}");
        var vm = await engine.GeneralizeAsync(new GeneralizeRequest { Vm = ResourceReference.FromName(ResourceGroup, baseVm) }, host);
        if (vm == null)
            return;
        var sourceId = vm.Id;
        if (capture)
        {
            Step($"  | New-CapturedImage -ImageName {baseVm}-image{w}");
            var image = await engine.CaptureAsync(new CaptureRequest { Source = ResourceReference.FromId(vm.Id), ImageName = baseVm + "-image" }, host);
            if (image == null)
                return;
            sourceId = image.Id;
        }

        Step($"  | Publish-GalleryVersion -GalleryResourceGroupName {ResourceGroup} -GalleryName corp -DefinitionName {definition} -Publisher contoso -Offer {definition} -Sku {vm.HyperVGeneration.ToLowerInvariant()} -Version auto -TargetRegion eastus=2,westeurope{w}");
        var version = await engine.PublishAsync(new PublishRequest
        {
            Source = ResourceReference.FromId(sourceId), GalleryResourceGroupName = ResourceGroup, GalleryName = "corp", DefinitionName = definition,
            Publisher = "contoso", Offer = definition, Sku = vm.HyperVGeneration.ToLowerInvariant(), Version = "auto",
            TargetRegions = TargetRegionParser.Parse(new object?[] { "eastus=2,westeurope" }),
        }, host);
        if (version == null)
            return;

        var linux = vm.OsType == "Linux";
        Step($"  | New-VmFromImage -ResourceGroupName {ResourceGroup} -Name {definition} -Count {count} " +
            (linux ? "-SshPublicKey (Get-Content ~/.ssh/id_ed25519.pub)" : "-Credential $cred") + w);
        await engine.DeployAsync(new DeployRequest
        {
            Source = ResourceReference.FromId(version.Id), ResourceGroupName = ResourceGroup, Name = definition, Count = count,
            Credential = linux ? null : new System.Net.NetworkCredential("azureops", "Demo-Passw0rd-" + Guid.NewGuid().ToString("N")[..6]),
            SshPublicKey = linux ? "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f ops@contoso" : null,
        }, host);
    }

    private static void Step(string command)
    {
        Console.WriteLine();
        Console.WriteLine("PS> " + command);
    }

    private static double? OptionValue(string[] args, string name)
    {
        var i = Array.FindIndex(args, a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : null;
    }
}
