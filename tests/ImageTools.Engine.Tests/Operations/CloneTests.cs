using ImageTools.Emulator.Control;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Operations;

/// <summary>
/// Invoke-VmGeneralize -Clone through the engine against the emulator: the source is only read
/// (no write to its path, its disks, tags and guest as they were), the clone is built on copies
/// of its disks in an isolated network and generalized, each part tagged with the source's id.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class CloneTests(EmulatorFixture emulator)
{
    private static string Tag(System.Text.Json.JsonElement resource, string name) =>
        resource.TryGetProperty("tags", out var tags) && tags.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    [Theory]
    [InlineData("Windows", "V2", "TrustedLaunch")]
    [InlineData("Linux", "V1", "Standard")]
    public async Task The_clone_is_generalized_and_the_running_source_is_only_read(string os, string generation, string security)
    {
        var group = EmulatorFixture.NewGroup("clone-" + os.ToLowerInvariant());
        var source = await emulator.SeedVmAsync(group, "golden01", os: os, generation: generation,
            configure: r => { r.DataDisks = 1; r.SecurityType = security; r.Tags = new Dictionary<string, string> { ["owner"] = "ops" }; });
        var before = await emulator.Control.GetRequestsAsync();
        var sourceBefore = await emulator.GetArmAsync(source.Id);
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();

        var clone = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "golden01", r => r.Clone = true), host);

        Assert.NotNull(clone);
        Assert.Equal("golden01-clone", clone!.Name);
        Assert.Equal("Generalized", clone.OsState);
        Assert.Equal(source.Id, clone.CloneOfVmId, ignoreCase: true);
        Assert.Equal(security, clone.SecurityType);
        Assert.Equal(generation, clone.HyperVGeneration);

        // The source: no write on its path, the same model (disks, tags), still running, never generalized.
        var writes = await emulator.AllWritesAsync(mark);
        Assert.DoesNotContain(writes, w => w.Path.Contains("/virtualMachines/golden01/", StringComparison.OrdinalIgnoreCase)
            || w.Path.EndsWith("/virtualMachines/golden01", StringComparison.OrdinalIgnoreCase));
        var sourceAfter = await emulator.GetArmAsync(source.Id);
        Assert.Equal(sourceBefore.GetProperty("properties").GetProperty("storageProfile").ToString(),
            sourceAfter.GetProperty("properties").GetProperty("storageProfile").ToString());
        Assert.Equal(sourceBefore.GetProperty("tags").ToString(), sourceAfter.GetProperty("tags").ToString());
        var guest = await emulator.Control.GetGuestAsync(group, "golden01");
        Assert.Equal("running", guest.PowerState);
        Assert.False(guest.Generalized);
        Assert.Empty(guest.Scripts ?? new List<string>());

        // The clone's parts: copies of both disks, an isolated network without public IP, the snapshots gone.
        var cloneVm = await emulator.GetArmAsync(clone.Id);
        Assert.Equal(source.Id, Tag(cloneVm, "imagetools-clone-of"), ignoreCase: true);
        var storage = cloneVm.GetProperty("properties").GetProperty("storageProfile");
        Assert.EndsWith("/disks/golden01-clone-os", storage.GetProperty("osDisk").GetProperty("managedDisk").GetProperty("id").GetString());
        Assert.EndsWith("/disks/golden01-clone-lun0", storage.GetProperty("dataDisks")[0].GetProperty("managedDisk").GetProperty("id").GetString());
        var nicId = Assert.Single(clone.NetworkInterfaceIds);
        var nic = await emulator.GetArmAsync(nicId, "2023-09-01");
        Assert.Equal(clone.Id, Tag(nic, "imagetools-owner"), ignoreCase: true);
        var ipConfig = nic.GetProperty("properties").GetProperty("ipConfigurations")[0].GetProperty("properties");
        Assert.False(ipConfig.TryGetProperty("publicIPAddress", out _));
        Assert.Contains("/virtualNetworks/golden01-clone-isolated-vnet/subnets/isolated", ipConfig.GetProperty("subnet").GetProperty("id").GetString());
        var vnet = await emulator.GetArmAsync($"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Network/virtualNetworks/golden01-clone-isolated-vnet", "2023-09-01");
        Assert.Equal(source.Id, Tag(vnet, "imagetools-clone-of"), ignoreCase: true);
        Assert.Equal(0, vnet.GetProperty("properties").TryGetProperty("virtualNetworkPeerings", out var peerings) ? peerings.GetArrayLength() : 0);
        Assert.False(await emulator.ExistsArmAsync($"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/snapshots/golden01-clone-os-source"));
        var cloneGuest = await emulator.Control.GetGuestAsync(group, "golden01-clone");
        Assert.True(cloneGuest.Generalized);
        Assert.Contains(cloneGuest.Scripts!, s => os == "Windows" ? s.Contains("Sysprep.exe") : s.Contains("waagent -deprovision+user -force"));
        Assert.Contains(host.Verbose, v => v.Contains("'golden01' was only read"));
        Assert.Single(host.Objects.OfType<VmInfo>());
        Assert.NotEmpty(before);
    }

    [Fact]
    public async Task WhatIf_lists_the_clone_steps_and_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("clone-whatif");
        await emulator.SeedVmAsync(group, "golden01");
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost { IsWhatIf = true };

        var result = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "golden01", r => r.Clone = true), host);

        Assert.Null(result);
        await emulator.AssertNoWritesAsync(group, mark);
        var actions = host.ShouldProcessCalls.Select(c => c.Action).ToList();
        Assert.Contains(actions, a => a.StartsWith("Snapshot disk") && a.Contains("of the running VM 'golden01' (it is not stopped)"));
        Assert.Contains(actions, a => a.StartsWith("Create the isolated virtual network 'golden01-clone-isolated-vnet'"));
        Assert.Contains(actions, a => a == "Create NIC 'golden01-clone-nic' in it (no public IP)");
        Assert.Contains(actions, a => a.StartsWith("Create the clone VM 'golden01-clone'"));
        Assert.Contains(actions, a => a.Contains("Sysprep") && a.Contains("in the clone"));
        Assert.Contains(actions, a => a == "Mark the clone generalized");
        Assert.DoesNotContain(host.ShouldProcessCalls, c => c.Target.EndsWith("/virtualMachines/golden01", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_failed_sysprep_in_the_clone_leaves_the_source_alone_and_a_rerun_reuses_the_clone()
    {
        var group = EmulatorFixture.NewGroup("clone-rerun");
        await emulator.SeedVmAsync(group, "golden01");
        await emulator.Control.SetGuestAsync(group, "golden01-clone", new GuestTraits { SysprepOutcome = "failed" });

        var failed = await Assert.ThrowsAsync<ImageToolsException>(() =>
            emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "golden01", r => r.Clone = true), new RecordingHost()));
        Assert.StartsWith("Sysprep", failed.RuleId);
        Assert.Equal("running", (await emulator.Control.GetGuestAsync(group, "golden01")).PowerState);

        await emulator.Control.SetGuestAsync(group, "golden01-clone", new GuestTraits { SysprepOutcome = "ok", ImageState = "IMAGE_STATE_COMPLETE" });
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();
        var clone = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "golden01", r => r.Clone = true), host);

        Assert.Equal("Generalized", clone!.OsState);
        Assert.Contains(host.Verbose, v => v.Contains("exists from an earlier run; it is generalized as it is"));
        var writes = await emulator.AllWritesAsync(mark);
        Assert.DoesNotContain(writes, w => w.Method == "PUT" && (w.Path.Contains("/disks/") || w.Path.Contains("/snapshots/") || w.Path.Contains("/virtualMachines/")));
    }
}
