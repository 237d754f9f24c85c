using ImageTools.Emulator.Control;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Jobs;

/// <summary>-AsJob's runner around real engine operations against the emulator.</summary>
[Collection(EmulatorCollection.Name)]
public class JobRunnerEndToEndTests(EmulatorFixture emulator)
{
    private sealed class Sink : IJobSink
    {
        public readonly List<object> Output = new();
        public readonly List<ImageToolsException> Errors = new();
        public readonly List<string> Verbose = new();
        public readonly List<string> Warnings = new();
        public JobOutcome? Outcome;
        public ImageToolsException? Failure;

        void IJobSink.Output(object item) => Output.Add(item);
        void IJobSink.Error(ImageToolsException error) => Errors.Add(error);
        void IJobSink.Verbose(string message) => Verbose.Add(message);
        void IJobSink.Warning(string message) => Warnings.Add(message);
        void IJobSink.Progress(OperationProgress progress) { }
        void IJobSink.Finished(JobOutcome outcome, ImageToolsException? failure) => (Outcome, Failure) = (outcome, failure);
    }

    [Fact]
    public async Task A_generalize_job_writes_the_vm_to_its_output_and_each_step_says_it_was_confirmed_beforehand()
    {
        var group = EmulatorFixture.NewGroup("job-gen");
        await emulator.SeedVmAsync(group, "base01");
        var sink = new Sink();
        using var runner = new JobRunner(sink, interactive: false);

        var outcome = await runner.Start(host => emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), host)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(JobOutcome.Completed, outcome);
        var vm = Assert.IsType<VmInfo>(Assert.Single(sink.Output));
        Assert.Equal("Generalized", vm.OsState);
        Assert.Empty(sink.Errors);
        Assert.Contains(sink.Verbose, v => v.Contains("confirmed before the job started") && v.Contains("base01"));
        Assert.True((await emulator.Control.GetGuestAsync(group, "base01")).Generalized);
    }

    [Fact]
    public async Task A_refused_capture_fails_the_job_with_the_refusal_and_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("job-refuse");
        var seeded = await emulator.SeedVmAsync(group, "base01"); // running, not generalized
        var mark = await emulator.MarkAsync();
        var sink = new Sink();
        using var runner = new JobRunner(sink, interactive: false);

        var outcome = await runner.Start(host => emulator.Engine.CaptureAsync(
            new CaptureRequest { Source = ResourceReference.FromId(seeded.Id), ImageName = "img" }, host)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(JobOutcome.Failed, outcome);
        var failure = Assert.IsType<PreflightException>(sink.Failure);
        Assert.Contains(failure.Refusals, f => f.RuleId == "VmNotGeneralized");
        Assert.Same(failure, Assert.Single(sink.Errors));
        Assert.Empty(sink.Output);
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task Stopping_a_job_during_Sysprep_ends_it_Stopped_before_deallocate()
    {
        var group = EmulatorFixture.NewGroup("job-stop");
        await emulator.SeedVmAsync(group, "base01", guest: new GuestTraits { SysprepOutcome = "hang" });
        var mark = await emulator.MarkAsync();
        var sink = new Sink();
        using var runner = new JobRunner(sink, interactive: false);

        var completion = runner.Start(host => emulator.Engine.GeneralizeAsync(
            Refusals.Generalize(group, "base01", r => r.GuestTimeout = TimeSpan.FromMinutes(5)), host));
        // Wait until the guest has been asked to run Sysprep, then stop the job.
        var until = DateTime.UtcNow.AddMinutes(1);
        while (!((await emulator.Control.GetGuestAsync(group, "base01")).Scripts ?? new List<string>()).Any(s => s.Contains("/generalize")))
        {
            Assert.False(completion.IsCompleted, "the job ended before Sysprep started: " + sink.Outcome + " " + sink.Failure?.Message);
            Assert.True(DateTime.UtcNow < until, "Sysprep never started");
            await Task.Delay(50);
        }
        runner.Stop();

        Assert.Equal(JobOutcome.Stopped, await completion.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(JobOutcome.Stopped, sink.Outcome);
        Assert.Empty(sink.Output);
        Assert.Empty(sink.Errors);
        Assert.Contains(sink.Warnings, w => w.Contains("Sysprep", StringComparison.OrdinalIgnoreCase)); // which step was interrupted
        Assert.DoesNotContain(await emulator.WritesAsync(group, mark), w => w.Path.EndsWith("/deallocate") || w.Path.EndsWith("/generalize"));
    }
}
