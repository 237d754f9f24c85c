using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>
    /// An image from a disk or snapshot needs its OS state: -OsState, or the state inferred from
    /// the source (the engine's pre-generalize snapshots are Specialized). Never a silent default:
    /// a specialized disk marked Generalized makes VMs that hang in provisioning.
    /// </summary>
    internal sealed class OsStateRequired : Rule<CaptureFacts>
    {
        public override string Reads => "-OsState; the snapshot's imagetools-snapshot-of tag (a pre-generalize snapshot is Specialized); the disk's imagetools-os-state tag (Import-Vhd -OsState)";

        public override Finding? Evaluate(CaptureFacts facts)
        {
            if (!facts.SourceExists || facts.Kind == CaptureSourceKind.VirtualMachine)
                return null;
            var kind = facts.Kind.ToString().ToLowerInvariant();
            var state = facts.TargetOsState;
            if (state.Length == 0)
                return Refuse(
                    $"The OS state of {kind} '{facts.SourceId.Name}' is not known (ARM records none on disks and snapshots), and -OsState was not given.",
                    "Pass -OsState Generalized if the disk was generalized in the guest (Sysprep / waagent -deprovision) before it was copied. " +
                    $"A specialized disk cannot become a managed image: publish it as a specialized gallery version ({SpecializedManagedImage.GalleryCommand(facts)}).",
                    facts.SourceResourceId, FailureCategory.InvalidArgument);
            if (!state.Equals("Generalized", StringComparison.OrdinalIgnoreCase) && !state.Equals("Specialized", StringComparison.OrdinalIgnoreCase))
                return Refuse($"-OsState '{state}' is not an OS state; use Generalized or Specialized.", "Pass -OsState Generalized or Specialized.",
                    facts.SourceResourceId, FailureCategory.InvalidArgument);
            var inferred = facts.SourceOsState;
            if (inferred.Length > 0 && !state.Equals(inferred, StringComparison.OrdinalIgnoreCase))
                return Refuse(
                    $"-OsState {state} does not match {kind} '{facts.SourceId.Name}': {facts.SourceOsStateReason}, so its disk is {inferred}.",
                    facts.Kind == CaptureSourceKind.Disk
                        ? $"Leave -OsState out to take the declared state; a disk declared Specialized is published as a specialized gallery version: {SpecializedManagedImage.GalleryCommand(facts)}."
                        : $"Capture the generalized VM itself, or publish this snapshot as a specialized gallery version: {SpecializedManagedImage.GalleryCommand(facts)}.",
                    facts.SourceResourceId, FailureCategory.InvalidArgument);
            return null;
        }
    }
}
