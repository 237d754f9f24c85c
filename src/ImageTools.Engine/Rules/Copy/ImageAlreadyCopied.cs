using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>A copy of this image already at the target (made by an earlier run) is returned as it is: reruns converge.</summary>
    internal sealed class ImageAlreadyCopied : Rule<CopyFacts>
    {
        public override string Reads => "the target image: its imagetools-copy-of tag and provisioningState";

        public override Finding? Evaluate(CopyFacts facts)
        {
            if (!facts.SourceUsable || !facts.TargetIsOurCopy || !string.Equals(facts.ExistingTarget!.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase))
                return null;
            return Done($"Image '{facts.TargetId.Name}' in '{facts.ExistingTarget.Location}' is already a copy of '{facts.Source!.Name}'; nothing to do.", facts.ExistingTarget.Id);
        }
    }
}
