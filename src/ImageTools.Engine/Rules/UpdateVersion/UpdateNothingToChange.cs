namespace ImageTools.Engine.Rules.UpdateVersion
{
    /// <summary>Done: the version already is as asked (a rerun converges); nothing is written.</summary>
    internal sealed class UpdateNothingToChange : Rule<UpdateVersionFacts>
    {
        public override string Reads => "the version's target regions, end of life and exclude-from-latest; the parameters";

        public override Finding? Evaluate(UpdateVersionFacts facts) =>
            facts.Version == null || facts.AnythingChanges ? null
                : Done($"Version '{facts.Version.Name}' already is as asked: nothing to change.", facts.Version.Id);
    }
}
