using System.Globalization;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// New-CapturedImage -DeleteSourceVm removes what the VM owned (OS and data disks, NIC, public IP)
/// after the image reads Succeeded, leaves its virtual network (named), keeps the pre-generalize snapshots (each tagged
/// imagetools-retain-until from Invoke-VmGeneralize -SnapshotRetentionDays) and says so; the plan
/// names every delete in its one high-impact step.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class DeleteSourceVmTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task DeleteSourceVm_removes_the_vms_disks_nic_and_public_ip_and_keeps_the_tagged_snapshots()
    {
        var group = EmulatorFixture.NewGroup("delsrc");
        var seed = await emulator.SeedVmAsync(group, "gold", state: "generalized", configure: r => r.DataDisks = 1);
        using var ps = emulator.Session(new TestHost());
        var vars = Kit.Vars(("seedId", seed.Id), ("cred", Kit.Credential()));
        // A VM with a public IP and a data disk, as New-VmFromImage makes it; then generalized with the evidence.
        ps.Run($"New-CapturedImage -ResourceId $seedId -GuestGeneralized | New-VmFromImage -ResourceGroupName {group} -Name app -PublicIp -Credential $cred", vars).AssertClean();
        var vmId = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/virtualMachines/app";
        var vm = await emulator.GetAsync(vmId);
        var osDisk = vm.GetProperty("properties").GetProperty("storageProfile").GetProperty("osDisk").GetProperty("managedDisk").GetProperty("id").GetString()!;
        var dataDisk = vm.GetProperty("properties").GetProperty("storageProfile").GetProperty("dataDisks")[0].GetProperty("managedDisk").GetProperty("id").GetString()!;
        var nicId = vm.GetProperty("properties").GetProperty("networkProfile").GetProperty("networkInterfaces")[0].GetProperty("id").GetString()!;
        var nic = await emulator.GetAsync(nicId, "2023-09-01");
        var ipId = nic.GetProperty("properties").GetProperty("ipConfigurations")[0].GetProperty("properties").GetProperty("publicIPAddress").GetProperty("id").GetString()!;
        var subnetId = nic.GetProperty("properties").GetProperty("ipConfigurations")[0].GetProperty("properties").GetProperty("subnet").GetProperty("id").GetString()!;
        var vnetId = subnetId[..subnetId.IndexOf("/subnets/", StringComparison.OrdinalIgnoreCase)];
        var before = DateTime.UtcNow;
        ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name app -SnapshotRetentionDays 7 -Force").AssertClean();

        var whatIf = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name app -DeleteSourceVm -WhatIf").AssertClean();
        var plan = Assert.Single(Kit.Operations(whatIf.WhatIfLines), s => s.Action.StartsWith("Delete the source VM", StringComparison.Ordinal));
        foreach (var name in new[] { "OS disk '", "data disk (LUN 0) '", "network interface '", "public IP address '", "snapshots kept: 'app-os-pregeneralize', 'app-lun0-pregeneralize'" })
            Assert.Contains(name, plan.Action, StringComparison.Ordinal);
        Assert.True(await emulator.ExistsAsync(vmId));

        var run = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name app -DeleteSourceVm -Force -Verbose").AssertClean();

        Assert.Equal("True", RunResult.Prop(Assert.Single(run.OutputOf("ImageInfo")), "SourceDeleted"));
        Assert.False(await emulator.ExistsAsync(vmId));
        Assert.False(await emulator.ExistsAsync(osDisk, "2023-04-02"));
        Assert.False(await emulator.ExistsAsync(dataDisk, "2023-04-02"));
        Assert.False(await emulator.ExistsAsync(nicId, "2023-09-01"));
        Assert.False(await emulator.ExistsAsync(ipId, "2023-09-01"));
        // A VM that is not a clone ImageTools made leaves its network (it may serve others), and says so.
        Assert.True(await emulator.ExistsAsync(vnetId, "2023-09-01"));
        Assert.Contains(run.Verbose, v => v.Contains($"virtual network '{vnetId[(vnetId.LastIndexOf('/') + 1)..]}' is left (VM 'app' is not a clone ImageTools made", StringComparison.Ordinal));
        Assert.Contains(run.Verbose, v => v.StartsWith("Deleted VM 'app' and network interface '", StringComparison.Ordinal) && v.Contains("public IP address '", StringComparison.Ordinal) && v.Contains("OS disk '", StringComparison.Ordinal) && v.Contains("snapshots kept: 'app-os-pregeneralize'", StringComparison.Ordinal));
        foreach (var slot in new[] { "os", "lun0" })
        {
            var snapshot = await emulator.GetAsync($"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/snapshots/app-{slot}-pregeneralize", "2023-04-02");
            var retain = DateTime.ParseExact(snapshot.Str("tags", "imagetools-retain-until")!, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            Assert.InRange(retain, before.AddDays(7).AddMinutes(-1), DateTime.UtcNow.AddDays(7).AddMinutes(1));
        }
    }
}
