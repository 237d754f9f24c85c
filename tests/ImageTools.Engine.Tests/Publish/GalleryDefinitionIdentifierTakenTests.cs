using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Publish;

[Collection(EmulatorCollection.Name)]
public class GalleryDefinitionIdentifierTakenTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_new_definition_with_a_taken_publisher_offer_sku_is_refused_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("idtaken");
        var imageId = await PublishKit.ImageAsync(emulator, group, "img");
        await PublishKit.PublishAsync(emulator, PublishKit.Request(group, imageId));
        var mark = await emulator.MarkAsync();

        // The same triple in other letter cases: ARM compares identifiers without case.
        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.PublishAsync(
            PublishKit.Request(group, imageId, configure: r => { r.DefinitionName = "web2"; r.Publisher = "contoso"; r.Sku = "2022-GEN2"; }), new RecordingHost()));

        var refusal = e.Refusal("GalleryDefinitionIdentifierTaken");
        Assert.Contains("already has image definition 'web'", refusal.Message);
        Assert.Contains("(publisher: Contoso, offer: WebServer, sku: 2022-gen2)", refusal.Message);
        Assert.Contains("-DefinitionName web", refusal.Remedy);
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task Another_sku_makes_a_second_definition_after_one_list_of_the_gallery_s_definitions()
    {
        var group = EmulatorFixture.NewGroup("idfree");
        var imageId = await PublishKit.ImageAsync(emulator, group, "img");
        await PublishKit.PublishAsync(emulator, PublishKit.Request(group, imageId));
        var mark = await emulator.MarkAsync();

        var second = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, imageId, configure: r => { r.DefinitionName = "web2"; r.Sku = "2022-gen2-core"; }));

        Assert.Equal("web2", second.DefinitionName);
        var log = (await emulator.Control.GetRequestsAsync()).Where(r => r.Sequence > mark).OrderBy(r => r.Sequence).ToList();
        var reads = log.TakeWhile(r => r.Method == "GET").ToList();
        // Before its first write the publish lists the gallery's definitions once and reads no definition by name.
        Assert.Equal(1, reads.Count(r => r.Path.EndsWith("/galleries/corp/images", StringComparison.Ordinal)));
        Assert.DoesNotContain(reads, r => r.Path.EndsWith("/galleries/corp/images/web2", StringComparison.Ordinal));
    }
}
