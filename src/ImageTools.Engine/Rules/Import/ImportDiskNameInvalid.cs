using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>Disk names: 1-80 letters, digits, underscores and hyphens.</summary>
    internal sealed class ImportDiskNameInvalid : Rule<ImportFacts>
    {
        public override string Reads => "the disk name (-Name, or the file's name)";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var problem = Validation.AzureNames.CheckDiskName(facts.DiskId.Name);
            return problem == null ? null : Refuse(problem, "Pass a valid -Name for the disk.", facts.DiskId.Id, FailureCategory.InvalidArgument);
        }
    }
}
