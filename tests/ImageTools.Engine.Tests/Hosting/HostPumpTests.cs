using System.Collections.Concurrent;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Tests.Hosting;

/// <summary>The host pump: engine work on the thread pool, every host call on the pumping thread.</summary>
public class HostPumpTests
{
    /// <summary>A host that records each call with the thread it ran on, like a cmdlet would see them.</summary>
    private sealed class RecordingHost : IOperationHost
    {
        public readonly List<(string Call, string Value, int Thread)> Calls = new();
        public Func<string, bool> Answer = _ => true;
        public Action<string>? OnCall;
        public CancellationTokenSource Source = new();

        public bool IsWhatIf { get; set; }
        public bool IsInteractive { get; set; } = true;
        public CancellationToken Cancellation => Source.Token;

        private void Record(string call, string value)
        {
            Calls.Add((call, value, Environment.CurrentManagedThreadId));
            OnCall?.Invoke(call);
        }

        public bool ShouldProcess(string target, string action) { Record("ShouldProcess", target); return Answer(target); }
        public bool ConfirmHighImpact(string target, string action) { Record("ConfirmHighImpact", target); return Answer(target); }
        public void WriteVerbose(string message) => Record("Verbose", message);
        public void WriteWarning(string message) => Record("Warning", message);
        public void WriteProgress(OperationProgress progress) => Record("Progress", progress.ToString());
        public void WriteObject(object item) => Record("Object", item.ToString()!);
        public void WriteError(ImageToolsException error) => Record("Error", error.RuleId);
    }

    [Fact]
    public void Every_host_call_runs_on_the_pumping_thread_and_the_result_comes_back()
    {
        var host = new RecordingHost();
        using var pump = new HostPump(host);
        int engineThread = 0;

        string result = pump.Run(async proxy =>
        {
            engineThread = Environment.CurrentManagedThreadId;
            proxy.WriteVerbose("reading state");
            await Task.Delay(5);
            proxy.WriteWarning("careful");
            proxy.WriteObject("vm1");
            proxy.WriteError(new ImageToolsException("SomeRule", "refused"));
            return "done";
        });

        Assert.Equal("done", result);
        Assert.NotEqual(Environment.CurrentManagedThreadId, engineThread);
        Assert.Equal(new[] { "Verbose", "Warning", "Object", "Error" }, host.Calls.Select(c => c.Call));
        Assert.All(host.Calls, c => Assert.Equal(Environment.CurrentManagedThreadId, c.Thread));
    }

    [Fact]
    public void Calls_from_one_engine_thread_keep_their_order()
    {
        var host = new RecordingHost();
        using var pump = new HostPump(host);

        pump.Run(async proxy =>
        {
            for (int i = 0; i < 200; i++)
            {
                proxy.WriteObject(i);
                if (i % 50 == 0) await Task.Yield();
                if (i % 20 == 0) proxy.ShouldProcess($"t{i}", "step");
            }
        });

        Assert.Equal(Enumerable.Range(0, 200).Select(i => i.ToString()),
            host.Calls.Where(c => c.Call == "Object").Select(c => c.Value));
        // A ShouldProcess answer arrives before the engine goes on, so it sits exactly after its object.
        int index = host.Calls.FindIndex(c => c.Call == "ShouldProcess" && c.Value == "t40");
        Assert.Equal("40", host.Calls[index - 1].Value);
        Assert.Equal("41", host.Calls[index + 1].Value);
    }

    [Fact]
    public void ShouldProcess_answers_flow_back_to_the_engine()
    {
        var host = new RecordingHost { Answer = target => target != "vm2" };
        using var pump = new HostPump(host);

        var answers = pump.Run(proxy => Task.Run(() =>
            new[] { "vm1", "vm2", "vm3" }.Select(t => proxy.ShouldProcess(t, "Generalize")).ToArray()));

        Assert.Equal(new[] { true, false, true }, answers);
    }

    [Fact]
    public void The_works_exception_is_rethrown_as_is()
    {
        using var pump = new HostPump(new RecordingHost());
        var refusal = new ImageToolsException("VmNotGeneralized", "not generalized", "run Invoke-VmGeneralize");

        var thrown = Assert.Throws<ImageToolsException>(() => pump.Run(async proxy =>
        {
            await Task.Yield();
            throw refusal;
        }));

        Assert.Same(refusal, thrown);
    }

    [Fact]
    public void A_synchronous_throw_in_the_work_is_rethrown_too()
    {
        using var pump = new HostPump(new RecordingHost());
        Assert.Throws<ArgumentException>(() => pump.Run(_ => throw new ArgumentException("bad")));
    }

    [Fact]
    public void A_failing_host_write_cancels_the_work_and_is_rethrown_after_it_ends()
    {
        // PowerShell throws PipelineStoppedException from WriteObject once the pipeline stops.
        var host = new RecordingHost { OnCall = call => { if (call == "Object") throw new TimeoutException("pipeline stopped"); } };
        using var pump = new HostPump(host);
        bool sawCancellation = false;

        Assert.Throws<TimeoutException>(() => pump.Run(async proxy =>
        {
            proxy.WriteObject("first");
            try { await Task.Delay(Timeout.Infinite, proxy.Cancellation); }
            catch (OperationCanceledException) { sawCancellation = true; }
            proxy.WriteObject("after the failure");
        }));

        Assert.True(sawCancellation);
        Assert.Single(host.Calls, c => c.Call == "Object");
    }

