using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.VmssUpgrade
{
    /// <summary>The new image runs the scale set's OS: a Windows scale set cannot take a Linux image, nor the reverse.</summary>
    internal sealed class UpgradeOsTypeMismatch : Rule<VmssUpgradeFacts>
    {
        public override string Reads => "the target's OS type; the scale set's osDisk.osType";

        public override Finding? Evaluate(VmssUpgradeFacts facts)
        {
            var source = facts.Source;
            if (facts.ScaleSet == null || source is not { Exists: true } || source.OsType.Length == 0 || facts.ScaleSet.OsType.Length == 0 ||
                string.Equals(source.OsType, facts.ScaleSet.OsType, StringComparison.OrdinalIgnoreCase))
                return null;
            return Refuse(
                $"The image '{source.Name}' is {source.OsType}, but scale set '{facts.ScaleSet.Name}' runs {facts.ScaleSet.OsType}: its OS profile and extensions are {facts.ScaleSet.OsType}'s.",
                $"Pass a {facts.ScaleSet.OsType} version, or deploy a new scale set from this image (New-VmssFromImage).",
                source.Id, FailureCategory.InvalidArgument);
        }
    }
}
