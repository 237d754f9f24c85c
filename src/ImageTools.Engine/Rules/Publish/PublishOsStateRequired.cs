using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// A new definition from a disk or snapshot needs the OS state: -OsState, or the state inferred
    /// from the source (the engine's pre-generalize snapshots are Specialized). Never a silent
    /// default. An existing definition's state applies as it is (GalleryDefinitionOsStateMismatch
    /// checks it against what is known).
    /// </summary>
    internal sealed class PublishOsStateRequired : Rule<PublishFacts>
    {
        public override string Reads => "-OsState; the definition's osState; the snapshot's imagetools-snapshot-of tag";

        public override Finding? Evaluate(PublishFacts facts)
        {
            if (!facts.Source.Exists || !facts.Source.IsDisk || facts.TargetOsState.Length > 0)
                return null;
            var kind = facts.Source.Kind.ToString().ToLowerInvariant();
            return Refuse(
                $"The OS state of {kind} '{facts.Source.Name}' is not known (ARM records none on disks and snapshots), -OsState was not given, and image definition '{facts.DefinitionName}' does not exist yet to say it.",
                "Pass -OsState Generalized if the disk was generalized in the guest (Sysprep / waagent -deprovision) before it was copied, otherwise -OsState Specialized; or publish to an existing definition.",
                facts.Source.Id, FailureCategory.InvalidArgument);
        }
    }
}
