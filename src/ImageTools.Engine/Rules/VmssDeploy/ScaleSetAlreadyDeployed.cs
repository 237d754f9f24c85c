namespace ImageTools.Engine.Rules.VmssDeploy
{
    /// <summary>A rerun converges: the scale set exists from this source, so it is emitted and nothing is written.</summary>
    internal sealed class ScaleSetAlreadyDeployed : Rule<VmssDeployFacts>
    {
        public override string Reads => "the scale set of that name and its model's image reference";

        public override Finding? Evaluate(VmssDeployFacts facts) =>
            !facts.ExistsFromSource ? null : Done(
                $"Scale set '{facts.Existing!.Name}' already exists from '{facts.Source.Name}' ({facts.Existing.Capacity} instance(s)); nothing to create." +
                (facts.Existing.Capacity != facts.Request.Capacity ? $" Its capacity is {facts.Existing.Capacity}, not {facts.Request.Capacity}: change it with Update-AzVmss -SkuCapacity." : ""),
                facts.Existing.Id);
    }
}
