using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.VmssDeploy
{
    /// <summary>A scale set of that name already exists with another image: it is never overwritten.</summary>
    internal sealed class ScaleSetExistsFromOtherSource : Rule<VmssDeployFacts>
    {
        public override string Reads => "the scale set of that name and its model's image reference";

        public override Finding? Evaluate(VmssDeployFacts facts) =>
            facts.Existing == null || !facts.Source.Exists || facts.ExistsFromSource ? null : Refuse(
                $"Scale set '{facts.Existing.Name}' already exists, its model naming '{(facts.Existing.ImageId.Length > 0 ? facts.Existing.ImageId : "another source")}'; it is left as it is.",
                $"Move it to the new image with Update-VmssImage -ResourceGroupName {facts.Existing.ResourceGroupName} -VMScaleSetName {facts.Existing.Name} -ImageId <version id>, or choose another -Name.",
                facts.Existing.Id, FailureCategory.ResourceExists);
    }
}
