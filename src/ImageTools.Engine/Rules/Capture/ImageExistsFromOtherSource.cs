using System;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>
    /// An image of that name made from another source is not overwritten unless -Replace says so;
    /// one left failed by an earlier run from the same source is captured again.
    /// </summary>
    internal sealed class ImageExistsFromOtherSource : Rule<CaptureFacts>
    {
        public override string Reads => "GET of the image: its source and provisioningState";

        public override Finding? Evaluate(CaptureFacts facts)
        {
            var image = facts.ExistingImage;
            if (image == null)
                return null;
            var sameSource = ArmId.SameId(image.SourceId, facts.SourceResourceId);
            var succeeded = string.Equals(image.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase);
            if (sameSource && succeeded)
                return null;
            if (sameSource)
                return Warn($"Image '{image.Name}' from '{facts.SourceId.Name}' was left in state {image.ProvisioningState} by an earlier run; it will be deleted and captured again.", null, image.Id);
            var what = $"from another source ('{(image.SourceId.Length > 0 ? image.SourceId : "unknown")}')";
            if (facts.Request.Replace)
                return Warn($"Image '{image.Name}' exists {what}; it will be deleted and captured again from '{facts.SourceId.Name}' (-Replace).", null, image.Id);
            return Refuse(
                $"Image '{image.Name}' already exists in resource group '{image.ResourceGroupName}' {what}.",
                "Choose another -ImageName, or pass -Replace to delete and recreate it.",
                image.Id, FailureCategory.ResourceExists);
        }
    }
}
