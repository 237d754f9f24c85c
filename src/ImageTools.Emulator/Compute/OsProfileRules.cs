using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;

namespace ImageTools.Emulator.Compute;

/// <summary>osProfile validation as ARM applies it on VM create (computer name, admin user name, password).</summary>
internal static class OsProfileRules
{
    private const string ForbiddenWindows = "`~!@#$%^&*()=+_[]{}\\|;:.'\",<>/?";
    private const string ForbiddenLinux = "`~!@#$%^&*()=+_[]{}\\|;:'\",<>/?";

    /// <summary>Names Azure refuses as admin user name (docs: "What are the username requirements when creating a VM?").</summary>
    public static readonly HashSet<string> ReservedUserNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "administrator", "admin", "user", "user1", "test", "user2", "test1", "user3", "admin1", "1", "123", "a", "actuser", "adm",
        "admin2", "aspnet", "backup", "console", "david", "guest", "john", "owner", "root", "server", "sql", "support",
        "support_388945a0", "sys", "test2", "test3", "user4", "user5",
    };

    /// <summary>Passwords Azure refuses outright.</summary>
    public static readonly HashSet<string> DisallowedPasswords = new(StringComparer.Ordinal)
    {
        "abc@123", "iloveyou!", "P@$$w0rd", "P@ssw0rd", "P@ssword123", "Pa$$word", "pass@word1", "Password!", "Password1", "Password22",
    };

    public static void Validate(JsonObject osProfile, string osType, string vmName)
    {
        var windows = osType == "Windows";
        var computerName = osProfile.Str("computerName") ?? vmName;
        if (windows)
        {
            if (computerName.Length is 0 or > 15 || computerName.All(char.IsDigit) || computerName.Any(ch => ForbiddenWindows.Contains(ch) || char.IsWhiteSpace(ch) || char.IsControl(ch)) || computerName.EndsWith('-'))
                throw ArmErrors.WindowsComputerName().AsException();
        }
        else if (computerName.Length is 0 or > 64 || computerName.Any(ch => ForbiddenLinux.Contains(ch) || char.IsWhiteSpace(ch) || char.IsControl(ch)) || computerName.EndsWith('-') || computerName.EndsWith('.'))
        {
            throw ArmErrors.LinuxComputerName().AsException();
        }

        var user = osProfile.Str("adminUsername");
        if (string.IsNullOrEmpty(user)) throw ArmErrors.AdminUsernameRequired().AsException();
        var maxUser = windows ? 20 : 64;
        if (user.Length > maxUser) throw ArmErrors.AdminUsernameTooLong(maxUser).AsException();
        if (ReservedUserNames.Contains(user) || user.EndsWith('.') || user.Any(ch => "\\/\"[]:|<>+=;,?*@&".Contains(ch) || char.IsWhiteSpace(ch) || char.IsControl(ch)))
            throw ArmErrors.AdminUsernameNotAllowed().AsException();

        var password = osProfile.Str("adminPassword");
        var sshOnly = !windows && (osProfile.Bool("linuxConfiguration", "disablePasswordAuthentication") ?? false);
        if (password is null)
        {
            if (sshOnly) return;
            throw ArmErrors.AdminPasswordRequired().AsException();
        }
        var (min, max) = windows ? (12, 123) : (6, 72);
        if (DisallowedPasswords.Contains(password)) throw ArmErrors.PasswordDisallowed().AsException();
        if (password.Length < min || password.Length > max || password.Any(char.IsControl) || Classes(password) < 3)
            throw ArmErrors.PasswordComplexity(min, max).AsException();
    }

    private static int Classes(string password) =>
        (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsDigit) ? 1 : 0) +
        (password.Any(ch => !char.IsLetterOrDigit(ch) && !char.IsControl(ch)) ? 1 : 0);

    /// <summary>The stored/returned osProfile: secrets removed, defaults ARM adds.</summary>
    public static JsonObject Render(JsonObject requested, string osType, string vmName)
    {
        var profile = Json.CloneObject(requested);
        profile.Remove("adminPassword");
        profile.Remove("customData");
        profile["computerName"] ??= vmName;
        profile["secrets"] ??= new JsonArray();
        profile["allowExtensionOperations"] ??= true;
        profile["requireGuestProvisionSignal"] ??= true;
        if (osType == "Windows")
        {
            var wc = profile.Obj("windowsConfiguration");
            wc["provisionVMAgent"] ??= true;
            wc["enableAutomaticUpdates"] ??= true;
            wc["patchSettings"] ??= new JsonObject { ["patchMode"] = "AutomaticByOS", ["assessmentMode"] = "ImageDefault" };
        }
        else
        {
            var lc = profile.Obj("linuxConfiguration");
            lc["disablePasswordAuthentication"] ??= false;
            lc["provisionVMAgent"] ??= true;
            lc["patchSettings"] ??= new JsonObject { ["patchMode"] = "ImageDefault", ["assessmentMode"] = "ImageDefault" };
        }
        return profile;
    }
}
