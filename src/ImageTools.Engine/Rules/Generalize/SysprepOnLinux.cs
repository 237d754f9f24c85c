using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>Sysprep exists only in Windows guests; a Linux guest is deprovisioned with waagent.</summary>
    internal sealed class SysprepOnLinux : Rule<GeneralizeFacts>
    {
        public override string Reads => "storageProfile.osDisk.osType; the requested guest method";

        public override Finding? Evaluate(GeneralizeFacts facts) =>
            facts.GuestStepNeeded && facts.IsLinux && facts.Request.Method == GeneralizeMethod.Sysprep
                ? Refuse($"Sysprep was requested, but VM '{facts.Vm.Name}' runs Linux (osType Linux).",
                    "Omit -Method (Linux guests are deprovisioned with 'waagent -deprovision+user -force'), or pass -Method Deprovision.",
                    facts.Vm.Id, Hosting.FailureCategory.InvalidArgument)
                : null;
    }
}
