using ImageTools.Engine.Hosting;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Rules.Clone
{
    /// <summary>The clone's name (-CloneName, or '&lt;source&gt;-clone') is a valid VM name.</summary>
    internal sealed class CloneNameInvalid : Rule<CloneFacts>
    {
        public override string Reads => "-CloneName (or the default '<source>-clone')";

        public override Finding? Evaluate(CloneFacts facts) =>
            AzureNames.CheckVmName(facts.Names.Vm.Name) is string reason
                ? Refuse(reason, "Pass -CloneName with 1 to 64 letters, digits, '-', '_' or '.' (not ending with '.' or '-').",
                    facts.Names.Vm.Id, FailureCategory.InvalidArgument)
                : null;
    }
}
