namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>A scale-set instance is not generalized on its own: its image comes from a standalone VM.</summary>
    internal sealed class ScaleSetInstance : Rule<GeneralizeFacts>
    {
        public override string Reads => "virtualMachineScaleSet.id";

        public override Finding? Evaluate(GeneralizeFacts facts)
        {
            var vm = facts.Vm;
            if (vm.IsGeneralized || vm.ScaleSetId.Length == 0)
                return null;
            return Refuse(
                $"VM '{vm.Name}' is an instance of scale set '{vm.ScaleSetId}'; scale-set instances cannot be generalized and captured.",
                "Create a standalone VM from the scale set's image (or a snapshot of this instance's OS disk), customise and generalize that VM instead.",
                vm.Id);
        }
    }
}
