using System.Collections.Concurrent;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Tests.Hosting;

/// <summary>-AsJob's engine side: the runner feeds a job's streams in order, ends Completed/Failed/Stopped, never prompts.</summary>
public class JobRunnerTests
{
    /// <summary>A job's collections, recorded in arrival order, with a flag for overlapping calls.</summary>
    private sealed class RecordingSink : IJobSink
    {
        public readonly List<(string Stream, string Value)> Records = new();
        public readonly TaskCompletionSource<(JobOutcome Outcome, ImageToolsException? Failure)> Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inside;
        public bool Overlapped;

        private void Add(string stream, string value)
        {
            if (Interlocked.Increment(ref _inside) > 1) Overlapped = true;
            Thread.SpinWait(200);
            Records.Add((stream, value));
            Interlocked.Decrement(ref _inside);
        }

        public void Output(object item) => Add("Output", item.ToString()!);
        public void Error(ImageToolsException error) => Add("Error", error.RuleId);
        public void Verbose(string message) => Add("Verbose", message);
        public void Warning(string message) => Add("Warning", message);
        public void Progress(OperationProgress progress) => Add("Progress", progress.ToString());
        public void Finished(JobOutcome outcome, ImageToolsException? failure)
        {
            Add("Finished", outcome.ToString());
            Done.SetResult((outcome, failure));
        }
    }

    private static async Task<(RecordingSink Sink, JobOutcome Outcome)> RunAsync(Func<IOperationHost, Task> work, bool interactive = true)
    {
        var sink = new RecordingSink();
        using var runner = new JobRunner(sink, interactive);
        var outcome = await runner.Start(work).WaitAsync(TimeSpan.FromSeconds(30));
        return (sink, outcome);
    }

    [Fact]
    public async Task Streams_arrive_in_the_order_the_engine_wrote_them_and_Finished_comes_last()
    {
        var (sink, outcome) = await RunAsync(async host =>
        {
            host.WriteVerbose("reading state");
            await Task.Yield();
            host.WriteWarning("careful");
            host.WriteProgress(new OperationProgress(1, "Replicating", "eastus", 50));
            host.WriteObject("vm1");
            host.WriteError(new ImageToolsException("SomeRule", "refused"));
            host.WriteObject("vm2");
        });

        Assert.Equal(JobOutcome.Completed, outcome);
        Assert.Equal(new[] { "Verbose", "Warning", "Progress", "Output", "Error", "Output", "Finished" }, sink.Records.Select(r => r.Stream));
        Assert.Equal(new[] { "vm1", "vm2" }, sink.Records.Where(r => r.Stream == "Output").Select(r => r.Value));
    }

