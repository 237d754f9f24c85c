using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>
    /// A generalized source needs an administrator account: -Credential (Windows, or Linux with
    /// a password) or -SshPublicKey (Linux). ARM: 400 InvalidParameter "Required parameter 'osProfile' is missing (null).".
    /// </summary>
    internal sealed class OsProfileMissing : Rule<DeployFacts>
    {
        public override string Reads => "the source's OS state and type; -Credential, -SshPublicKey";

        public override Finding? Evaluate(DeployFacts facts)
        {
            if (!facts.Source.Exists || facts.Source.IsSpecialized || facts.HasCredentials)
                return null;
            var what = facts.Source.IsWindows ? "-Credential" : "-SshPublicKey or -Credential";
            return Refuse(
                $"The source '{facts.Source.Name}' is generalized, so each VM needs an administrator account; none was given (Azure would answer: Required parameter 'osProfile' is missing (null).).",
                $"Pass {what}.", facts.Source.Id, FailureCategory.InvalidArgument);
        }
    }
}
