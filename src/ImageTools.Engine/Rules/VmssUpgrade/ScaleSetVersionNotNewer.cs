using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.VmssUpgrade
{
    /// <summary>A move goes forward: a version lower than the model's (same definition) is a rollback, made only with -AllowOlderVersion.</summary>
    internal sealed class ScaleSetVersionNotNewer : Rule<VmssUpgradeFacts>
    {
        public override string Reads => "the model's gallery version and the target's, when both are of one definition; -AllowOlderVersion";

        public override Finding? Evaluate(VmssUpgradeFacts facts)
        {
            if (facts.Request.AllowOlderVersion || facts.CurrentVersionOfTargetDefinition() is not { } current || facts.TargetVersion() is not { } target ||
                target.CompareTo(current) >= 0)
                return null;
            return Refuse(
                $"Scale set '{facts.ScaleSet!.Name}' runs version {current}; {target} is older.",
                "Pass a newer version, or -AllowOlderVersion to roll back on purpose.",
                facts.TargetImageId, FailureCategory.InvalidArgument);
        }
    }
}
