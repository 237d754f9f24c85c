using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;

namespace ImageTools.Engine.Tests.Infrastructure;

/// <summary>Runs an operation that must be refused, and checks that it wrote nothing to Azure.</summary>
public static class Refusals
{
    public static async Task<PreflightException> GeneralizeRefusedAsync(this EmulatorFixture emulator, string group, GeneralizeRequest request, RecordingHost? host = null)
    {
        var mark = await emulator.MarkAsync();
        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.GeneralizeAsync(request, host ?? new RecordingHost()));
        await emulator.AssertNoWritesAsync(group, mark);
        return e;
    }

    public static async Task<PreflightException> CaptureRefusedAsync(this EmulatorFixture emulator, string group, CaptureRequest request, RecordingHost? host = null)
    {
        var mark = await emulator.MarkAsync();
        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.CaptureAsync(request, host ?? new RecordingHost()));
        await emulator.AssertNoWritesAsync(group, mark);
        return e;
    }

    public static async Task<PreflightException> RestoreRefusedAsync(this EmulatorFixture emulator, string group, RestoreRequest request, RecordingHost? host = null)
    {
        var mark = await emulator.MarkAsync();
        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.RestoreAsync(request, host ?? new RecordingHost()));
        await emulator.AssertNoWritesAsync(group, mark);
        return e;
    }

    public static RestoreRequest Restore(string group, string name, Action<RestoreRequest>? configure = null)
    {
        var request = new RestoreRequest { Vm = ResourceReference.FromName(group, name), GuestTimeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(request);
        return request;
    }

    /// <summary>The refusal of one rule among all the preflight reported.</summary>
    public static Finding Refusal(this PreflightException e, string ruleId) =>
        Assert.Single(e.Refusals, f => f.RuleId == ruleId);

    public static GeneralizeRequest Generalize(string group, string name, Action<GeneralizeRequest>? configure = null)
    {
        var request = new GeneralizeRequest
        {
            Vm = ResourceReference.FromName(group, name),
            GuestTimeout = TimeSpan.FromSeconds(10),
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(request);
        return request;
    }

    public static CaptureRequest Capture(string sourceId, Action<CaptureRequest>? configure = null)
    {
        var request = new CaptureRequest { Source = ResourceReference.FromId(sourceId) };
        configure?.Invoke(request);
        return request;
    }
}
