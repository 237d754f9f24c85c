using System.Management.Automation;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ImageTools.PowerShell.Tests.Infrastructure;

/// <summary>Values and small helpers the cmdlet tests share.</summary>
public static partial class Kit
{
    public const string Password = "Zq7!mV2#pL9x";
    public const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGh0ZXN0a2V5ZGF0YWZvcmltYWdldG9vbHN0ZXN0cw== admin@host";

    public static PSCredential Credential(string user = "azadmin", string password = Password) =>
        new(user, new NetworkCredential("", password).SecurePassword);

    /// <summary>A gallery name (letters and digits only) unique to a test's group.</summary>
    public static string Gallery(string group) => "gal" + group.Replace("-", "")[^8..];

    public static Dictionary<string, object?> Vars(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    [GeneratedRegex("Performing the operation \"(?<action>.*?)\" on target \"(?<target>.*?)\"")]
    private static partial Regex PerformingLine();

    /// <summary>The (action, target) pairs of "What if: Performing the operation ..." or verbose "Performing the operation ..." lines.</summary>
    public static List<(string Action, string Target)> Operations(IEnumerable<string> lines) =>
        lines.Select(l => PerformingLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups["action"].Value, m.Groups["target"].Value)).ToList();

    /// <summary>A string property at a JSON path, or null.</summary>
    public static string? Str(this JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                return null;
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    /// <summary>Waits for a condition (generous deadline, only so that a broken run does not hang); fails when it never holds.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
                Assert.Fail("Timed out waiting for " + what);
            await Task.Delay(100);
        }
    }
}
