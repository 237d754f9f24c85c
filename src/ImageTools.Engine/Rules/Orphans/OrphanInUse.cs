using System.Linq;
using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Orphans
{
    /// <summary>An orphan something else now uses (a disk attached to a VM, a NIC on a VM, a network with NICs or peerings) is kept.</summary>
    internal sealed class OrphanInUse : Rule<OrphanRemoveFacts>
    {
        public override string Reads => "a disk's managedBy; a NIC's virtualMachine; a public IP's ipConfiguration; a network's IP configurations, private endpoints and peerings";

        public override Finding? Evaluate(OrphanRemoveFacts facts) =>
            facts.Origin == null || facts.AttachedTo.Count == 0 ? null : Refuse(
                $"'{facts.Id.Name}' ({facts.Origin.Description}) is in use by {string.Join(", ", facts.AttachedTo.Select(Owner).Distinct().Select(n => $"'{n}'"))}; it is not removed.",
                "Detach it from what uses it (or remove that first), then run Remove-ImageToolsOrphan again.",
                facts.Id.Id);

        /// <summary>The resource an attachment belongs to: a NIC for '&lt;nic&gt;/ipConfigurations/&lt;name&gt;'.</summary>
        private static string Owner(string id)
        {
            var at = id.IndexOf("/ipConfigurations/", System.StringComparison.OrdinalIgnoreCase);
            return ArmId.NameOf(at > 0 ? id.Substring(0, at) : id);
        }
    }
}
