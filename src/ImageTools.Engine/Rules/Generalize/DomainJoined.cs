namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>Sysprep fails on a domain-joined Windows guest: it must leave the domain first.</summary>
    internal sealed class DomainJoined : Rule<GeneralizeFacts>
    {
        public override string Id => "DomainJoined";
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
