using ImageTools.Engine.Hosting;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Rules.VmssDeploy
{
    /// <summary>The scale set's name is a valid resource name (1-64 letters, digits, '_', '.', '-'; ARM: InvalidResourceName).</summary>
    internal sealed class ScaleSetNameInvalid : Rule<VmssDeployFacts>
    {
        public override string Reads => "-Name";

        public override Finding? Evaluate(VmssDeployFacts facts) =>
            AzureNames.CheckVmName(facts.Request.Name) is null ? null : Refuse(
                $"Scale set name '{facts.Request.Name}' is invalid: use 1-64 letters, digits, underscores, periods or hyphens, not ending with a period or hyphen.",
                "Choose another -Name.", facts.Request.Name, FailureCategory.InvalidArgument);
    }
}
