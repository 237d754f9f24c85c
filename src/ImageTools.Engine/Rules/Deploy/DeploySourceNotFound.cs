using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>The managed image, gallery version, gallery definition or managed disk must exist.</summary>
    internal sealed class DeploySourceNotFound : Rule<DeployFacts>
    {
        public override string Reads => "the source image, gallery version or definition";

        public override Finding? Evaluate(DeployFacts facts) =>
            facts.Source.Exists ? null : Refuse(
                $"The source {Kind(facts.Source.Kind)} '{facts.Source.Id}' was not found.",
                "Check the id (Get-AzImage, Get-AzGalleryImageVersion, Get-AzGalleryImageDefinition or Get-AzDisk show it) and the subscription (-SubscriptionId).",
                facts.Source.Id, FailureCategory.ObjectNotFound);

        internal static string Kind(DeploySourceKind kind) => kind switch
        {
            DeploySourceKind.GalleryVersion => "gallery image version",
            DeploySourceKind.GalleryDefinition => "gallery image definition",
            DeploySourceKind.ManagedDisk => "managed disk",
            _ => "managed image",
        };
    }
}
