namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>
    /// Sysprep is not supported on an Active Directory domain controller: demote it first.
    /// Like DomainJoined, judged from the read-only run-command probe (the exception to "zero
    /// writes on refusal": the probe POST, plus start and the return to the power state found
    /// when -Start started the VM for it).
    /// </summary>
    internal sealed class DomainController : Rule<GeneralizeFacts>
    {
        public override string Reads => "the guest probe: Win32_ComputerSystem.DomainRole (4 or 5)";

        public override Finding? Evaluate(GeneralizeFacts facts)
        {
            var guest = facts.Guest;
            if (guest == null || !guest.IsDomainController)
                return null;
            return Refuse(
                $"VM '{facts.Vm.Name}' is an Active Directory domain controller (DomainRole {guest.DomainRole}); Sysprep cannot generalize a domain controller.",
                "Demote it first (Uninstall-ADDSDomainController in the guest), or build the image from a machine that is not a domain controller.",
                facts.Vm.Id);
        }
    }
}
