using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>
/// The sysprep process in the simulated guest: present while Sysprep works, gone once it ended, so a
/// caller can tell "Sysprep exited and ImageState is still UNDEPLOYABLE" (failed) from "still working".
/// </summary>
public sealed class SysprepProcessTests : IClassFixture<EmulatorFixture>
{
    private const string Sysprep = @"& $env:SystemRoot\System32\Sysprep\sysprep.exe /generalize /oobe /mode:vm /quiet /quit";
    private const string ReadState = @"(Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Setup\State').ImageState";
    private const string IsRunning = "[bool](Get-Process -Name sysprep -ErrorAction SilentlyContinue)";
    private const double SysprepSeconds = 1.0;
    private readonly EmulatorFixture _f;
    public SysprepProcessTests(EmulatorFixture f) { _f = f; }

    private async Task<VirtualMachineResource> Vm(string outcome = "ok", string os = "Windows")
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-sysproc-"));
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = "sp1", OsType = os, Guest = new GuestTraits { SysprepOutcome = outcome } });
        return _f.Client.GetVirtualMachineResource(new ResourceIdentifier(seeded.Id));
    }

    private static async Task<(string StdOut, string StdErr)> Run(VirtualMachineResource vm, string script, string commandId = "RunPowerShellScript")
    {
        var input = new RunCommandInput(commandId);
        input.Script.Add(script);
        var result = (await vm.RunCommandAsync(WaitUntil.Completed, input)).Value.Value;
        return (result[0].Message, result.Count > 1 ? result[1].Message : "");
    }

    private async Task WithSysprepTiming(Func<Task> body)
    {
        await _f.Server.Control.SetTimingAsync(new TimingSettings { PerKind = { ["sysprep"] = SysprepSeconds } });
        try { await body(); }
        finally { await _f.Server.Control.SetTimingAsync(new TimingSettings()); }
    }

    [Theory]
    [InlineData("ok", false, "IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE")]
    [InlineData("failed", false, "IMAGE_STATE_UNDEPLOYABLE")]
    [InlineData("undeployable", true, "IMAGE_STATE_UNDEPLOYABLE")]
    [InlineData("hang", true, "IMAGE_STATE_UNDEPLOYABLE")]
    public async Task The_process_runs_while_sysprep_works_and_is_gone_when_it_ends(string outcome, bool stillRunning, string finalState) => await WithSysprepTiming(async () =>
    {
        var vm = await Vm(outcome);
        Assert.Equal("False", (await Run(vm, IsRunning)).StdOut);
        await Run(vm, Sysprep);
        Assert.Equal("True", (await Run(vm, IsRunning)).StdOut);
        Assert.Equal("IMAGE_STATE_UNDEPLOYABLE", (await Run(vm, ReadState)).StdOut);
        await Task.Delay(TimeSpan.FromSeconds(SysprepSeconds + 0.3));
        Assert.Equal(stillRunning ? "True" : "False", (await Run(vm, IsRunning)).StdOut);
        Assert.Equal(finalState, (await Run(vm, ReadState)).StdOut);
    });

    [Fact]
    public async Task Get_process_prints_its_table_or_its_error_and_tasklist_its_row_or_info_line() => await WithSysprepTiming(async () =>
    {
        var vm = await Vm("hang");
        var missing = await Run(vm, "Get-Process -Name sysprep");
        Assert.Equal("", missing.StdOut);
        Assert.Equal("Get-Process : Cannot find a process with the name \"sysprep\". Verify the process name and call the cmdlet again.", missing.StdErr);
        Assert.Equal(("", ""), await Run(vm, "Get-Process sysprep -ea SilentlyContinue"));
        Assert.Equal("INFO: No tasks are running which match the specified criteria.", (await Run(vm, "tasklist /FI \"IMAGENAME eq sysprep.exe\"")).StdOut);

        await Run(vm, Sysprep);
        var table = (await Run(vm, "Get-Process -Name sysprep")).StdOut.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Handles  NPM(K)    PM(K)      WS(K)     CPU(s)     Id  SI ProcessName", table[^3]);
        Assert.EndsWith(" sysprep", table[^1]);
        Assert.StartsWith("sysprep.exe ", (await Run(vm, "tasklist /FI \"IMAGENAME eq sysprep.exe\"")).StdOut.Split('\n')[^1]);
    });

    [Fact]
    public async Task An_if_on_the_process_prints_the_branch_that_holds() => await WithSysprepTiming(async () =>
    {
        const string Gone = "if (-not (Get-Process -Name sysprep -ErrorAction SilentlyContinue)) { 'SYSPREP_GONE' }";
        const string Both = "if (Get-Process sysprep -ErrorAction SilentlyContinue) { \"working\" } else { \"ended\" }";
        var vm = await Vm("failed");
        Assert.Equal("SYSPREP_GONE", (await Run(vm, Gone)).StdOut);
        Assert.Equal("ended", (await Run(vm, Both)).StdOut);
        await Run(vm, Sysprep);
        Assert.Equal("", (await Run(vm, Gone)).StdOut);
        Assert.Equal("working", (await Run(vm, Both)).StdOut);
        await Task.Delay(TimeSpan.FromSeconds(SysprepSeconds + 0.3));
        Assert.Equal("IMAGE_STATE_UNDEPLOYABLE\nSYSPREP_GONE", (await Run(vm, ReadState + "\n" + Gone)).StdOut.Replace("\r", ""));
    });

    [Fact]
    public async Task A_linux_guest_has_no_get_process()
    {
        var vm = await Vm(os: "Linux");
        var input = new RunCommandInput("RunShellScript");
        input.Script.Add("Get-Process -Name sysprep");
        var message = (await vm.RunCommandAsync(WaitUntil.Completed, input)).Value.Value[0].Message;
        Assert.Contains("Get-Process: command not found", message);
    }
}
