using ImageTools.Emulator.Control;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy;

/// <summary>The parallel creation: partial failures and the rerun that completes them, throttling survived, the ThrottleLimit bound.</summary>
[Collection(EmulatorCollection.Name)]
public class FanOutTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_VM_whose_creation_fails_is_an_error_the_others_are_emitted_and_the_rerun_recreates_only_it()
    {
        var group = EmulatorFixture.NewGroup("fo-lro");
        var image = await DeployKit.ImageAsync(emulator, group);
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "lroFailed", Method = "PUT", PathPattern = $"/resourceGroups/{group}/.*/virtualMachines/pf-02$", Count = 1 });
        try
        {
            var first = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "pf", 3));

            var error = Assert.Single(first.Errors);
            Assert.Equal("VmCreateFailed", error.RuleId);
            Assert.Contains("pf-02", error.Message);
            Assert.Contains("InternalOperationError", error.Message);
            Assert.Equal(new[] { "pf-01", "pf-03" }, DeployKit.Vms(first).Select(v => v.Name).OrderBy(n => n));
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
        var mark = await emulator.MarkAsync();

        var rerun = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "pf", 3));

        Assert.Empty(rerun.Errors);
        Assert.Equal(3, DeployKit.Vms(rerun).Count);
        Assert.Equal(new[] { "pf-02" }, await DeployKit.VmPutsAsync(emulator, group, mark));
        Assert.Equal("Succeeded", DeployKit.Vms(rerun).Single(v => v.Name == "pf-02").ProvisioningState);
    }

    [Fact]
    public async Task A_VM_refused_past_the_retries_is_created_on_the_rerun_with_no_other_write()
    {
        var group = EmulatorFixture.NewGroup("fo-500");
        var image = await DeployKit.ImageAsync(emulator, group);
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 500, Method = "PUT", PathPattern = $"/resourceGroups/{group}/.*/virtualMachines/px-01$", Count = 20, RetryAfterSeconds = 0 });
        try
        {
            var first = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "px", 2));
            Assert.Equal("VmCreateFailed", Assert.Single(first.Errors).RuleId);
            Assert.Equal("px-02", Assert.Single(DeployKit.Vms(first)).Name);
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
        var mark = await emulator.MarkAsync();

        var rerun = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "px", 2));

        Assert.Empty(rerun.Errors);
        Assert.Equal(2, DeployKit.Vms(rerun).Count);
        var writes = await emulator.WritesAsync(group, mark);
        // The NIC made by the first run is reused: the only write is the missing VM.
        Assert.Equal(new[] { "PUT px-01" }, writes.Select(w => w.Method + " " + w.Path[(w.Path.LastIndexOf('/') + 1)..]));
        // It was found in one list of the group's network interfaces, not read on its own.
        var requests = await emulator.RequestsAsync(group, mark);
        Assert.Single(requests, r => r.Method == "GET" && r.Path.EndsWith("/resources", StringComparison.OrdinalIgnoreCase) && r.Query.Contains("networkInterfaces", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(requests, r => r.Method == "GET" && r.Path.Contains("/networkInterfaces/", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_rerun_after_the_NICs_were_made_creates_only_the_VMs_with_one_read_of_the_groups_NICs()
    {
        var group = EmulatorFixture.NewGroup("fo-nic");
        var image = await DeployKit.ImageAsync(emulator, group);
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 500, Method = "PUT", PathPattern = $"/resourceGroups/{group}/.*/virtualMachines/pn-0[12]$", Count = 40, RetryAfterSeconds = 0 });
        try
        {
            var first = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "pn", 3, r => r.PublicIp = true));
            Assert.Equal(2, first.Errors.Count(e => e.RuleId == "VmCreateFailed"));
            Assert.Equal("pn-03", Assert.Single(DeployKit.Vms(first)).Name);
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();

        var rerun = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "pn", 3, r => r.PublicIp = true), host);

        Assert.Empty(rerun.Errors);
        Assert.Equal(new[] { "pn-01", "pn-02", "pn-03" }, DeployKit.Vms(rerun).Select(v => v.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(new[] { "pn-01", "pn-02" }, await DeployKit.VmPutsAsync(emulator, group, mark));
        var writes = await emulator.WritesAsync(group, mark);
        Assert.DoesNotContain(writes, w => w.Path.Contains("/networkInterfaces/", StringComparison.OrdinalIgnoreCase) || w.Path.Contains("/publicIPAddresses/", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(host.Verbose, m => m.Contains("network interface 'pn-01-nic' exists from an earlier run; reused", StringComparison.Ordinal));
        var requests = await emulator.RequestsAsync(group, mark);
        Assert.Single(requests, r => r.Method == "GET" && r.Path.EndsWith("/resources", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(requests, r => r.Method == "GET" && r.Path.Contains("/networkInterfaces/", StringComparison.OrdinalIgnoreCase));
        var vm = DeployKit.Vms(rerun).Single(v => v.Name == "pn-01");
        Assert.EndsWith("/networkInterfaces/pn-01-nic", Assert.Single(vm.NetworkInterfaceIds), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Throttling_and_unavailability_during_the_fan_out_are_retried_by_the_SDK()
    {
        var group = EmulatorFixture.NewGroup("fo-429");
        var image = await DeployKit.ImageAsync(emulator, group);
        var mark = await emulator.MarkAsync();
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 429, Method = "PUT", PathPattern = $"/resourceGroups/{group}/.*/virtualMachines/", Count = 2, RetryAfterSeconds = 0 });
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 503, Method = "PUT", PathPattern = $"/resourceGroups/{group}/.*/networkInterfaces/", Count = 2, RetryAfterSeconds = 0 });
        try
        {
            var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "th", 3));

            Assert.Empty(host.Errors);
            Assert.Equal(3, DeployKit.Vms(host).Count);
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
        var requests = await emulator.RequestsAsync(group, mark);
        Assert.Equal(2, requests.Count(r => r.Status == 429));
        Assert.Equal(2, requests.Count(r => r.Status == 503));
    }

    [Fact]
    public async Task No_more_than_ThrottleLimit_VMs_are_in_creation_at_once()
    {
        var group = EmulatorFixture.NewGroup("fo-throttle");
        var image = await DeployKit.ImageAsync(emulator, group);
        var mark = await emulator.MarkAsync();
        await using (await DeployKit.TimingAsync(emulator, t => t.PerKind["vmCreate"] = 0.4))
        {
            var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "tl", 6, r => r.ThrottleLimit = 2));
            Assert.Empty(host.Errors);
            Assert.Equal(6, DeployKit.Vms(host).Count);
        }

        // A VM is in creation from its PUT to the last request on its path (the read after completion).
        var requests = await emulator.RequestsAsync(group, mark);
        var spans = requests
            .Where(r => r.Path.Contains("/virtualMachines/", StringComparison.OrdinalIgnoreCase))
            .GroupBy(r => r.Path[(r.Path.LastIndexOf('/') + 1)..].ToLowerInvariant())
            .Select(g => (Start: g.Where(r => r.Method == "PUT").Min(r => r.Time), End: g.Max(r => r.Time.AddMilliseconds(r.DurationMs))))
            .ToList();
        Assert.Equal(6, spans.Count);
        var peak = spans.Max(s => spans.Count(o => o.Start <= s.Start && o.End > s.Start));
        Assert.Equal(2, peak);
    }
}
