using System;
using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.UpdateVersion
{
    /// <summary>A region's storage type: Standard_LRS, Standard_ZRS or Premium_LRS.</summary>
    internal sealed class UpdateStorageAccountTypeInvalid : Rule<UpdateVersionFacts>
    {
        public override string Reads => "-AddRegion storage account types";

        public override Finding? Evaluate(UpdateVersionFacts facts)
        {
            var bad = facts.Adds.Where(a => !string.IsNullOrWhiteSpace(a.StorageAccountType) &&
                                            !UpdateVersionFacts.StorageAccountTypes.Contains(a.StorageAccountType!.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
            return bad.Count == 0 ? null : Refuse(
                $"Storage account type not allowed: {string.Join(", ", bad.Select(a => $"{a.Name}={a.StorageAccountType}"))}.",
                $"Use {string.Join(", ", UpdateVersionFacts.StorageAccountTypes)} (for example westeurope=2=Standard_ZRS).", facts.VersionId, FailureCategory.InvalidArgument);
        }
    }
}
