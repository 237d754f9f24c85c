using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// A gallery to create needs its resource group: ARM would refuse the gallery's PUT
    /// (404 ResourceGroupNotFound), so the missing group is named before any write.
    /// </summary>
    internal sealed class GalleryResourceGroupNotFound : Rule<PublishFacts>
    {
        public override string Reads => "-GalleryResourceGroupName (the gallery's GET: 404 ResourceGroupNotFound rather than ResourceNotFound)";

        public override Finding? Evaluate(PublishFacts facts) =>
            facts.GalleryGroupExists ? null : Refuse(
                $"Resource group '{facts.GalleryId.ResourceGroupName}' does not exist, so gallery '{facts.GalleryName}' cannot be created in it.",
                "Pass -GalleryResourceGroupName of an existing resource group, or create it first (New-AzResourceGroup), then rerun.",
                facts.GalleryId, FailureCategory.ObjectNotFound);
    }
}
