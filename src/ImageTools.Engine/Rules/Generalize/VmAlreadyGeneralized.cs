namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>A VM already marked generalized needs nothing: it is emitted as it is, without a write (reruns converge).</summary>
    internal sealed class VmAlreadyGeneralized : Rule<GeneralizeFacts>
    {
        public override string Reads => "instance view status OSState/generalized";

        public override Finding? Evaluate(GeneralizeFacts facts) =>
            facts.Vm.IsGeneralized
                ? Done($"VM '{facts.Vm.Name}' is already generalized (OSState/generalized); nothing to do.", facts.Vm.Id)
                : null;
    }
}
