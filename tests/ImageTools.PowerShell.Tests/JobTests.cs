using System.Management.Automation;
using ImageTools.Emulator.Control;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// -AsJob with PowerShell's own job cmdlets: the job is in the session's job repository
/// (Get-Job), Wait-Job and Receive-Job give its objects and records, Stop-Job stops a slowed
/// operation, and refusals inside a job keep their "&lt;RuleId&gt;,&lt;CmdletClass&gt;" id.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class JobTests(EmulatorFixture emulator)
{
    private async Task<string> ImageAsync(PsSession ps, string group)
    {
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        return RunResult.Prop(ps.Run("New-CapturedImage -ResourceId $vmId", Kit.Vars(("vmId", vm.Id))).AssertClean().Output.Single(), "Id");
    }

    [Fact]
    public async Task AsJob_returns_a_job_that_Get_Job_finds_and_Receive_Job_yields_the_VMs_of()
    {
        var group = EmulatorFixture.NewGroup("job-ok");
        var host = new TestHost();
        using var ps = emulator.Session(host);
        var imageId = await ImageAsync(ps, group);

        var started = ps.Run($"New-VmFromImage -ResourceId $imageId -ResourceGroupName {group} -Name web -Count 2 -Credential $cred -AsJob",
            Kit.Vars(("imageId", imageId), ("cred", Kit.Credential()))).AssertClean();

        var job = Assert.IsAssignableFrom<Job>(Assert.Single(started.Output).BaseObject);
        Assert.Equal("ImageToolsJob", job.PSJobTypeName);
        Assert.Equal($"New-VmFromImage {group}/web", job.Command);
        Assert.Empty(host.Prompts);

        var found = ps.Run("Get-Job -Id $job.Id", Kit.Vars(("job", job))).AssertClean();
        Assert.Same(job, Assert.Single(found.Output).BaseObject);

        var received = ps.Run("$null = Wait-Job -Job $job -Timeout 120; $job.State.ToString(); Receive-Job -Job $job -Keep", Kit.Vars(("job", job))).AssertClean();

        Assert.Equal("Completed", received.Output[0].BaseObject);
        var vms = received.OutputOf("VmInfo");
        Assert.Equal(new[] { "web-01", "web-02" }, vms.Select(v => RunResult.Prop(v, "Name")).Order());
        foreach (var vm in vms)
            Assert.Equal(imageId, (await emulator.GetAsync(RunResult.Prop(vm, "Id"))).Str("properties", "storageProfile", "imageReference", "id"), ignoreCase: true);
        // Each step was confirmed once, before the job started; the job says so instead of prompting.
        Assert.Contains(job.Verbose, v => v.Message.Contains("(confirmed before the job started)", StringComparison.Ordinal));
        // An interactive session's job keeps progress records for Receive-Job.
        Assert.Contains(job.Progress, p => p.StatusDescription == "2 of 2 VMs");
    }

    [Fact]
    public async Task Stop_Job_stops_a_slowed_operation_and_the_job_reads_Stopped()
    {
        var group = EmulatorFixture.NewGroup("job-stop");
        using var ps = emulator.Session(new TestHost());
        var imageId = await ImageAsync(ps, group);
        var before = await emulator.Control.GetTimingAsync();
        var slow = before.Clone();
        slow.PerKind["vmCreate"] = 600;
        await emulator.Control.SetTimingAsync(slow);
        try
        {
            var mark = await emulator.MarkAsync();
            var started = ps.Run($"New-VmFromImage -ResourceId $imageId -ResourceGroupName {group} -Name slow -Credential $cred -AsJob",
                Kit.Vars(("imageId", imageId), ("cred", Kit.Credential()))).AssertClean();
            var job = Assert.IsAssignableFrom<Job>(Assert.Single(started.Output).BaseObject);

            // The VM's creation was accepted and is now a 600 s operation the job waits on.
            await Kit.WaitUntilAsync(async () => (await emulator.WritesAsync(mark))
                .Any(w => w.Method == "PUT" && w.Path.EndsWith("/virtualMachines/slow", StringComparison.OrdinalIgnoreCase)), "the VM PUT");
            Assert.Equal(JobState.Running, job.JobStateInfo.State);

            var stopped = ps.Run("Stop-Job -Job $job; $job.State.ToString(); (Get-Job -Id $job.Id).State.ToString()", Kit.Vars(("job", job))).AssertClean();

            Assert.Equal(new object[] { "Stopped", "Stopped" }, stopped.Output.Select(o => o.BaseObject));
            Assert.Contains(job.Warning, w => w.Message.Contains("was stopped while", StringComparison.Ordinal) && w.Message.Contains("Rerun", StringComparison.Ordinal));
            Assert.Empty(job.Output);
        }
        finally
        {
            await emulator.Control.SetTimingAsync(before);
        }
    }

    [Fact]
    public async Task A_refusal_inside_a_job_comes_back_from_Receive_Job_with_its_rule_and_cmdlet_id()
    {
        var group = EmulatorFixture.NewGroup("job-err");
        using var ps = emulator.Session(new TestHost());
        var imageId = await ImageAsync(ps, group);
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"""
            $job = New-VmFromImage -ResourceId $imageId -ResourceGroupName {group} -Name web -AsJob
            $null = Wait-Job -Job $job -Timeout 120
            $job.State.ToString()
            Receive-Job -Job $job
            'after'
            """, Kit.Vars(("imageId", imageId)));

        Assert.Equal(new object[] { "Failed", "after" }, run.Output.Select(o => o.BaseObject));
        var error = Assert.Single(run.Errors);
        Assert.Equal("OsProfileMissing,ImageTools.Commands.NewVmFromImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(imageId, error.TargetObject as string, ignoreCase: true);
        Assert.Contains("-Credential", error.ErrorDetails.RecommendedAction);
        await emulator.AssertNoWritesAsync(mark);
    }

    [Fact]
    public async Task A_host_less_session_job_with_Force_runs_and_reports_replication_as_verbose_lines()
    {
        var group = EmulatorFixture.NewGroup("job-ni");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(host: null);

        var run = ps.Run($"""
            $job = Publish-GalleryVersion -ResourceId $vmId -GalleryName {Kit.Gallery(group)} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -TargetRegion eastus,westeurope -AsJob
            $null = Wait-Job -Job $job -Timeout 120
            $job.State.ToString()
            $job.Progress.Count
            Receive-Job -Job $job -Keep
            """, Kit.Vars(("vmId", vm.Id))).AssertClean();

        Assert.Equal("Completed", run.Output[0].BaseObject);
        Assert.Equal(0, run.Output[1].BaseObject);
        var version = Assert.Single(run.OutputOf("GalleryVersionInfo"));
        Assert.Equal("Completed", RunResult.Prop(version, "ReplicationState"));
        var job = (Job)ps.Run("Get-Job").Output.Single().BaseObject;
        Assert.Contains(job.Verbose, v => v.Message == "Replication of '1.0.0' to 'West Europe': Completed (100%)");
    }
}
