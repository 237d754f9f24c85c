using System;
using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>
    /// An image of that name made from the same source is the result of an earlier run: it is
    /// returned, nothing is written. With -DeleteSourceVm and the source VM still there (the
    /// earlier run's delete failed), the rerun plans and runs only that delete, after the image
    /// reads Succeeded.
    /// </summary>
    internal sealed class ImageAlreadyCaptured : Rule<CaptureFacts>
    {
        public override string Reads => "GET of the image: sourceVirtualMachine.id or storageProfile.osDisk source, provisioningState";

        public override Finding? Evaluate(CaptureFacts facts)
        {
            var image = facts.ExistingImage;
            if (image == null || !ArmId.SameId(image.SourceId, facts.SourceResourceId) ||
                !string.Equals(image.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase))
                return null;
            return Done($"Image '{image.Name}' already exists from '{facts.SourceId.Name}'; it is returned as it is.", image.Id);
        }
    }
}
