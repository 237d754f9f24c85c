using ImageTools.Engine.Hosting;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>Image names: 1-80 letters, digits, _ . -; start with a letter or digit; end with a letter, digit or _.</summary>
    internal sealed class InvalidImageName : Rule<CaptureFacts>
    {
        public override string Reads => "the image name (given, or <source name>-image)";

        public override Finding? Evaluate(CaptureFacts facts)
        {
            var problem = AzureNames.CheckImageName(facts.ImageId.Name);
            return problem == null ? null : Refuse(problem, "Pass a valid -ImageName.", facts.ImageId.Id, FailureCategory.InvalidArgument);
        }
    }
}
