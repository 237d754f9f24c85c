using System;
using System.Linq;

namespace ImageTools.Engine.Validation
{
    /// <summary>
    /// Azure's rules for a VM's administrator account, checked locally so that a fan-out of
    /// many VMs is refused before the first write rather than failing once per VM.
    /// Returns null when valid, otherwise the reason. Never includes the secret in a message.
    /// </summary>
    public static class AdminCredentialRules
    {
        // Names and passwords Azure refuses for VM administrators (azure-docs, VM FAQ).
        private static readonly string[] ReservedUserNames =
        {
            "administrator", "admin", "user", "user1", "test", "user2", "test1", "user3", "admin1", "1", "123", "a",
            "actuser", "adm", "admin2", "aspnet", "backup", "console", "david", "guest", "john", "owner", "root",
            "server", "sql", "support", "support_388945a0", "sys", "test2", "test3", "user4", "user5",
        };

        private static readonly string[] ReservedPasswords =
        {
            "abc@123", "P@$$w0rd", "P@ssw0rd", "P@ssword123", "Pa$$word", "pass@word1", "Password!", "Password1",
            "Password22", "iloveyou!",
        };

        private const string UserNameForbidden = "\\/\"[]:|<>+=;,?*@&";

        public static string? CheckUserName(string? userName, bool windows)
        {
            userName ??= "";
            int max = windows ? 20 : 64;
            if (userName.Length == 0 || userName.Length > max)
                return $"Administrator user name '{userName}' is invalid: it must be 1-{max} characters long on {(windows ? "Windows" : "Linux")}.";
            if (ReservedUserNames.Any(r => string.Equals(r, userName, StringComparison.OrdinalIgnoreCase)))
                return $"Administrator user name '{userName}' is reserved by Azure; choose another name.";
            if (userName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || UserNameForbidden.IndexOf(c) >= 0))
                return $"Administrator user name '{userName}' is invalid: it cannot contain spaces or any of {UserNameForbidden}";
            if (userName.EndsWith("."))
                return $"Administrator user name '{userName}' is invalid: it cannot end with a period.";
            if (!windows && (userName[0] == '-' || char.IsDigit(userName[0])))
                return $"Administrator user name '{userName}' is invalid: a Linux user name must start with a letter or an underscore.";
            return null;
        }

        /// <summary>Windows 12-123 characters, Linux 6-72; at least three of lower, upper, digit, special; not a well-known password.</summary>
        public static string? CheckPassword(string? password, bool windows)
        {
            password ??= "";
            int min = windows ? 12 : 6, max = windows ? 123 : 72;
            if (password.Length < min || password.Length > max)
                return $"The administrator password must be {min}-{max} characters long on {(windows ? "Windows" : "Linux")} (the one given has {password.Length}).";
            if (password.Any(char.IsControl))
                return "The administrator password cannot contain control characters.";
            int classes = (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsUpper) ? 1 : 0)
                + (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
            if (classes < 3)
                return "The administrator password must contain at least three of: a lowercase letter, an uppercase letter, a digit, a special character.";
            if (ReservedPasswords.Any(r => string.Equals(r, password, StringComparison.Ordinal)))
                return "The administrator password is a well-known password that Azure refuses; choose another.";
            return null;
        }

        /// <summary>An OpenSSH public key line ("ssh-rsa AAAA… comment", ed25519 or ecdsa).</summary>
        public static string? CheckSshPublicKey(string? key)
        {
            var parts = (key ?? "").Trim().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            var knownTypes = new[] { "ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" };
            if (parts.Length < 2 || !knownTypes.Contains(parts[0]))
                return "The SSH public key must be an OpenSSH public key line such as 'ssh-rsa AAAA... user@host' (give the public key, never the private one).";
            try
            {
                Convert.FromBase64String(parts[1]);
            }
            catch (FormatException)
            {
                return "The SSH public key's key data is not valid base64.";
            }
            return null;
        }
    }
}
