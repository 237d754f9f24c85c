using ImageTools.Engine.Rules.Generalize;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// Publish's twin of the capture warning: a source VM flagged generalized without the evidence
    /// Invoke-VmGeneralize records may make a version whose VMs hang at provisioning. The publish
    /// goes on; -GuestGeneralized states the guest was generalized and silences it.
    /// </summary>
    internal sealed class PublishGeneralizedWithoutEvidence : Rule<PublishFacts>
    {
        public override string Reads => "OSState/generalized and the imagetools-guest-generalized tag of a source VM; -GuestGeneralized";

        public override Finding? Evaluate(PublishFacts facts) =>
            facts.Request.GuestGeneralized || !(GeneralizedEvidence.Missing(facts.Source.Vm) is var (message, remedy))
                ? null
                : Warn(message, remedy, facts.Source.Vm!.Id);
    }
}
