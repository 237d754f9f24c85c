using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>waagent deprovisioning and cloud-init exist only in Linux guests; Windows is generalized with Sysprep.</summary>
    internal sealed class DeprovisionOnWindows : Rule<GeneralizeFacts>
    {
        public override string Reads => "storageProfile.osDisk.osType; the requested guest method and -CloudInitClean";

        public override Finding? Evaluate(GeneralizeFacts facts)
        {
            if (!facts.GuestStepNeeded || !facts.IsWindows)
                return null;
            var asked = facts.Request.Method == GeneralizeMethod.Deprovision ? "waagent deprovisioning"
                : facts.Request.CloudInitClean ? "cloud-init clean" : null;
            return asked == null ? null : Refuse(
                $"{asked} was requested, but VM '{facts.Vm.Name}' runs Windows (osType Windows).",
                "Omit -Method and -CloudInitClean: Windows guests are generalized with Sysprep.",
                facts.Vm.Id, Hosting.FailureCategory.InvalidArgument);
        }
    }
}
