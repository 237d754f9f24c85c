using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>Whether the guest was generalized before the VHD was made cannot be read from the VHD: it is declared, never guessed (a specialized disk taken as generalized makes VMs that hang at provisioning).</summary>
    internal sealed class ImportOsStateRequired : Rule<ImportFacts>
    {
        public override string Reads => "-OsState";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var state = facts.TargetOsState;
            if (state.Equals("Generalized", StringComparison.OrdinalIgnoreCase) || state.Equals("Specialized", StringComparison.OrdinalIgnoreCase))
                return null;
            return Refuse(state.Length == 0
                    ? $"The OS state of VHD '{facts.Vhd.Path}' was not declared: a VHD does not say whether its guest was generalized."
                    : $"-OsState '{state}' is not an OS state.",
                "Pass -OsState Generalized if the guest was generalized before the VHD was made (Sysprep /generalize /oobe /mode:vm, or waagent -deprovision+user), or -OsState Specialized for a copy that keeps its identity (a migrated server).",
                facts.Vhd.Path, FailureCategory.InvalidArgument);
        }
    }
}