    [Fact]
    public void A_failing_ShouldProcess_throws_in_the_engine_thread()
    {
        var host = new RecordingHost { OnCall = call => { if (call == "ShouldProcess") throw new InvalidOperationException("no prompt possible"); } };
        using var pump = new HostPump(host);

        string caught = pump.Run(proxy => Task.Run(() =>
        {
            try { proxy.ShouldProcess("vm1", "Generalize"); return "no exception"; }
            catch (InvalidOperationException ex) { return ex.Message; }
        }));

        Assert.Equal("no prompt possible", caught);
    }

    [Fact]
    public void Cancel_from_another_thread_stops_the_work_promptly()
    {
        var host = new RecordingHost();
        using var pump = new HostPump(host);
        var started = new ManualResetEventSlim();
        var stopper = Task.Run(() => { started.Wait(); pump.Cancel(); });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => pump.Run(async proxy =>
        {
            started.Set();
            await Task.Delay(TimeSpan.FromMinutes(5), proxy.Cancellation);
        }));
        stopper.Wait();

        Assert.True(pump.Cancellation.IsCancellationRequested);
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), "the five-minute wait was not cut short");
    }

    [Fact]
    public void The_hosts_own_token_cancels_the_work()
    {
        var host = new RecordingHost();
        using var pump = new HostPump(host);

        Assert.ThrowsAny<OperationCanceledException>(() => pump.Run(async proxy =>
        {
            host.Source.Cancel();
            await Task.Delay(TimeSpan.FromMinutes(5), proxy.Cancellation);
        }));
    }

    [Fact]
    public void Many_engine_threads_are_serialised_onto_the_pumping_thread()
    {
        var host = new RecordingHost { Answer = target => int.Parse(target.Split(':')[1]) % 20 == 0 };
        using var pump = new HostPump(host);
        var approved = new ConcurrentBag<string>();

        pump.Run(proxy => Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            for (int i = 0; i < 100; i++)
            {
                proxy.WriteObject($"{worker}:{i}");
                if (i % 10 == 0 && proxy.ShouldProcess($"{worker}:{i}", "create")) approved.Add($"{worker}:{i}");
                if (i % 25 == 0) await Task.Yield();
            }
        }))));

        var objects = host.Calls.Where(c => c.Call == "Object").Select(c => c.Value).ToList();
        Assert.Equal(1600, objects.Count);
        Assert.All(host.Calls, c => Assert.Equal(Environment.CurrentManagedThreadId, c.Thread));
        for (int worker = 0; worker < 16; worker++)
        {
            var mine = objects.Where(o => o.StartsWith($"{worker}:", StringComparison.Ordinal)).Select(o => int.Parse(o.Split(':')[1]));
            Assert.Equal(Enumerable.Range(0, 100), mine);
        }
        Assert.Equal(16 * 10, host.Calls.Count(c => c.Call == "ShouldProcess"));
        Assert.Equal(16 * 5, approved.Count); // each worker's 0, 20, 40, 60, 80
        Assert.All(approved, a => Assert.Equal(0, int.Parse(a.Split(':')[1]) % 20));
    }

    [Fact]
    public void Interactive_hosts_get_progress_records()
    {
        var host = new RecordingHost { IsInteractive = true };
        using var pump = new HostPump(host);

        pump.Run(proxy =>
        {
            proxy.WriteProgress(new OperationProgress(1, "Replicating", "eastus", 10));
            proxy.WriteProgress(new OperationProgress(1, "Replicating", "eastus", 20));
            return Task.CompletedTask;
        });

        Assert.Equal(2, host.Calls.Count(c => c.Call == "Progress"));
        Assert.DoesNotContain(host.Calls, c => c.Call == "Verbose");
    }

    [Fact]
    public void Non_interactive_hosts_get_one_verbose_line_per_status_change_instead_of_a_bar()
    {
        var host = new RecordingHost { IsInteractive = false };
        using var pump = new HostPump(host);

        pump.Run(proxy =>
        {
            Assert.False(proxy.IsInteractive);
            proxy.WriteProgress(new OperationProgress(1, "Replicating", "eastus: Replicating", 10));
            proxy.WriteProgress(new OperationProgress(1, "Replicating", "eastus: Replicating", 40));
            proxy.WriteProgress(new OperationProgress(2, "Replicating", "westeurope: Replicating", 5));
            proxy.WriteProgress(new OperationProgress(1, "Replicating", "eastus: Completed", 100));
            proxy.WriteProgress(new OperationProgress(1, "Replicating", "eastus: Completed", 100, completed: true));
            return Task.CompletedTask;
        });

        Assert.DoesNotContain(host.Calls, c => c.Call == "Progress");
        Assert.Equal(new[]
        {
            "Replicating: eastus: Replicating (10%)",
            "Replicating: westeurope: Replicating (5%)",
            "Replicating: eastus: Completed (100%)",
        }, host.Calls.Where(c => c.Call == "Verbose").Select(c => c.Value));
    }

    [Fact]
    public void The_proxy_reports_the_hosts_WhatIf()
    {
        using var pump = new HostPump(new RecordingHost { IsWhatIf = true });
        Assert.True(pump.Run(proxy => Task.FromResult(proxy.IsWhatIf)));
    }

    [Fact]
    public void A_pump_runs_once_and_its_proxy_refuses_prompts_after_the_work_ended()
    {
        var pump = new HostPump(new RecordingHost());
        IOperationHost? kept = null;
        pump.Run(proxy => { kept = proxy; return Task.CompletedTask; });

        Assert.Throws<InvalidOperationException>(() => pump.Run(_ => Task.CompletedTask));
        var late = Task.Run(() => kept!.ShouldProcess("vm1", "late"));
        Assert.Throws<InvalidOperationException>(() => late.GetAwaiter().GetResult());
        pump.Dispose();
    }
}
