using System.Collections.Generic;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>Copy-CapturedImage's catalogue, in the order findings are reported.</summary>
    internal static class CopyRules
    {
        public static readonly IReadOnlyList<Rule<CopyFacts>> All = new Rule<CopyFacts>[]
        {
            new CopySourceIsGalleryVersion(),
            new CopySourceImageNotFound(),
            new CopyTargetNameInvalid(),
            new CopyTargetResourceGroupNotFound(),
            new CopyTargetLocationUnknown(),
            new CopyTargetSameAsSource(),
            new ImageAlreadyCopied(),
            new CopySourceNotSucceeded(),
            new CopySourceFromBlob(),
            new CopySourceDiskNotFound(),
            new CopyTargetExists(),
            new CopyIntermediateNameTaken(),
            new CopyFailedEarlier(),
        };
    }
}
