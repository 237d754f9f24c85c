using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Keeping the golden VM alive, through the real cmdlets against the emulator: a -Clone run leaves
/// the source running and unchanged (never stopped, same disks and tags, nothing written to it)
/// while the clone's image reaches a fleet, and -DeleteSourceVm removes the clone and what it owned.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class GoldenVmTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task The_source_of_a_clone_run_stays_running_and_unchanged_while_its_image_reaches_a_fleet()
    {
        var group = EmulatorFixture.NewGroup("golden");
        var source = await emulator.SeedVmAsync(group, "golden01", configure: r => { r.DataDisks = 1; r.SecurityType = "Standard"; });
        var before = await emulator.GetAsync(source.Id);
        var mark = await emulator.MarkAsync();
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run(
            $"Invoke-VmGeneralize -ResourceGroupName {group} -Name golden01 -Clone -Force | " +
            $"New-CapturedImage -ImageName golden-img -DeleteSourceVm -Force | " +
            $"New-VmFromImage -ResourceGroupName {group} -Name web -Count 2 -Credential $cred",
            Kit.Vars(("cred", Kit.Credential()))).AssertClean();

        var fleet = run.OutputOf("VmInfo");
        Assert.Equal(new[] { "web-01", "web-02" }, fleet.Select(v => RunResult.Prop(v, "Name")).OrderBy(n => n));
        Assert.All(fleet, v => Assert.Equal("running", RunResult.Prop(v, "PowerState")));

        // The source: never a write on its path (no power action, no tag), same disks and tags, running, not generalized.
        var requests = await emulator.RequestsAsync(mark);
        Assert.DoesNotContain(requests, r => r.Method != "GET" && r.Path.TrimEnd('/').Split('/').Contains("golden01"));
        var after = await emulator.GetAsync(source.Id);
        Assert.Equal(before.GetProperty("properties").GetProperty("storageProfile").ToString(), after.GetProperty("properties").GetProperty("storageProfile").ToString());
        Assert.Equal(before.TryGetProperty("tags", out var t1) ? t1.ToString() : "", after.TryGetProperty("tags", out var t2) ? t2.ToString() : "");
        var guest = await emulator.Control.GetGuestAsync(group, "golden01");
        Assert.Equal("running", guest.PowerState);
        Assert.False(guest.Generalized);

        // The clone is gone once the image read Succeeded, with the disks and NIC it owned.
        var prefix = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers";
        Assert.False(await emulator.ExistsAsync($"{prefix}/Microsoft.Compute/virtualMachines/golden01-clone"));
        Assert.False(await emulator.ExistsAsync($"{prefix}/Microsoft.Compute/disks/golden01-clone-os"));
        Assert.False(await emulator.ExistsAsync($"{prefix}/Microsoft.Compute/disks/golden01-clone-lun0"));
        Assert.False(await emulator.ExistsAsync($"{prefix}/Microsoft.Network/networkInterfaces/golden01-clone-nic", "2023-09-01"));
        var image = await emulator.GetAsync($"{prefix}/Microsoft.Compute/images/golden-img");
        Assert.Equal("Succeeded", image.Str("properties", "provisioningState"));
    }
}
