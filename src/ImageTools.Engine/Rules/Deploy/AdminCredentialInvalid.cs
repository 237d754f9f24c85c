using System.Collections.Generic;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>
    /// Azure's administrator user name, password and SSH key rules, checked locally (so N VMs are
    /// refused once, before any write). The password itself never appears in a message.
    /// </summary>
    internal sealed class AdminCredentialInvalid : Rule<DeployFacts>
    {
        public override string Reads => "-Credential, -SshPublicKey; the source's OS type";

        public override Finding? Evaluate(DeployFacts facts)
        {
            if (!facts.Source.Exists || facts.Source.IsSpecialized || !facts.HasCredentials)
                return null;
            var windows = facts.Source.IsWindows;
            var problems = new List<string>();
            if (AdminCredentialRules.CheckUserName(facts.AdminUserName, windows) is string user)
                problems.Add(user);
            var password = facts.Request.Credential?.Password;
            if (windows || !string.IsNullOrEmpty(password))
            {
                if (AdminCredentialRules.CheckPassword(password, windows) is string bad)
                    problems.Add(bad);
            }
            if (!string.IsNullOrWhiteSpace(facts.Request.SshPublicKey))
            {
                if (windows)
                    problems.Add("-SshPublicKey applies to Linux only; the source is Windows.");
                else if (AdminCredentialRules.CheckSshPublicKey(facts.Request.SshPublicKey) is string key)
                    problems.Add(key);
            }
            return problems.Count == 0 ? null : Refuse(
                string.Join(" ", problems),
                windows ? "Pass a -Credential whose user name and password meet Azure's rules." : "Pass a valid -SshPublicKey (an OpenSSH public key line), or a -Credential meeting Azure's rules.",
                facts.Source.Id, FailureCategory.InvalidArgument);
        }
    }
}
