using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>The simulated guest behind run commands.</summary>
public sealed class GuestTests : IClassFixture<EmulatorFixture>
{
    private const string Sysprep = @"& $env:SystemRoot\System32\Sysprep\sysprep.exe /generalize /oobe /mode:vm /quiet";
    private const string ReadState = @"(Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Setup\State').ImageState";
    private readonly EmulatorFixture _f;
    public GuestTests(EmulatorFixture f) { _f = f; }

    private async Task<(ResourceGroupResource Rg, VirtualMachineResource Vm)> Vm(string os = "Windows", GuestTraits? guest = null, string state = "running")
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-guest-"));
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = "g1", OsType = os, Guest = guest, State = state });
        return (rg, _f.Client.GetVirtualMachineResource(new ResourceIdentifier(seeded.Id)));
    }

    private static async Task<IReadOnlyList<InstanceViewStatus>> Run(VirtualMachineResource vm, string script, string commandId = "RunPowerShellScript")
    {
        var input = new RunCommandInput(commandId);
        input.Script.Add(script);
        return (await vm.RunCommandAsync(WaitUntil.Completed, input)).Value.Value;
    }

    [Fact]
    public async Task Sysprep_ok_with_shutdown_reaches_reseal_to_oobe_and_the_guest_shuts_down()
    {
        var (rg, vm) = await Vm();
        var result = await Run(vm, Sysprep + " /shutdown");
        Assert.StartsWith("Sysprep started", result[0].Message);
        var guest = await _f.Server.Control.GetGuestAsync(rg.Data.Name, "g1");
        Assert.Equal("IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE", guest.ImageState);
        var view = (await vm.InstanceViewAsync()).Value;
        Assert.Contains(view.Statuses, s => s.Code == "PowerState/stopped");
        Assert.Equal("Not Ready", view.VmAgent.Statuses[0].DisplayStatus);
        var ex = await Scenario.Fails(() => Run(vm, ReadState));
        Assert.Equal(409, ex.Status);
        Assert.Contains("The operation requires the VM to be running", ex.Message);
    }

    [Fact]
    public async Task Sysprep_with_a_delay_shows_undeployable_first()
    {
        var (rg, vm) = await Vm();
        await _f.Server.Control.SetTimingAsync(new TimingSettings { PerKind = { ["sysprep"] = 1.0 } });
        try
        {
            await Run(vm, Sysprep + " /quit");
            Assert.Equal("IMAGE_STATE_UNDEPLOYABLE", (await Run(vm, ReadState))[0].Message);
            await Task.Delay(1200);
            Assert.Equal("IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE", (await Run(vm, ReadState))[0].Message);
            Assert.Contains((await vm.InstanceViewAsync()).Value.Statuses, s => s.Code == "PowerState/running");
        }
        finally { await _f.Server.Control.SetTimingAsync(new TimingSettings()); }
    }

    [Theory]
    [InlineData("undeployable")]
    [InlineData("hang")]
    public async Task Sysprep_that_does_not_finish_stays_undeployable_and_keeps_running(string outcome)
    {
        var (_, vm) = await Vm(guest: new GuestTraits { SysprepOutcome = outcome });
        await Run(vm, Sysprep);
        Assert.Equal("IMAGE_STATE_UNDEPLOYABLE", (await Run(vm, ReadState))[0].Message);
        Assert.Contains((await vm.InstanceViewAsync()).Value.Statuses, s => s.Code == "PowerState/running");
    }

    [Theory]
    [InlineData(true, false, "True", "3")]
    [InlineData(false, true, "True", "5")]
    public async Task Sysprep_fails_on_domain_members_and_controllers(bool joined, bool controller, string partOfDomain, string role)
    {
        var (rg, vm) = await Vm(guest: new GuestTraits { DomainJoined = joined, DomainController = controller });
        var probe = await Run(vm, "$cs = Get-CimInstance Win32_ComputerSystem; $cs.PartOfDomain; $cs.DomainRole");
        Assert.Contains("PartOfDomain : " + partOfDomain, probe[0].Message);
        Assert.Contains("DomainRole   : " + role, probe[0].Message);
        var result = await Run(vm, Sysprep);
        Assert.Contains("Sysprep failed", result[1].Message);
        var guest = await _f.Server.Control.GetGuestAsync(rg.Data.Name, "g1");
        Assert.Equal("IMAGE_STATE_COMPLETE", guest.ImageState);
        Assert.Equal("running", guest.PowerState);
    }

    [Fact]
    public async Task Run_command_in_progress_conflicts_are_answered_then_clear()
    {
        var (_, vm) = await Vm(guest: new GuestTraits { RunCommandConflicts = 2 });
        for (var i = 0; i < 2; i++)
        {
            var ex = await Scenario.Fails(() => Run(vm, "echo hi"));
            Assert.Equal(409, ex.Status);
            Assert.Contains("Run command extension execution is in progress. Please wait for completion before invoking a run command.", ex.Message);
        }
        Assert.Equal("hi", (await Run(vm, "echo hi"))[0].Message);
    }

    [Fact]
    public async Task Powershell_on_linux_is_refused_and_shell_script_deprovisions()
    {
        var (rg, vm) = await Vm(os: "Linux");
        var ex = await Scenario.Fails(() => Run(vm, Sysprep));
        Assert.Equal(409, ex.Status);
        Assert.Contains("Run command OS type 'Windows' does not match the target OS Linux.", ex.Message);

        var result = await Run(vm, "sudo waagent -deprovision+user -force", "RunShellScript");
        Assert.Equal("ProvisioningState/succeeded", result.Single().Code);
        Assert.Contains("[stdout]", result.Single().Message);
        Assert.Contains("WARNING! The waagent service will be stopped.", result.Single().Message);
        var guest = await _f.Server.Control.GetGuestAsync(rg.Data.Name, "g1");
        Assert.True(guest.Deprovisioned);
        Assert.Equal("Not Ready", (await vm.InstanceViewAsync()).Value.VmAgent.Statuses[0].DisplayStatus);
        await vm.DeallocateAsync(WaitUntil.Completed);
        await vm.GeneralizeAsync();
        Assert.Contains((await vm.InstanceViewAsync()).Value.Statuses, s => s.Code == "OSState/generalized");
    }

    [Fact]
    public async Task A_failing_deprovision_answers_enable_failed_and_leaves_the_guest_as_it_was()
    {
        var (rg, vm) = await Vm(os: "Linux", guest: new GuestTraits { DeprovisionOutcome = "fail" });
        var status = (await Run(vm, "sudo waagent -deprovision+user -force", "RunShellScript")).Single();
        Assert.Equal("ProvisioningState/failed", status.Code);
        Assert.Equal("Provisioning failed", status.DisplayStatus);
        Assert.Equal(ComputeStatusLevelType.Error, status.Level);
        Assert.StartsWith("Enable failed: failed to execute command: command terminated with exit status=1\n[stdout]\n", status.Message);
        Assert.Contains("\n[stderr]\n", status.Message);
        Assert.Contains("PermissionError: [Errno 13] Permission denied: '/var/lib/waagent/provisioned'", status.Message);
        var guest = await _f.Server.Control.GetGuestAsync(rg.Data.Name, "g1");
        Assert.Equal("fail", guest.DeprovisionOutcome);
        Assert.False(guest.Deprovisioned);
        Assert.Equal("Ready", (await vm.InstanceViewAsync()).Value.VmAgent.Statuses[0].DisplayStatus);

        // Fixed in the guest, the same command deprovisions.
        await _f.Server.Control.SetGuestAsync(rg.Data.Name, "g1", new GuestTraits { DeprovisionOutcome = "ok" });
        Assert.Equal("ProvisioningState/succeeded", (await Run(vm, "sudo waagent -deprovision+user -force", "RunShellScript")).Single().Code);
        Assert.True((await _f.Server.Control.GetGuestAsync(rg.Data.Name, "g1")).Deprovisioned);
    }

    [Fact]
    public async Task An_unknown_deprovision_outcome_is_refused_by_the_control_api()
    {
        var (rg, _) = await Vm(os: "Linux");
        await Assert.ThrowsAnyAsync<Exception>(() => _f.Server.Control.SetGuestAsync(rg.Data.Name, "g1", new GuestTraits { DeprovisionOutcome = "maybe" }));
    }

    [Fact]
    public async Task Agent_not_ready_fails_the_run_command()
    {
        var (_, vm) = await Vm(guest: new GuestTraits { AgentReady = false });
        var ex = await Scenario.Fails(() => Run(vm, "echo hi"));
        Assert.Equal("VMAgentStatusCommunicationError", ex.ErrorCode);
    }

    [Fact]
    public async Task Run_command_on_deallocated_vm_is_409()
    {
        var (_, vm) = await Vm(state: "deallocated");
        var ex = await Scenario.Fails(() => Run(vm, "echo hi"));
        Assert.Equal(409, ex.Status);
        Assert.Equal("OperationNotAllowed", ex.ErrorCode);
    }

    [Fact]
    public async Task Managed_run_command_reports_its_instance_view()
    {
        var (_, vm) = await Vm();
        var data = new VirtualMachineRunCommandData(new AzureLocation("eastus")) { Source = new VirtualMachineRunCommandScriptSource { Script = ReadState } };
        var command = (await vm.GetVirtualMachineRunCommands().CreateOrUpdateAsync(WaitUntil.Completed, "state", data)).Value;
        Assert.Equal("Succeeded", command.Data.ProvisioningState);
        var read = (await vm.GetVirtualMachineRunCommandAsync("state", "instanceView")).Value;
        Assert.Equal(ExecutionState.Succeeded, read.Data.InstanceView.ExecutionState);
        Assert.Equal("IMAGE_STATE_COMPLETE", read.Data.InstanceView.Output);
        Assert.Equal(0, read.Data.InstanceView.ExitCode);
        await read.DeleteAsync(WaitUntil.Completed);
        Assert.False((await vm.GetVirtualMachineRunCommands().ExistsAsync("state")).Value);
    }

    [Fact]
    public async Task Guest_traits_set_before_creation_apply_to_the_new_vm()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-guest-"));
        await _f.Server.Control.SetGuestAsync(rg.Data.Name, "later", new GuestTraits { DomainJoined = true });
        var vm = await Scenario.CreateMarketplaceVmAsync(_f, rg, "later");
        var probe = await Run(vm, "(Get-CimInstance Win32_ComputerSystem).PartOfDomain");
        Assert.Equal("True", probe[0].Message);
        var guest = await _f.Server.Control.GetGuestAsync(rg.Data.Name, "later");
        Assert.Contains(guest.Scripts!, s => s.Contains("PartOfDomain"));
    }
}
