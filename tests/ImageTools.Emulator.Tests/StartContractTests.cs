using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure.ResourceManager.Resources;

namespace ImageTools.Emulator.Tests;

/// <summary>The command-line start contract scripts rely on: --port 0 --connection-file, then serve until killed.</summary>
public sealed class StartContractTests
{
    [Fact]
    public async Task Emulator_process_writes_the_connection_file_and_serves_the_sdk()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ImageTools.Emulator.dll");
        Assert.True(File.Exists(dll), dll);
        var dir = Directory.CreateTempSubdirectory("emu-start-");
        var connectionFile = Path.Combine(dir.FullName, "connection.json");
        var subscription = Guid.NewGuid().ToString();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "--port", "0", "--connection-file", connectionFile, "--subscription-id", subscription }) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!File.Exists(connectionFile) && DateTime.UtcNow < deadline && !process.HasExited) await Task.Delay(100);
            Assert.True(File.Exists(connectionFile), "connection file not written: " + (process.HasExited ? await process.StandardError.ReadToEndAsync() : "timeout"));
            var json = JsonNode.Parse(await File.ReadAllTextAsync(connectionFile))!;
            var endpoint = new Uri(json["endpoint"]!.GetValue<string>());
            Assert.Equal("127.0.0.1", endpoint.Host);
            Assert.Equal(subscription, json["subscriptionId"]!.GetValue<string>());
            Assert.Empty(Directory.GetFiles(dir.FullName, "*.tmp"));

            var client = TestArm.CreateClient(endpoint, json["certificateThumbprint"]!.GetValue<string>(), subscription);
            var sub = (await client.GetDefaultSubscriptionAsync());
            Assert.Equal(subscription, sub.Data.SubscriptionId);
            Assert.Equal(json["tenantId"]!.GetValue<string>(), sub.Data.TenantId?.ToString());
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Bad_arguments_exit_with_usage()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ImageTools.Emulator.dll"));
        info.ArgumentList.Add("--bogus");
        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Usage", stderr);
    }
}
