using System.Management.Automation;
using System.Text;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// A -Credential password given to New-VmFromImage never appears anywhere PowerShell shows or
/// keeps text: output objects and their formatting, errors and $Error, verbose, warning,
/// debug, progress and information records, the host's own output and prompts, a job's
/// streams, nor the emulator's request log (paths and queries).
/// </summary>
[Collection(EmulatorCollection.Name)]
public class SecretTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_Credential_password_appears_in_no_stream_host_output_or_record()
    {
        var group = EmulatorFixture.NewGroup("secret");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var fragment = Guid.NewGuid().ToString("N")[..8];
        var password = $"Sx{fragment}!Qa9";          // meets Azure's rules: the VMs are created with it
        var weakPassword = $"secret{fragment}";       // two character classes: refused by the rules
        var host = new TestHost();
        using var ps = emulator.Session(host);
        var imageId = RunResult.Prop(ps.Run("New-CapturedImage -ResourceId $vmId", Kit.Vars(("vmId", vm.Id))).AssertClean().Output.Single(), "Id");
        var mark = await emulator.MarkAsync();
        var variables = Kit.Vars(("imageId", imageId), ("cred", Kit.Credential("azadmin", password)), ("weak", Kit.Credential("azadmin", weakPassword)));
        var runs = new List<RunResult>();

        // As a console shows it: every stream formatted by Out-Default onto the host.
        runs.Add(ps.RunToHost($"New-VmFromImage -ResourceId $imageId -ResourceGroupName {group} -Name app -Count 2 -Credential $cred -Verbose -Debug", variables));
        // The plan under -WhatIf, and a -Confirm prompt answered by the host.
        runs.Add(ps.Run($"New-VmFromImage -ResourceId $imageId -ResourceGroupName {group} -Name plan -Count 2 -Credential $cred -WhatIf -Verbose", variables));
        host.Answers.Enqueue("Yes to All");
        runs.Add(ps.Run($"New-VmFromImage -ResourceId $imageId -ResourceGroupName {group} -Name asked -Credential $cred -Confirm -Verbose", variables));
        // A refusal of the credential itself.
        var refused = ps.Run($"New-VmFromImage -ResourceId $imageId -ResourceGroupName {group} -Name weak -Credential $weak -Verbose", variables);
        runs.Add(refused);
        // A background job's streams.
        var jobRun = ps.Run($"$job = New-VmFromImage -ResourceId $imageId -ResourceGroupName {group} -Name job -Credential $cred -AsJob; $null = Wait-Job $job -Timeout 120; $job; Receive-Job $job -Keep -Verbose", variables);
        runs.Add(jobRun);
        // What the session keeps and formats.
        runs.Add(ps.Run("$Error | Format-List * -Force | Out-String -Width 250; Get-Variable | Where-Object Name -ne 'cred' | Where-Object Name -ne 'weak' | Out-String -Width 250"));

        // The runs did what they should, so the text searched is the real thing.
        Assert.Contains(runs[0].HostOutput, l => l.Contains(" app-01 ", StringComparison.Ordinal) && l.Contains("Succeeded", StringComparison.Ordinal));
        Assert.Contains(runs[0].HostOutput, l => l.Contains(" app-02 ", StringComparison.Ordinal) && l.Contains("Succeeded", StringComparison.Ordinal));
        Assert.Contains(runs[0].HostLines, l => l.Kind == "Verbose" && l.Text.StartsWith("VM 'app-01': creating the VM", StringComparison.Ordinal));
        Assert.NotEmpty(runs[1].WhatIfLines);
        Assert.Single(runs[2].Prompts);
        Assert.Single(runs[2].OutputOf("VmInfo"));
        Assert.Equal("AdminCredentialInvalid,ImageTools.Commands.NewVmFromImageCommand", Assert.Single(refused.Errors).FullyQualifiedErrorId);
        var job = Assert.IsAssignableFrom<Job>(jobRun.Output[0].BaseObject);
        Assert.Equal(JobState.Completed, job.JobStateInfo.State);
        Assert.Single(jobRun.OutputOf("VmInfo"));
        var app = await emulator.GetAsync($"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/virtualMachines/app-01");
        Assert.Equal("azadmin", app.Str("properties", "osProfile", "adminUsername"));

        var text = new StringBuilder();
        foreach (var run in runs)
            text.AppendLine(run.AllText());
        foreach (var line in host.Lines)
            text.AppendLine(line.Text);
        foreach (var prompt in host.Prompts)
            text.AppendLine(prompt.Caption + " " + prompt.Message);
        foreach (var record in job.Verbose)
            text.AppendLine(record.Message);
        foreach (var record in job.Warning)
            text.AppendLine(record.Message);
        foreach (var record in job.Error)
            text.AppendLine(record + " " + record.ErrorDetails?.Message + " " + record.ErrorDetails?.RecommendedAction);
        foreach (var request in await emulator.RequestsAsync(mark))
            text.AppendLine(request.Path + "?" + request.Query);
        var all = text.ToString();

        Assert.Contains("app-02", all);
        Assert.DoesNotContain(password, all);
        Assert.DoesNotContain(weakPassword, all);
        Assert.DoesNotContain(fragment, all);
    }
}
