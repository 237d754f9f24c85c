using System;
using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>Replica storage: Standard_LRS, Standard_ZRS or Premium_LRS.</summary>
    internal sealed class TargetRegionStorageAccountTypeInvalid : Rule<PublishFacts>
    {
        public override string Reads => "-TargetRegion storage types, -StorageAccountType";

        public override Finding? Evaluate(PublishFacts facts)
        {
            var bad = facts.Regions
                .Where(r => r.StorageAccountType.Length > 0 &&
                            !PublishFacts.StorageAccountTypes.Any(t => string.Equals(t, r.StorageAccountType, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            return bad.Count == 0 ? null : Refuse(
                $"Storage account type not supported: {string.Join(", ", bad.Select(r => $"{r.Name}={r.StorageAccountType}"))}.",
                $"Use {string.Join(", ", PublishFacts.StorageAccountTypes)}.",
                facts.VersionId, FailureCategory.InvalidArgument);
        }
    }
}
