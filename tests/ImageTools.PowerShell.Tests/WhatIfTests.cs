using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// -WhatIf through the real cmdlets: PowerShell's "What if:" line reaches the host for every
/// planned step, nothing is emitted, and the emulator sees no PUT, PATCH, POST or DELETE. The
/// same command run for real then performs exactly those steps, in that order (its
/// "Performing the operation" verbose lines).
/// </summary>
[Collection(EmulatorCollection.Name)]
public class WhatIfTests(EmulatorFixture emulator)
{
    /// <summary>Runs the command with -WhatIf (no writes), then for real with <paramref name="realSwitches"/>, and compares the steps.</summary>
    private async Task<List<(string Action, string Target)>> PlanMatchesTheRealRunAsync(PsSession ps, string command, string realSwitches,
        Dictionary<string, object?>? variables = null)
    {
        var mark = await emulator.MarkAsync();
        var whatIf = ps.Run(command + " -WhatIf", variables).AssertClean();
        await emulator.AssertNoWritesAsync(mark);
        Assert.Empty(whatIf.Output);
        var planned = Kit.Operations(whatIf.WhatIfLines);
        Assert.NotEmpty(planned);
        Assert.Equal(whatIf.WhatIfLines.Count(), planned.Count);

        var real = ps.Run(command + " -Verbose " + realSwitches, variables).AssertClean();
        Assert.NotEmpty(real.Output);
        Assert.Empty(real.WhatIfLines);
        Assert.Equal(planned, Kit.Operations(real.Verbose));
        Assert.NotEmpty(await emulator.WritesAsync(mark));
        return planned;
    }

    [Fact]
    public async Task Invoke_VmGeneralize_WhatIf_prints_each_guest_and_VM_step_and_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("wi-gen");
        var vm = await emulator.SeedVmAsync(group, "lin01", os: "Linux");
        using var ps = emulator.Session(new TestHost());

        var plan = await PlanMatchesTheRealRunAsync(ps, $"Invoke-VmGeneralize -ResourceGroupName {group} -Name lin01", "-Force");

        Assert.Contains(plan, s => s.Action.Contains("waagent -deprovision+user", StringComparison.Ordinal) && s.Target == vm.Id);
        Assert.Contains(plan, s => s.Action == "Power off the VM from the platform and deallocate it" && s.Target == vm.Id);
        Assert.Contains(plan, s => s.Action.StartsWith("Mark the VM generalized", StringComparison.Ordinal));
        Assert.Contains(plan, s => s.Action.StartsWith("Snapshot disk", StringComparison.Ordinal) && s.Target.Contains("/snapshots/lin01-os-pregeneralize", StringComparison.Ordinal));
        Assert.True((await emulator.Control.GetGuestAsync(group, "lin01")).Generalized);
    }

    [Fact]
    public async Task New_CapturedImage_WhatIf_lists_the_image_and_the_irreversible_delete_without_asking_or_writing()
    {
        var group = EmulatorFixture.NewGroup("wi-cap");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var host = new TestHost();
        using var ps = emulator.Session(host);

        var plan = await PlanMatchesTheRealRunAsync(ps, $"New-CapturedImage -ResourceGroupName {group} -Name gen01 -DeleteSourceVm", "-Force");

        Assert.Equal(2, plan.Count);
        Assert.StartsWith("Create managed image", plan[0].Action);
        Assert.EndsWith("/images/gen01-image", plan[0].Target);
        Assert.Contains("Delete the source VM", plan[1].Action);
        Assert.Equal(vm.Id, plan[1].Target);
        Assert.Empty(host.Prompts);
        Assert.False(await emulator.ExistsAsync(vm.Id), "the real run deleted the source VM");
    }

    [Fact]
    public async Task Publish_GalleryVersion_WhatIf_lists_gallery_definition_and_version()
    {
        var group = EmulatorFixture.NewGroup("wi-pub");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var gallery = Kit.Gallery(group);
        using var ps = emulator.Session(new TestHost());

        var plan = await PlanMatchesTheRealRunAsync(ps,
            $"Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -Version 2.1.0 -TargetRegion eastus,westeurope",
            "", Kit.Vars(("vmId", vm.Id)));

        Assert.Equal(3, plan.Count);
        Assert.StartsWith($"Create gallery '{gallery}'", plan[0].Action);
        Assert.StartsWith("Create image definition 'web'", plan[1].Action);
        Assert.StartsWith("Create image version '2.1.0'", plan[2].Action);
        Assert.Contains("westeurope", plan[2].Action, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith($"/galleries/{gallery}/images/web/versions/2.1.0", plan[2].Target);
    }

    [Fact]
    public async Task New_VmFromImage_WhatIf_lists_network_and_every_VM_of_the_count()
    {
        var group = EmulatorFixture.NewGroup("wi-dep");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        var image = ps.Run("New-CapturedImage -ResourceId $vmId", Kit.Vars(("vmId", vm.Id))).AssertClean().Output.Single();

        var plan = await PlanMatchesTheRealRunAsync(ps, $"New-VmFromImage -ResourceId $imageId -ResourceGroupName {group} -Name web -Count 3 -Credential $cred", "",
            Kit.Vars(("imageId", RunResult.Prop(image, "Id")), ("cred", Kit.Credential())));

        Assert.Single(plan, s => s.Action.StartsWith("Create virtual network", StringComparison.Ordinal));
        foreach (var name in new[] { "web-01", "web-02", "web-03" })
        {
            Assert.Single(plan, s => s.Action.StartsWith($"Create network interface '{name}-nic'", StringComparison.Ordinal));
            Assert.Single(plan, s => s.Action.StartsWith($"Create VM '{name}'", StringComparison.Ordinal) && s.Target.EndsWith("/virtualMachines/" + name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task WhatIfPreference_in_the_session_acts_as_WhatIf_and_WhatIf_false_overrides_it()
    {
        var group = EmulatorFixture.NewGroup("wi-pref");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var planned = ps.Run($"$WhatIfPreference = $true; New-CapturedImage -ResourceGroupName {group} -Name gen01").AssertClean();

        Assert.Single(planned.WhatIfLines);
        Assert.Empty(planned.Output);
        await emulator.AssertNoWritesAsync(mark);

        var real = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name gen01 -WhatIf:$false; $WhatIfPreference = $false").AssertClean();

        Assert.Empty(real.WhatIfLines);
        var image = Assert.Single(real.OutputOf("ImageInfo"));
        Assert.Equal(vm.Id, (await emulator.GetAsync(RunResult.Prop(image, "Id"))).Str("properties", "sourceVirtualMachine", "id"), ignoreCase: true);
    }

    [Fact]
    public async Task WhatIf_with_a_refused_finding_reports_it_and_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("wi-ref");
        var vm = await emulator.SeedVmAsync(group, "run01");
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name run01 -WhatIf; 'after'");

        var error = Assert.Single(run.Errors);
        Assert.Equal("VmNotGeneralized,ImageTools.Commands.NewCapturedImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(vm.Id, error.TargetObject);
        Assert.Equal("after", Assert.Single(run.Output).BaseObject);
        await emulator.AssertNoWritesAsync(mark);
    }
}