    [Fact]
    public async Task The_work_runs_off_the_starting_thread_and_Start_returns_before_it_ends()
    {
        var release = new TaskCompletionSource();
        var sink = new RecordingSink();
        using var runner = new JobRunner(sink, interactive: true);
        int workThread = 0;
        var completion = runner.Start(async host =>
        {
            workThread = Environment.CurrentManagedThreadId;
            await release.Task;
            host.WriteObject("late");
        });

        Assert.False(completion.IsCompleted);
        release.SetResult();
        Assert.Equal(JobOutcome.Completed, await completion.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.NotEqual(Environment.CurrentManagedThreadId, workThread);
        Assert.Equal(("Output", "late"), sink.Records[0]);
    }

    [Fact]
    public async Task Writes_from_parallel_engine_threads_are_serialised_and_all_kept()
    {
        var (sink, outcome) = await RunAsync(host => Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            for (int n = 0; n < 25; n++)
                host.WriteObject($"vm{i}-{n}");
        }))));

        Assert.Equal(JobOutcome.Completed, outcome);
        Assert.False(sink.Overlapped, "two sink calls ran at the same time");
        Assert.Equal(200, sink.Records.Count(r => r.Stream == "Output"));
        // Each thread's own writes keep their order.
        for (int i = 0; i < 8; i++)
            Assert.Equal(Enumerable.Range(0, 25).Select(n => $"vm{i}-{n}"), sink.Records.Where(r => r.Value.StartsWith($"vm{i}-")).Select(r => r.Value));
    }

    [Fact]
    public async Task A_refusal_fails_the_job_with_the_refusal_as_its_last_error()
    {
        var refusal = new ImageToolsException("VmNotGeneralized", "not generalized", "run Invoke-VmGeneralize", "/subscriptions/s/vm", FailureCategory.InvalidOperation);
        var sink = new RecordingSink();
        using var runner = new JobRunner(sink, interactive: true);
        var outcome = await runner.Start(async host =>
        {
            host.WriteVerbose("preflight");
            await Task.Yield();
            throw refusal;
        }).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(JobOutcome.Failed, outcome);
        Assert.Equal(new[] { ("Verbose", "preflight"), ("Error", "VmNotGeneralized"), ("Finished", "Failed") }, sink.Records);
        Assert.Same(refusal, (await sink.Done.Task).Failure);
    }

    [Fact]
    public async Task An_unexpected_exception_fails_the_job_as_UnexpectedFailure_keeping_the_cause()
    {
        var sink = new RecordingSink();
        using var runner = new JobRunner(sink, interactive: true);
        var outcome = await runner.Start(_ => throw new InvalidOperationException("boom")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(JobOutcome.Failed, outcome);
        var failure = (await sink.Done.Task).Failure!;
        Assert.Equal("UnexpectedFailure", failure.RuleId);
        Assert.Contains("boom", failure.Message);
        Assert.IsType<InvalidOperationException>(failure.InnerException);
    }

    [Fact]
    public async Task Non_terminating_errors_leave_the_job_Completed()
    {
        var (sink, outcome) = await RunAsync(host =>
        {
            host.WriteObject("vm1");
            host.WriteError(new ImageToolsException("QuotaExceeded", "vm2 failed"));
            return Task.CompletedTask;
        });
        Assert.Equal(JobOutcome.Completed, outcome);
        Assert.Null((await sink.Done.Task).Failure);
    }

    [Fact]
    public async Task Stop_cancels_the_engine_token_and_the_job_ends_Stopped()
    {
        var sink = new RecordingSink();
        using var runner = new JobRunner(sink, interactive: true);
        var waiting = new TaskCompletionSource();
        var completion = runner.Start(async host =>
        {
            waiting.SetResult();
            await Task.Delay(Timeout.Infinite, host.Cancellation);
        });
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        runner.Stop();
        runner.Stop(); // twice is harmless

        Assert.Equal(JobOutcome.Stopped, await completion.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(("Finished", "Stopped"), sink.Records.Last());
        Assert.DoesNotContain(sink.Records, r => r.Stream == "Error");
    }

    [Fact]
    public async Task The_engine_s_account_of_an_interruption_becomes_a_warning_of_a_Stopped_job()
    {
        var sink = new RecordingSink();
        using var runner = new JobRunner(sink, interactive: true);
        var waiting = new TaskCompletionSource();
        var completion = runner.Start(async host =>
        {
            waiting.SetResult();
            try { await Task.Delay(Timeout.Infinite, host.Cancellation); }
            catch (OperationCanceledException e)
            {
                throw new ImageToolsException("OperationStopped", "Stopped while waiting for Sysprep; rerun to resume.", null, null, FailureCategory.OperationStopped, e);
            }
        });
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        runner.Stop();

        Assert.Equal(JobOutcome.Stopped, await completion.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(new[] { ("Warning", "Stopped while waiting for Sysprep; rerun to resume."), ("Finished", "Stopped") }, sink.Records);
    }

    [Fact]
    public async Task An_OperationStopped_failure_without_Stop_is_a_failure()
    {
        var (sink, outcome) = await RunAsync(_ => throw new ImageToolsException("OperationStopped", "stopped", null, null, FailureCategory.OperationStopped));
        Assert.Equal(JobOutcome.Failed, outcome);
        Assert.Equal("OperationStopped", (await sink.Done.Task).Failure!.RuleId);
    }

    [Fact]
    public async Task Inside_a_job_every_step_proceeds_with_a_verbose_line_and_nothing_is_what_if()
    {
        bool? whatIf = null;
        var (sink, _) = await RunAsync(host =>
        {
            whatIf = host.IsWhatIf;
            if (host.ShouldProcess("/subscriptions/s/vm/base01", "Generalize"))
                host.WriteObject("generalized");
            return Task.CompletedTask;
        });

        Assert.False(whatIf);
        Assert.Equal(JobPolicy.ApprovedLine("/subscriptions/s/vm/base01", "Generalize"), sink.Records[0].Value);
        Assert.Equal(("Output", "generalized"), sink.Records[1]);
    }

    [Fact]
    public async Task Non_interactive_jobs_turn_progress_into_one_verbose_line_per_status_change()
    {
        bool? interactive = null;
        var (sink, _) = await RunAsync(host =>
        {
            interactive = host.IsInteractive;
            host.WriteProgress(new OperationProgress(1, "Replicating", "eastus: Replicating", 10));
            host.WriteProgress(new OperationProgress(1, "Replicating", "eastus: Replicating", 60));
            host.WriteProgress(new OperationProgress(1, "Replicating", "eastus: Completed", 100));
            return Task.CompletedTask;
        }, interactive: false);

        Assert.False(interactive);
        Assert.DoesNotContain(sink.Records, r => r.Stream == "Progress");
        Assert.Equal(new[] { "Replicating: eastus: Replicating (10%)", "Replicating: eastus: Completed (100%)" },
            sink.Records.Where(r => r.Stream == "Verbose").Select(r => r.Value));
    }

    [Fact]
    public void A_runner_starts_once()
    {
        using var runner = new JobRunner(new RecordingSink(), true);
        runner.Start(_ => Task.CompletedTask);
        Action second = () => runner.Start(_ => Task.CompletedTask);
        Assert.Throws<InvalidOperationException>(second);
    }

    [Theory]
    [InlineData(false, false, false, false, JobStart.RunInPipeline)]
    [InlineData(false, true, false, true, JobStart.RunInPipeline)]
    [InlineData(true, false, false, true, JobStart.WhatIfInPipeline)]
    [InlineData(true, true, false, true, JobStart.WhatIfInPipeline)]
    [InlineData(true, false, false, false, JobStart.ConfirmThenStart)]
    [InlineData(true, false, true, false, JobStart.ConfirmThenStart)]
    [InlineData(true, true, true, false, JobStart.ConfirmThenStart)]   // -Force -Confirm: -Confirm wins
    [InlineData(true, true, false, false, JobStart.StartWithoutPrompt)]
    public void How_a_job_starts(bool asJob, bool force, bool confirm, bool whatIf, JobStart expected) =>
        Assert.Equal(expected, JobPolicy.Decide(asJob, force, confirm, whatIf));

    [Fact]
    public void Job_error_ids_carry_the_cmdlet_class_as_a_cmdlet_written_record_would()
    {
        Assert.Equal("VmNotGeneralized,ImageTools.Commands.NewCapturedImageCommand",
            JobPolicy.ErrorId(new ImageToolsException("VmNotGeneralized", "x"), "ImageTools.Commands.NewCapturedImageCommand"));
        Assert.Equal("ImageToolsError,ImageTools.Commands.NewCapturedImageCommand",
            JobPolicy.ErrorId(new ImageToolsException("", "x"), "ImageTools.Commands.NewCapturedImageCommand"));
    }
}
