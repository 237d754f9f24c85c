namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>
    /// Sysprep fails on a domain-joined Windows guest: it must leave the domain first.
    /// The one exception to "zero writes on refusal": ARM does not expose domain membership, so
    /// the rule reads a read-only run command (a POST) in the guest, run before any other write.
    /// When the VM was found running, that probe is the only request besides GETs; when the
    /// engine started it for the probe (-Start), it is deallocated or stopped again as it was
    /// found, and the refusal says so. -WhatIf lists the probe as a plan step and cannot judge the rule.
    /// </summary>
    internal sealed class DomainJoined : Rule<GeneralizeFacts>
    {
        public override string Reads => "the guest probe: Win32_ComputerSystem.PartOfDomain, DomainRole";

        public override Finding? Evaluate(GeneralizeFacts facts)
        {
            var guest = facts.Guest;
            if (guest == null || !guest.PartOfDomain || guest.IsDomainController)
                return null;
            var domain = guest.Domain.Length > 0 ? $"domain '{guest.Domain}'" : "a domain";
            return Refuse(
                $"VM '{facts.Vm.Name}' is joined to {domain} (DomainRole {guest.DomainRole}); Sysprep fails on domain-joined machines.",
                "Remove the computer from the domain (Remove-Computer -UnjoinDomainCredential <cred> -WorkgroupName WORKGROUP -Restart in the guest), then rerun.",
                facts.Vm.Id);
        }
    }
}
