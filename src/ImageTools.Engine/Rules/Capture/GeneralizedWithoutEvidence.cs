using ImageTools.Engine.Rules.Generalize;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>
    /// A generalized source VM without the evidence Invoke-VmGeneralize records (its
    /// imagetools-guest-generalized tag: the Sysprep seal or the waagent result) may have been
    /// flagged generalized by hand (Set-AzVM -Generalized, az vm generalize) without its guest being
    /// generalized; VMs created from such an image hang at provisioning. A warning: the capture goes
    /// on; -GuestGeneralized states the guest was generalized and silences it.
    /// </summary>
    internal sealed class GeneralizedWithoutEvidence : Rule<CaptureFacts>
    {
        public override string Reads => "OSState/generalized and the imagetools-guest-generalized tag of the source VM; -GuestGeneralized";

        public override Finding? Evaluate(CaptureFacts facts) =>
            facts.Request.GuestGeneralized || !(GeneralizedEvidence.Missing(facts.Vm) is var (message, remedy))
                ? null
                : Warn(message, remedy, facts.Vm!.Id);
    }
}
