using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>The managed image to copy must exist.</summary>
    internal sealed class CopySourceImageNotFound : Rule<CopyFacts>
    {
        public override string Reads => "GET of the source image";

        public override Finding? Evaluate(CopyFacts facts)
        {
            if (facts.IsGallerySource || facts.Source != null)
                return null;
            return Refuse($"Managed image '{facts.SourceId.Name}' was not found in resource group '{facts.SourceId.ResourceGroupName}' (subscription {facts.SourceId.SubscriptionId}).",
                "Check -ResourceGroupName and -Name (or -ResourceId), and -SubscriptionId.", facts.SourceId.Id, FailureCategory.ObjectNotFound);
        }
    }
}
