using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>
    /// A gallery definition means its latest version: the highest not excluded from latest,
    /// Succeeded, and replicated (Completed) to the target location. None → refuse, listing
    /// each version and why it does not qualify.
    /// </summary>
    internal sealed class NoEligibleLatestVersion : Rule<DeployFacts>
    {
        public override string Reads => "the definition's versions, their latest-exclusion, provisioning and replication status";

        public override Finding? Evaluate(DeployFacts facts)
        {
            var source = facts.Source;
            if (!source.Exists || source.Kind != DeploySourceKind.GalleryDefinition || source.ImageId != null)
                return null;
            var versions = source.Considered.Count == 0
                ? "It has no versions."
                : "Versions: " + string.Join("; ", source.Considered.Select(c => $"{c.Version} {c.Reason}")) + ".";
            var available = source.AvailableIn.Count == 0 ? "" : $" Latest-eligible versions are available in: {string.Join(", ", source.AvailableIn)}.";
            return Refuse(
                $"Gallery image definition '{source.Name}' has no version usable as latest in '{facts.TargetLocation}'. {versions}{available}",
                "Publish a version replicated to that region (Publish-GalleryVersion -TargetRegion), pass -Location with a region where one is available, or name a version explicitly.",
                source.Id, FailureCategory.ObjectNotFound);
        }
    }
}
