using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>
    /// A specialized source keeps its own accounts: credentials cannot be set.
    /// ARM: 400 InvalidParameter "Parameter 'osProfile' is not allowed.".
    /// </summary>
    internal sealed class OsProfileNotAllowed : Rule<DeployFacts>
    {
        public override string Reads => "the source's OS state; -Credential, -SshPublicKey";

        public override Finding? Evaluate(DeployFacts facts) =>
            !facts.Source.Exists || !facts.Source.IsSpecialized || !facts.HasCredentials ? null : Refuse(
                $"The source '{facts.Source.Name}' is specialized: its VMs keep the accounts of the machine it was taken from, so credentials cannot be set (Azure would answer: Parameter 'osProfile' is not allowed.).",
                "Omit -Credential and -SshPublicKey, or use a generalized image.", facts.Source.Id, FailureCategory.InvalidArgument);
    }
}
