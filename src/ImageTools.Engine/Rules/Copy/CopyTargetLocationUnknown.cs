using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>The target region must be one the subscription offers.</summary>
    internal sealed class CopyTargetLocationUnknown : Rule<CopyFacts>
    {
        public override string Reads => "-TargetLocation; the subscription's locations";

        public override Finding? Evaluate(CopyFacts facts)
        {
            if (facts.TargetLocationKnown)
                return null;
            return Refuse($"Region '{facts.TargetLocation}' is not available to subscription {facts.TargetId.SubscriptionId}.",
                $"Pass -TargetLocation with one of: {string.Join(", ", facts.KnownLocations)}.", facts.TargetId.Id, FailureCategory.InvalidArgument);
        }
    }
}
