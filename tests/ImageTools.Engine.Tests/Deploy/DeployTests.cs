using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Deploy;

/// <summary>New-VmFromImage end to end: sources, fan-out, network, reruns and -WhatIf.</summary>
[Collection(EmulatorCollection.Name)]
public class DeployTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Three_VMs_from_a_gallery_version_each_with_a_NIC_in_one_run_VNet_and_no_public_IP()
    {
        var group = EmulatorFixture.NewGroup("dep-gv");
        var version = await DeployKit.VersionAsync(emulator, group);
        var mark = await emulator.MarkAsync();

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, version.Id, "web", 3, r => r.Tags["env"] = "test"));

        Assert.Empty(host.Errors);
        var vms = DeployKit.Vms(host).OrderBy(v => v.Name).ToList();
        Assert.Equal(new[] { "web-01", "web-02", "web-03" }, vms.Select(v => v.Name));
        Assert.All(vms, v =>
        {
            Assert.Equal(version.Id, v.SourceImageId, ignoreCase: true);
            Assert.Equal("Succeeded", v.ProvisioningState);
            Assert.Equal("running", v.PowerState);
            Assert.Equal("eastus", v.Location);
            Assert.Equal("test", v.Tags["env"]);
            Assert.Equal(v.Name, v.ComputerName);
            Assert.EndsWith("/networkInterfaces/" + v.Name + "-nic", Assert.Single(v.NetworkInterfaceIds), StringComparison.OrdinalIgnoreCase);
        });
        var writes = await emulator.WritesAsync(group, mark);
        Assert.Single(writes, w => w.Path.Contains("/virtualNetworks/", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, writes.Count(w => w.Path.Contains("/networkInterfaces/", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(3, writes.Count(w => w.Path.Contains("/virtualMachines/", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(writes, w => w.Path.Contains("/publicIPAddresses/", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(DeployKit.Password, DeployKit.Streams(host));
    }

    [Fact]
    public async Task Three_VMs_from_a_managed_image()
    {
        var group = EmulatorFixture.NewGroup("dep-img");
        var image = await DeployKit.ImageAsync(emulator, group);

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "app", 3));

        Assert.Empty(host.Errors);
        var vms = DeployKit.Vms(host);
        Assert.Equal(3, vms.Count);
        Assert.All(vms, v => Assert.Equal(image, v.SourceImageId, ignoreCase: true));
        Assert.Equal(3, vms.Select(v => v.ComputerName).Distinct().Count());
    }

    [Fact]
    public async Task Growing_the_count_creates_only_the_new_VMs_and_reuses_the_run_VNet()
    {
        var group = EmulatorFixture.NewGroup("dep-grow");
        var image = await DeployKit.ImageAsync(emulator, group);
        await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "app", 2));
        var mark = await emulator.MarkAsync();

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "app", 3));

        Assert.Equal(3, DeployKit.Vms(host).Count);
        Assert.Equal(new[] { "app-03" }, await DeployKit.VmPutsAsync(emulator, group, mark));
        Assert.DoesNotContain(await emulator.WritesAsync(group, mark), w => w.Path.Contains("/virtualNetworks/", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WhatIf_shows_every_VM_NIC_and_the_VNet_and_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("dep-whatif");
        var image = await DeployKit.ImageAsync(emulator, group);
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost { IsWhatIf = true };

        await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "app", 3, r => r.PublicIp = true), host);

        await emulator.AssertNoWritesAsync(group, mark);
        Assert.Empty(host.Objects);
        var targets = host.ShouldProcessCalls.Select(c => c.Target).ToList();
        Assert.Single(targets, t => t.EndsWith("/virtualNetworks/imagetools-vnet-eastus", StringComparison.OrdinalIgnoreCase));
        foreach (var name in new[] { "app-01", "app-02", "app-03" })
        {
            Assert.Single(targets, t => t.EndsWith("/virtualMachines/" + name, StringComparison.OrdinalIgnoreCase));
            Assert.Single(targets, t => t.EndsWith("/networkInterfaces/" + name + "-nic", StringComparison.OrdinalIgnoreCase));
            Assert.Single(targets, t => t.EndsWith("/publicIPAddresses/" + name + "-ip", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task WhatIf_reports_every_finding_without_writing()
    {
        var group = EmulatorFixture.NewGroup("dep-whatif-f");
        var image = await DeployKit.ImageAsync(emulator, group);
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost { IsWhatIf = true };

        await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "123456789012345", 1, r => { r.Credential = null; r.VmSize = "Standard_Nope"; }), host);

        await emulator.AssertNoWritesAsync(group, mark);
        var ids = host.Errors.Select(e => e.RuleId).ToList();
        Assert.Contains("OsProfileMissing", ids);
        Assert.Contains("VmSizeNotOffered", ids);
        Assert.Contains("ComputerNameInvalid", ids);
    }

    [Fact]
    public async Task An_existing_subnet_is_used_and_no_VNet_is_made()
    {
        var group = EmulatorFixture.NewGroup("dep-subnet");
        var image = await DeployKit.ImageAsync(emulator, group);
        // The seeded VM of the image's source brought a VNet "seed-vnet-eastus" with a subnet "default".
        var subnet = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Network/virtualNetworks/seed-vnet-eastus/subnets/default";
        var mark = await emulator.MarkAsync();

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "app", 1, r => r.SubnetId = subnet));

        Assert.Empty(host.Errors);
        Assert.Single(DeployKit.Vms(host));
        var writes = await emulator.WritesAsync(group, mark);
        Assert.DoesNotContain(writes, w => w.Path.Contains("/virtualNetworks/", StringComparison.OrdinalIgnoreCase));
        Assert.Single(writes, w => w.Path.EndsWith("/networkInterfaces/app-nic", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task PublicIp_makes_one_address_per_VM_on_its_NIC()
    {
        var group = EmulatorFixture.NewGroup("dep-pip");
        var image = await DeployKit.ImageAsync(emulator, group);
        var mark = await emulator.MarkAsync();

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "app", 2, r => r.PublicIp = true));

        Assert.Empty(host.Errors);
        var writes = await emulator.WritesAsync(group, mark);
        Assert.Equal(2, writes.Count(w => w.Method == "PUT" && w.Path.Contains("/publicIPAddresses/", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_TrustedLaunch_definition_gives_TrustedLaunch_VMs()
    {
        var group = EmulatorFixture.NewGroup("dep-tl");
        var vmId = await PublishKitVm(group, "TrustedLaunch");
        var version = await DeployKit.VersionAsync(emulator, group, sourceId: vmId, configure: r => r.SecurityType = "TrustedLaunch");

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, version.Id, "tl"));

        Assert.Empty(host.Errors);
        Assert.Equal("TrustedLaunch", Assert.Single(DeployKit.Vms(host)).SecurityType);
    }

    [Fact]
    public async Task A_Linux_source_takes_an_SSH_key_without_a_password()
    {
        var group = EmulatorFixture.NewGroup("dep-linux");
        var vmId = await PublishKitVm(group, "Standard", os: "Linux");
        var version = await DeployKit.VersionAsync(emulator, group, sourceId: vmId, configure: r => { r.OsType = "Linux"; r.Sku = "linux"; });

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, version.Id, "lnx", 2, r => { r.Credential = null; r.SshPublicKey = DeployKit.SshKey; }));

        Assert.Empty(host.Errors);
        Assert.All(DeployKit.Vms(host), v => Assert.Equal("Linux", v.OsType));
    }

    [Fact]
    public async Task Declining_the_plan_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("dep-decline");
        var image = await DeployKit.ImageAsync(emulator, group);
        var mark = await emulator.MarkAsync();

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "app", 2), new RecordingHost { Confirm = false });

        Assert.Empty(host.Objects);
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task Ctrl_C_during_the_fan_out_stops_the_run_naming_how_to_resume()
    {
        var group = EmulatorFixture.NewGroup("dep-cancel");
        var image = await DeployKit.ImageAsync(emulator, group);
        RecordingHost host = null!;
        host = new RecordingHost { OnVerbose = m => { if (m.Contains("creating the VM")) host.Cancel(); } };

        var e = await Assert.ThrowsAsync<ImageTools.Engine.Hosting.ImageToolsException>(() =>
            emulator.Engine.DeployAsync(DeployKit.Request(group, image, "app", 4, r => r.ThrottleLimit = 1), host));

        Assert.Equal("OperationStopped", e.RuleId);
        Assert.Contains("Rerun the same command", e.Remedy);
        Assert.True(DeployKit.Vms(host).Count < 4);
    }

    private async Task<string> PublishKitVm(string group, string security, string os = "Windows") =>
        await Publish.PublishKit.GeneralizedVmAsync(emulator, group, "src-" + Guid.NewGuid().ToString("N")[..6], os: os, security: security);
}
