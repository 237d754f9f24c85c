using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>
/// Microsoft.Resources/tags/default at a resource's scope, through the SDK's TagResource: read,
/// merged, replaced and deleted at once (no long-running operation), with ARM's tag limits; the
/// resource's own tags are what it says.
/// </summary>
public sealed class TagsAtScopeTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public TagsAtScopeTests(EmulatorFixture f) { _f = f; }

    private async Task<(string Group, ResourceIdentifier VmId)> VmAsync()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-tagscope-"));
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest
        {
            ResourceGroup = rg.Data.Name, Name = "t1", OsType = "Linux", Tags = new() { ["owner"] = "ops", ["env"] = "test" },
        });
        return (rg.Data.Name, new ResourceIdentifier(seeded.Id));
    }

    private static TagResourcePatch Patch(TagPatchMode mode, params (string Name, string Value)[] tags)
    {
        var patch = new TagResourcePatch { PatchMode = mode };
        foreach (var (name, value) in tags) patch.TagValues[name] = value;
        return patch;
    }

    private async Task<IDictionary<string, string>> VmTagsAsync(ResourceIdentifier vmId) =>
        (await _f.Client.GetVirtualMachineResource(vmId).GetAsync()).Value.Data.Tags;

    [Fact]
    public async Task Merge_adds_and_changes_the_given_tags_keeps_the_others_and_answers_at_once()
    {
        var (group, vmId) = await VmAsync();
        var tags = _f.Client.GetTagResource(TagResource.CreateResourceIdentifier(vmId));

        var op = await tags.UpdateAsync(WaitUntil.Completed, Patch(TagPatchMode.Merge, ("env", "prod"), ("sealed", "yes")));

        // Answered at once: 200 with the tags, no operation to poll.
        Assert.Equal(200, op.GetRawResponse().Status);
        Assert.False(op.GetRawResponse().Headers.Contains("Azure-AsyncOperation"));
        Assert.False(op.GetRawResponse().Headers.Contains("Location"));
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "ops", ["env"] = "prod", ["sealed"] = "yes" }, op.Value.Data.TagValues);
        Assert.Equal(op.Value.Data.TagValues, await VmTagsAsync(vmId));
        Assert.Equal(op.Value.Data.TagValues, (await tags.GetAsync()).Value.Data.TagValues);
        var log = await _f.Server.Control.GetRequestsAsync();
        Assert.Single(log, r => r.Method == "PATCH" && r.Path.EndsWith("/t1/providers/Microsoft.Resources/tags/default", StringComparison.OrdinalIgnoreCase)
            && r.Path.Contains(group, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Replace_and_delete_set_and_remove_exactly_the_given_tags()
    {
        var (_, vmId) = await VmAsync();
        var tags = _f.Client.GetTagResource(TagResource.CreateResourceIdentifier(vmId));

        await tags.UpdateAsync(WaitUntil.Completed, Patch(TagPatchMode.Replace, ("only", "this")));
        Assert.Equal(new Dictionary<string, string> { ["only"] = "this" }, await VmTagsAsync(vmId));

        await tags.UpdateAsync(WaitUntil.Completed, Patch(TagPatchMode.Merge, ("more", "1")));
        await tags.UpdateAsync(WaitUntil.Completed, Patch(TagPatchMode.Delete, ("only", "this")));
        Assert.Equal(new Dictionary<string, string> { ["more"] = "1" }, await VmTagsAsync(vmId));
    }

    [Fact]
    public async Task A_merge_past_fifty_tags_is_refused_and_changes_nothing()
    {
        var (_, vmId) = await VmAsync();
        var tags = _f.Client.GetTagResource(TagResource.CreateResourceIdentifier(vmId));

        var ex = await Scenario.Fails(() => tags.UpdateAsync(WaitUntil.Completed,
            Patch(TagPatchMode.Merge, Enumerable.Range(1, 49).Select(i => ("t" + i, "v")).ToArray())));

        Assert.Equal(400, ex.Status);
        Assert.Equal("InvalidTags", ex.ErrorCode);
        Assert.Contains("Too many tags specified. Requested tag count - '51'. Maximum number of tags allowed - '50'.", ex.Message);
        Assert.Equal(2, (await VmTagsAsync(vmId)).Count);
    }

    [Fact]
    public async Task The_tags_of_a_missing_resource_are_not_found()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-tagscope-"));
        var missing = VirtualMachineResource.CreateResourceIdentifier(_f.SubscriptionId, rg.Data.Name, "nope");

        var ex = await Scenario.Fails(() => _f.Client.GetTagResource(TagResource.CreateResourceIdentifier(missing)).GetAsync());

        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceNotFound", ex.ErrorCode);
    }
}
