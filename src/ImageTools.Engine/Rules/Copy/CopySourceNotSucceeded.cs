using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>Only an image that reads Succeeded is copied.</summary>
    internal sealed class CopySourceNotSucceeded : Rule<CopyFacts>
    {
        public override string Reads => "the source image's provisioningState";

        public override Finding? Evaluate(CopyFacts facts)
        {
            var image = facts.Source;
            if (!facts.SourceUsable || string.Equals(image!.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase))
                return null;
            return Refuse($"Managed image '{image.Name}' reads provisioningState '{image.ProvisioningState}', not Succeeded; it cannot be copied yet.",
                "Wait for it to finish, or capture it again (New-CapturedImage -Replace).", image.Id, FailureCategory.InvalidOperation);
        }
    }
}
