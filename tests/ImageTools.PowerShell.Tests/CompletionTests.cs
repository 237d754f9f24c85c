using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Argument completion as a console's Tab asks for it (TabExpansion2): the module's completers
/// list the emulator's resource groups, locations, galleries, definitions and next versions,
/// scoped by the parameters already typed; nothing of the emulator is offered when the session
/// is not connected.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class CompletionTests(EmulatorFixture emulator)
{
    private static List<string> Complete(PsSession ps, string input) =>
        ps.Run("(TabExpansion2 -inputScript $inputText -cursorColumn $inputText.Length).CompletionMatches | ForEach-Object CompletionText",
            Kit.Vars(("inputText", input))).AssertClean().Output.Select(o => (string)o.BaseObject).ToList();

    /// <summary>
    /// Completion answers within a time box and fills its cache in the background when a listing
    /// is slower (a cold first call may be); Tab is pressed again until the expected entry is offered.
    /// </summary>
    private static async Task<List<string>> CompleteUntilAsync(PsSession ps, string input, string expected)
    {
        List<string> result = new();
        await Kit.WaitUntilAsync(() =>
        {
            result = Complete(ps, input);
            return Task.FromResult(result.Contains(expected));
        }, $"'{expected}' in the completion of '{input}'", TimeSpan.FromSeconds(60));
        return result;
    }

    [Fact]
    public async Task Tab_lists_the_emulators_groups_locations_galleries_definitions_and_next_versions()
    {
        var group = EmulatorFixture.NewGroup("comp");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var gallery = Kit.Gallery(group);
        using var ps = emulator.Session(new TestHost());
        ps.Run($"""
            $v = Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -Version 1.2.3
            $v = Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName api -Publisher contoso -Offer api -Sku v1 -Version 1.0.0
            """, Kit.Vars(("vmId", vm.Id))).AssertClean();

        var galleries = await CompleteUntilAsync(ps, "Publish-GalleryVersion -GalleryName ", gallery);
        Assert.All(galleries, g => Assert.StartsWith("gal", g));

        var scoped = await CompleteUntilAsync(ps, $"Publish-GalleryVersion -GalleryResourceGroupName {group} -GalleryName ", gallery);
        Assert.Equal(new[] { gallery }, scoped);

        var definitions = await CompleteUntilAsync(ps, $"Publish-GalleryVersion -GalleryResourceGroupName {group} -GalleryName {gallery} -DefinitionName ", "web");
        Assert.Equal(new[] { "api", "web" }, definitions.Order());

        var versions = await CompleteUntilAsync(ps, $"Publish-GalleryVersion -GalleryResourceGroupName {group} -GalleryName {gallery} -DefinitionName web -Version ", "auto");
        Assert.Equal(new[] { "auto", "1.2.4", "1.3.0", "2.0.0" }, versions);

        var groups = await CompleteUntilAsync(ps, "New-VmFromImage -ResourceGroupName rg-ps-comp", group);
        Assert.All(groups, g => Assert.StartsWith("rg-ps-comp", g));

        var locations = await CompleteUntilAsync(ps, "New-CapturedImage -Location ", "eastus");
        Assert.Contains("westeurope", locations);
        Assert.DoesNotContain(locations, l => l.Contains('/') || l.Contains('\\'));
    }

    [Fact]
    public async Task Tab_offers_nothing_of_the_emulator_when_the_session_is_not_connected()
    {
        var group = EmulatorFixture.NewGroup("comp-off");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var gallery = Kit.Gallery(group);
        using var ps = emulator.Session(new TestHost());
        ps.Run($"$v = Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName web -Publisher contoso -Offer web -Sku v1",
            Kit.Vars(("vmId", vm.Id))).AssertClean();
        var input = $"Publish-GalleryVersion -GalleryResourceGroupName {group} -GalleryName ";
        await CompleteUntilAsync(ps, input, gallery);
        try
        {
            ps.Run("Disconnect-ImageTools").AssertClean();
            var mark = await emulator.MarkAsync();

            var offered = Complete(ps, input);
            var groups = Complete(ps, "New-VmFromImage -ResourceGroupName rg-ps-comp");

            Assert.DoesNotContain(gallery, offered);
            Assert.DoesNotContain(offered, o => o.StartsWith("gal", StringComparison.Ordinal));
            Assert.DoesNotContain(group, groups);
            Assert.Empty(await emulator.RequestsAsync(mark));
        }
        finally
        {
            ps.Connect(emulator.ConnectionFile);
        }
    }
    [Fact]
    public async Task A_new_sign_in_forgets_the_previous_listings()
    {
        var group = EmulatorFixture.NewGroup("comp-cache");
        var vm = await emulator.SeedVmAsync(group, "gen02", state: "generalized");
        var gallery = Kit.Gallery(group);
        using var ps = emulator.Session(new TestHost());
        ps.Run($"Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -Version 1.0.0",
            Kit.Vars(("vmId", vm.Id))).AssertClean();
        var input = $"Publish-GalleryVersion -GalleryResourceGroupName {group} -GalleryName {gallery} -DefinitionName ";
        Assert.Equal(new[] { "web" }, await CompleteUntilAsync(ps, input, "web"));

        // A definition made behind the cache's back is not listed until the cache is forgotten...
        ps.Run($"Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName api -Publisher contoso -Offer api -Sku v1 -Version 1.0.0",
            Kit.Vars(("vmId", vm.Id))).AssertClean();
        Assert.Equal(new[] { "web" }, Complete(ps, input));

        // ...which Connect-ImageTools does.
        ps.Connect(emulator.ConnectionFile).AssertClean();
        Assert.Equal(new[] { "api", "web" }, (await CompleteUntilAsync(ps, input, "api")).Order());
    }
}
