using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure.ResourceManager.Resources;

namespace ImageTools.Emulator.Tests;

/// <summary>The command-line start contract scripts rely on: --port 0 --connection-file, then serve until stopped (SIGTERM, SIGINT, SIGQUIT: see ShutdownTests).</summary>
public sealed class StartContractTests
{
    [Fact]
    public async Task Emulator_process_writes_the_connection_file_and_serves_the_sdk()
    {
        var subscription = Guid.NewGuid().ToString();
        await using var emulator = EmulatorProcess.Start(new[] { "--subscription-id", subscription });
        var json = await emulator.WaitForConnectionFileAsync();
        var endpoint = new Uri(json["endpoint"]!.GetValue<string>());
        Assert.Equal("127.0.0.1", endpoint.Host);
        Assert.Equal(subscription, json["subscriptionId"]!.GetValue<string>());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(emulator.ConnectionFile)!, "*.tmp"));

        var client = TestArm.CreateClient(endpoint, json["certificateThumbprint"]!.GetValue<string>(), subscription);
        var sub = (await client.GetDefaultSubscriptionAsync());
        Assert.Equal(subscription, sub.Data.SubscriptionId);
        Assert.Equal(json["tenantId"]!.GetValue<string>(), sub.Data.TenantId?.ToString());
    }

    [Fact]
    public async Task Bad_arguments_exit_with_usage()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(EmulatorProcess.Dll);
        info.ArgumentList.Add("--bogus");
        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Usage", stderr);
    }
}
