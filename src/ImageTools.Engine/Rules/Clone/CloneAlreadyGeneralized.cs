namespace ImageTools.Engine.Rules.Clone
{
    /// <summary>A clone of this source that an earlier run generalized is emitted as it is, without a write.</summary>
    internal sealed class CloneAlreadyGeneralized : Rule<CloneFacts>
    {
        public override string Reads => "the clone VM's imagetools-clone-of tag and OSState/generalized";

        public override Finding? Evaluate(CloneFacts facts) =>
            facts.CloneExists && facts.ExistingClone!.IsGeneralized
                ? Done($"Clone '{facts.ExistingClone.Name}' of VM '{facts.Source.Name}' is already generalized; nothing to do.", facts.ExistingClone.Id)
                : null;
    }
}
