using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>Image names: 1-80 letters, digits, _ . -; start with a letter or digit; end with a letter, digit or _.</summary>
    internal sealed class CopyTargetNameInvalid : Rule<CopyFacts>
    {
        public override string Reads => "the target image name (-TargetName, or the source's name)";

        public override Finding? Evaluate(CopyFacts facts)
        {
            var problem = Validation.AzureNames.CheckImageName(facts.TargetId.Name);
            return problem == null ? null : Refuse(problem, "Pass a valid -TargetName.", facts.TargetId.Id, FailureCategory.InvalidArgument);
        }
    }
}
