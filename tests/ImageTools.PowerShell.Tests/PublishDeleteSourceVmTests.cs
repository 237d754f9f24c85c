using ImageTools.Emulator.Control;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Publish-GalleryVersion -DeleteSourceVm through the real cmdlets: a -Clone run's clone is deleted
/// with its disks, NIC and isolated network only once the version reads Succeeded in every target
/// region (a failed region leaves it all), while the golden VM keeps running unchanged and a fleet
/// is built from the version; -WhatIf names every delete; a source that is not a VM, or -NoWait, is
/// refused before any write. A clone's network with something else attached is left and named.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class PublishDeleteSourceVmTests(EmulatorFixture emulator)
{
    private static string Publish(string gallery) =>
        $"Publish-GalleryVersion -GalleryName {gallery} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -Version 1.0.0 -TargetRegion eastus,westeurope";

    private string Prefix(string group) => $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers";

    private async Task<bool[]> CloneParts(string group)
    {
        var prefix = Prefix(group);
        return
        [
            await emulator.ExistsAsync($"{prefix}/Microsoft.Compute/virtualMachines/golden01-clone"),
            await emulator.ExistsAsync($"{prefix}/Microsoft.Compute/disks/golden01-clone-os"),
            await emulator.ExistsAsync($"{prefix}/Microsoft.Compute/disks/golden01-clone-lun0"),
            await emulator.ExistsAsync($"{prefix}/Microsoft.Network/networkInterfaces/golden01-clone-nic", "2023-09-01"),
            await emulator.ExistsAsync($"{prefix}/Microsoft.Network/virtualNetworks/golden01-clone-isolated-vnet", "2023-09-01"),
        ];
    }

    [Fact]
    public async Task The_clone_goes_with_its_disks_nic_and_network_once_every_region_is_replicated_and_the_version_reaches_a_fleet()
    {
        var group = EmulatorFixture.NewGroup("pub-del");
        var source = await emulator.SeedVmAsync(group, "golden01", configure: r => { r.DataDisks = 1; r.SecurityType = "Standard"; });
        var before = await emulator.GetAsync(source.Id);
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run(
            $"$version = Invoke-VmGeneralize -ResourceGroupName {group} -Name golden01 -Clone -Force | {Publish(Kit.Gallery(group))} -DeleteSourceVm -Force -Verbose").AssertClean();
        var requests = await emulator.RequestsAsync(mark);
        var fleet = ps.Run($"$version | New-VmFromImage -ResourceGroupName {group} -Name web -Count 2 -Credential $cred", Kit.Vars(("cred", Kit.Credential()))).AssertClean();

        Assert.Equal(2, fleet.OutputOf("VmInfo").Count(v => RunResult.Prop(v, "PowerState") == "running"));
        Assert.All(await CloneParts(group), Assert.False);
        Assert.Contains(run.Verbose, v => v.StartsWith("Deleted VM 'golden01-clone' and network interface 'golden01-clone-nic', isolated virtual network 'golden01-clone-isolated-vnet'", StringComparison.Ordinal));
        // The clone's delete came after Publish's replication reads (every region Completed is what ends them), never before.
        var lastReplicationRead = requests.FindLastIndex(r => r.Method == "GET" && r.Path.Contains("/versions/1.0.0", StringComparison.OrdinalIgnoreCase)
            && r.Query.Contains("ReplicationStatus", StringComparison.OrdinalIgnoreCase));
        var cloneDelete = requests.FindIndex(r => r.Method == "DELETE" && r.Path.TrimEnd('/').EndsWith("/virtualMachines/golden01-clone", StringComparison.OrdinalIgnoreCase));
        Assert.True(lastReplicationRead >= 0 && cloneDelete > lastReplicationRead, $"replication read #{lastReplicationRead}, clone delete #{cloneDelete}");

        Assert.DoesNotContain(requests, r => r.Method != "GET" && r.Path.TrimEnd('/').Split('/').Contains("golden01"));
        var after = await emulator.GetAsync(source.Id);
        Assert.Equal(before.GetProperty("properties").GetProperty("storageProfile").ToString(), after.GetProperty("properties").GetProperty("storageProfile").ToString());
        Assert.Equal("running", (await emulator.Control.GetGuestAsync(group, "golden01")).PowerState);
    }

    [Fact]
    public async Task A_region_that_fails_to_replicate_leaves_the_clone_and_everything_it_owns()
    {
        var group = EmulatorFixture.NewGroup("pub-del-fail");
        await emulator.SeedVmAsync(group, "golden01", configure: r => { r.DataDisks = 1; r.SecurityType = "Standard"; });
        using var ps = emulator.Session(new TestHost());
        ps.Run($"$clone = Invoke-VmGeneralize -ResourceGroupName {group} -Name golden01 -Clone -Force").AssertClean();
        await emulator.Control.SetReplicationAsync(new ReplicationSettings { FailRegions = { ["westeurope"] = "Quota exceeded" } });
        try
        {
            var run = ps.Run($"$clone | {Publish(Kit.Gallery(group))} -DeleteSourceVm -Force");

            Assert.Equal("GalleryReplicationFailed,ImageTools.Commands.PublishGalleryVersionCommand", Assert.Single(run.Errors).FullyQualifiedErrorId);
            Assert.All(await CloneParts(group), Assert.True);
        }
        finally
        {
            await emulator.Control.SetReplicationAsync(new ReplicationSettings());
        }
    }

    [Fact]
    public async Task WhatIf_names_every_delete_and_a_source_that_is_not_a_VM_or_NoWait_is_refused_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("pub-del-plan");
        await emulator.SeedVmAsync(group, "golden01", configure: r => { r.DataDisks = 1; r.SecurityType = "Standard"; });
        using var ps = emulator.Session(new TestHost());
        var gallery = Kit.Gallery(group);
        ps.Run($"$clone = Invoke-VmGeneralize -ResourceGroupName {group} -Name golden01 -Clone -Force; " +
               $"$image = $clone | New-CapturedImage -ImageName golden-img").AssertClean();
        var mark = await emulator.MarkAsync();

        var whatIf = ps.Run($"$clone | {Publish(gallery)} -DeleteSourceVm -WhatIf").AssertClean();
        var delete = Assert.Single(Kit.Operations(whatIf.WhatIfLines), s => s.Action.StartsWith("Delete the source VM once the version reads Succeeded in every target region", StringComparison.Ordinal));
        foreach (var part in new[] { "OS disk 'golden01-clone-os'", "data disk (LUN 0) 'golden01-clone-lun0'", "network interface 'golden01-clone-nic'", "isolated virtual network 'golden01-clone-isolated-vnet'" })
            Assert.Contains(part, delete.Action, StringComparison.Ordinal);

        var notVm = ps.Run($"$image | {Publish(gallery)} -DeleteSourceVm -Force; 'next'");
        var error = Assert.Single(notVm.Errors);
        Assert.Equal("PublishDeleteSourceNotVm,ImageTools.Commands.PublishGalleryVersionCommand", error.FullyQualifiedErrorId);
        Assert.Contains("managed image", error.ErrorDetails.Message);
        Assert.Equal("next", notVm.Output.Last().BaseObject);

        var noWait = ps.Run($"$clone | {Publish(gallery)} -DeleteSourceVm -NoWait -Force");
        Assert.Equal("PublishDeleteSourceNoWait,ImageTools.Commands.PublishGalleryVersionCommand", Assert.Single(noWait.Errors).FullyQualifiedErrorId);
        await emulator.AssertNoWritesAsync(mark);
    }

    [Fact]
    public async Task A_clone_network_with_another_NIC_attached_is_left_and_named_while_the_clone_goes()
    {
        var group = EmulatorFixture.NewGroup("del-vnet-used");
        await emulator.SeedVmAsync(group, "golden01", configure: r => r.SecurityType = "Standard");
        using var ps = emulator.Session(new TestHost());
        ps.Run($"$clone = Invoke-VmGeneralize -ResourceGroupName {group} -Name golden01 -Clone -Force").AssertClean();
        var prefix = Prefix(group);
        var vnet = $"{prefix}/Microsoft.Network/virtualNetworks/golden01-clone-isolated-vnet";
        await emulator.PutAsync($"{prefix}/Microsoft.Network/networkInterfaces/probe-nic", "2023-09-01",
            "{\"location\":\"eastus\",\"properties\":{\"ipConfigurations\":[{\"name\":\"ipconfig1\",\"properties\":{\"subnet\":{\"id\":\"" + vnet + "/subnets/isolated\"}}}]}}");

        var run = ps.Run("$clone | New-CapturedImage -ImageName golden-img -DeleteSourceVm -Force -Verbose").AssertClean();

        Assert.Contains(run.Warnings, w => w.Contains("virtual network 'golden01-clone-isolated-vnet' of clone 'golden01-clone' is left: other resources are attached to it: 'probe-nic'", StringComparison.Ordinal));
        Assert.False(await emulator.ExistsAsync($"{prefix}/Microsoft.Compute/virtualMachines/golden01-clone"));
        Assert.False(await emulator.ExistsAsync($"{prefix}/Microsoft.Network/networkInterfaces/golden01-clone-nic", "2023-09-01"));
        Assert.True(await emulator.ExistsAsync(vnet, "2023-09-01"));
        Assert.True(await emulator.ExistsAsync($"{prefix}/Microsoft.Network/networkInterfaces/probe-nic", "2023-09-01"));
    }
}
