using System.Collections.Generic;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>New-CapturedImage's catalogue, in the order findings are reported.</summary>
    internal static class CaptureRules
    {
        public static readonly IReadOnlyList<Rule<CaptureFacts>> All = new Rule<CaptureFacts>[]
        {
            new SourceNotFound(),
            new InvalidImageName(),
            new ImageResourceGroupNotFound(),
            new ImageAlreadyCaptured(),
            new VmNotGeneralized(),
            new StoppedNotDeallocated(),
            new TrustedLaunchToManagedImage(),
            new HyperVGenerationMismatch(),
            new HyperVGenerationUnknown(),
            new OsTypeRequired(),
            new OsStateRequired(),
            new SpecializedManagedImage(),
            new DataDiskNotFound(),
            new ImageLocationMismatch(),
            new ImageExistsFromOtherSource(),
            new DeleteSourceNotVm(),
            new GeneralizedWithoutEvidence(),
        };
    }
}
