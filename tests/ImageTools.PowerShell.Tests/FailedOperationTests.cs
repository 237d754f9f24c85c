using System.Management.Automation;
using ImageTools.Emulator.Control;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Each fault kind of the emulator through the real cmdlets: an operation that ends Failed reads
/// "the creation of image 'x' failed in Azure: code: message" with a RecommendedAction saying
/// whether a rerun resumes; a refused request keeps ARM's status and code; transient statuses and
/// dropped connections are retried away; an operation that never ends is bounded by the limit.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class FailedOperationTests(EmulatorFixture emulator)
{
    private async Task<RunResult> CaptureWithFaultAsync(string group, FaultRule fault, PsSession ps, string vmId)
    {
        fault.PathPattern = group + ".*/images/gen01-image$";
        fault.Method = "PUT";
        await emulator.Control.AddFaultAsync(fault);
        try
        {
            return ps.Run("New-CapturedImage -ResourceId $vmId -GuestGeneralized; 'after'", Kit.Vars(("vmId", vmId)));
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
    }

    private static void AssertClear(ErrorRecord error)
    {
        var text = error.ToString() + " " + error.ErrorDetails?.Message + " " + error.ErrorDetails?.RecommendedAction;
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP 200", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operation_that_ends_failed_says_what_failed_in_Azure_and_that_a_rerun_resumes()
    {
        var group = EmulatorFixture.NewGroup("lro-failed");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());

        var run = await CaptureWithFaultAsync(group, new FaultRule { Kind = "lroFailed", Count = 1, ErrorMessage = "Image creation failed on the host." }, ps, vm.Id);

        var error = Assert.Single(run.Errors);
        Assert.Equal("InternalOperationError,ImageTools.Commands.NewCapturedImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Equal("The creation of image 'gen01-image' failed in Azure: InternalOperationError: Image creation failed on the host.", error.ErrorDetails.Message);
        Assert.Contains("rerun the same command, it resumes", error.ErrorDetails.RecommendedAction);
        AssertClear(error);
        Assert.Equal("after", Assert.Single(run.Output).BaseObject);

        var rerun = ps.Run("New-CapturedImage -ResourceId $vmId -GuestGeneralized", Kit.Vars(("vmId", vm.Id))).AssertClean();
        Assert.Equal("Succeeded", RunResult.Prop(Assert.Single(rerun.OutputOf("ImageInfo")), "ProvisioningState"));
    }

    [Fact]
    public async Task An_operation_that_ends_failed_for_a_cause_a_rerun_does_not_fix_says_so()
    {
        var group = EmulatorFixture.NewGroup("lro-invalid");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());

        var run = await CaptureWithFaultAsync(group,
            new FaultRule { Kind = "lroFailed", Count = 1, Status = 400, ErrorCode = "InvalidParameter", ErrorMessage = "The source disk is encrypted with a key that is not accessible." }, ps, vm.Id);

        var error = Assert.Single(run.Errors);
        Assert.Equal("InvalidParameter,ImageTools.Commands.NewCapturedImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.StartsWith("The creation of image 'gen01-image' failed in Azure: InvalidParameter: ", error.ErrorDetails.Message);
        Assert.StartsWith("Rerunning alone repeats the failure", error.ErrorDetails.RecommendedAction);
        AssertClear(error);
    }

    [Fact]
    public async Task A_refused_request_keeps_arms_status_and_code()
    {
        var group = EmulatorFixture.NewGroup("status-409");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());

        var run = await CaptureWithFaultAsync(group,
            new FaultRule { Kind = "status", Status = 409, Count = 1, ErrorCode = "OperationNotAllowed", ErrorMessage = "Another operation is in progress." }, ps, vm.Id);

        var error = Assert.Single(run.Errors);
        Assert.Equal("OperationNotAllowed,ImageTools.Commands.NewCapturedImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("Azure refused to create image", error.ErrorDetails.Message);
        Assert.Contains("(HTTP 409, OperationNotAllowed): Another operation is in progress.", error.ErrorDetails.Message);
        AssertClear(error);
    }

    [Theory]
    [InlineData("status", 503)]
    [InlineData("drop", null)]
    public async Task Transient_statuses_and_dropped_connections_are_retried_away(string kind, int? status)
    {
        var group = EmulatorFixture.NewGroup("transient-" + kind);
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = await CaptureWithFaultAsync(group, new FaultRule { Kind = kind, Status = status, Count = 1 }, ps, vm.Id);

        Assert.Empty(run.Errors);
        Assert.Equal("Succeeded", RunResult.Prop(Assert.Single(run.OutputOf("ImageInfo")), "ProvisioningState"));
        Assert.True((await emulator.RequestsAsync(mark)).Count(r => r.Method == "PUT" && r.Path.EndsWith("/images/gen01-image", StringComparison.Ordinal)) >= (kind == "drop" ? 1 : 2));
    }

    [Fact]
    public async Task A_version_whose_creation_never_ends_is_bounded_by_ReplicationTimeout_with_a_remedy_that_ends()
    {
        var group = EmulatorFixture.NewGroup("never-ends");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var gallery = Kit.Gallery(group);
        using var ps = emulator.Session(new TestHost());
        var publish = $"Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -GuestGeneralized -ReplicationTimeout 00:00:03";
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "lroNeverEnds", Method = "PUT", PathPattern = group + ".*/versions/1\\.0\\.0$", Count = 1 });
        RunResult run;
        try
        {
            run = ps.Run(publish + "; 'after'", Kit.Vars(("vmId", vm.Id)), TimeSpan.FromSeconds(90));
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }

        var error = Assert.Single(run.Errors);
        Assert.Equal("GalleryVersionStuck,ImageTools.Commands.PublishGalleryVersionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("was not created within -ReplicationTimeout 3 s: it reads provisioningState 'Creating'", error.ErrorDetails.Message);
        Assert.Contains("the same command with -Version 1.0.1", error.ErrorDetails.RecommendedAction);
        AssertClear(error);
        Assert.Equal("after", Assert.Single(run.Output).BaseObject);

        var next = ps.Run(publish + " -Version 1.0.1", Kit.Vars(("vmId", vm.Id))).AssertClean();
        Assert.Equal("1.0.1", RunResult.Prop(Assert.Single(next.OutputOf("GalleryVersionInfo")), "Name"));
    }
}
