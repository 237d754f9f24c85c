using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>The size must be one the location offers (its VM sizes list).</summary>
    internal sealed class VmSizeNotOffered : Rule<DeployFacts>
    {
        public override string Reads => "the location's VM sizes";

        public override Finding? Evaluate(DeployFacts facts) =>
            facts.Size != null || facts.Sizes.Count == 0 ? null : Refuse(
                $"VM size '{facts.Request.VmSize}' is not offered in '{facts.TargetLocation}'.",
                $"Pass a -Size the region offers (Get-AzVMSize -Location {facts.TargetLocation}).",
                facts.Request.VmSize, FailureCategory.InvalidArgument);
    }
}
