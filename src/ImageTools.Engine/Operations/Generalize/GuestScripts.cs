using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Rules.Generalize;

namespace ImageTools.Engine.Operations.Generalize
{
    /// <summary>The scripts Invoke-VmGeneralize runs in the guest through Run Command, and how their output is read.</summary>
    internal static class GuestScripts
    {
        public const string PowerShell = "RunPowerShellScript";
        public const string Shell = "RunShellScript";

        /// <summary>Read-only: is the Windows guest in a domain, and is it a domain controller?</summary>
        public static readonly IList<string> DomainProbe = new[]
        {
            "$cs = Get-CimInstance -ClassName Win32_ComputerSystem",
            "Write-Output \"PartOfDomain=$($cs.PartOfDomain)\"",
            "Write-Output \"DomainRole=$($cs.DomainRole)\"",
            "Write-Output \"Domain=$($cs.Domain)\"",
        };

        /// <summary>
        /// Starts Sysprep and returns at once; progress is read from the ImageState registry value.
        /// /quit (Packer's azure-arm builder does the same): Sysprep leaves the sealed guest running,
        /// so the seal (IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE) can be read from the guest before the
        /// platform powers the VM off. A guest that stops on its own is then never taken for a sealed one.
        /// </summary>
        public static readonly IList<string> Sysprep = new[]
        {
            "$ErrorActionPreference = 'Stop'",
            "Start-Process -FilePath \"$env:SystemRoot\\System32\\Sysprep\\Sysprep.exe\" -ArgumentList '" + SysprepArguments + "'",
            "Write-Output 'Sysprep started'",
        };

        public const string SysprepArguments = "/generalize /oobe /mode:vm /quiet /quit";

        public const string SysprepCommandLine = "Sysprep " + SysprepArguments;

        /// <summary>
        /// Read-only: the Windows setup state (Packer's check), and whether Sysprep's process is
        /// gone (ImageState still UNDEPLOYABLE with no Sysprep running means it failed).
        /// </summary>
        public static readonly IList<string> ReadImageState = new[]
        {
            "(Get-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Setup\\State' -Name ImageState).ImageState",
            "if (-not (Get-Process -Name sysprep -ErrorAction SilentlyContinue)) { '" + SysprepNotRunning + "' }",
        };

        public const string SysprepNotRunning = "SYSPREP_PROCESS_NOT_RUNNING";

        public const string ImageStateSealed = GuestStepMarker.SysprepSealed;
        public const string ImageStateUndeployable = "IMAGE_STATE_UNDEPLOYABLE";

        public static IList<string> Deprovision(bool cloudInitClean)
        {
            var lines = new List<string> { "set -e", "waagent -deprovision+user -force" };
            if (cloudInitClean)
                lines.Add("cloud-init clean --logs");
            return lines;
        }

        public static string DeprovisionCommandLine(bool cloudInitClean) =>
            "waagent -deprovision+user -force" + (cloudInitClean ? " and cloud-init clean --logs" : "");

        /// <summary>
        /// Why a Linux deprovisioning run command failed, or null when it succeeded. Failed means:
        /// a status code saying failed (ProvisioningState/failed/...), a status text "Enable failed"
        /// (the script, run with set -e, exited non-zero), or anything written to stderr.
        /// </summary>
        public static string? DeprovisionFailure(GuestCommandResult result)
        {
            var failedCode = result.Codes.FirstOrDefault(c => c.IndexOf("/failed", System.StringComparison.OrdinalIgnoreCase) >= 0);
            var enableFailed = result.Summary.StartsWith("Enable failed", System.StringComparison.OrdinalIgnoreCase);
            var stderr = (result.StdErr ?? "").Trim();
            if (failedCode == null && !enableFailed && stderr.Length == 0)
                return null;
            var parts = new List<string>();
            if (result.Summary.Length > 0 && !result.Summary.StartsWith("Enable succeeded", System.StringComparison.OrdinalIgnoreCase))
                parts.Add(result.Summary.TrimEnd(':', ' '));
            else if (failedCode != null)
                parts.Add("status " + failedCode);
            parts.Add(stderr.Length > 0 ? "stderr: " + stderr : "no stderr");
            return string.Join("; ", parts);
        }

        private static readonly Regex ImageStateToken = new Regex(@"IMAGE_STATE_[A-Z_]+", RegexOptions.CultureInvariant);

        /// <summary>The last IMAGE_STATE_* token in the output; empty when there is none.</summary>
        public static string ParseImageState(string stdout)
        {
            var matches = ImageStateToken.Matches(stdout ?? "");
            return matches.Count == 0 ? "" : matches[matches.Count - 1].Value;
        }

        public static GuestIdentity ParseDomainProbe(string stdout)
        {
            // "PartOfDomain=True" (the probe's lines) or "PartOfDomain : True" (Format-List style).
            var values = (stdout ?? "").Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.IndexOfAny(new[] { '=', ':' }) > 0)
                .Select(l => l.Split(new[] { '=', ':' }, 2))
                .GroupBy(p => p[0].Trim(), System.StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), System.StringComparer.OrdinalIgnoreCase);
            values.TryGetValue("PartOfDomain", out var part);
            values.TryGetValue("DomainRole", out var role);
            values.TryGetValue("Domain", out var domain);
            int.TryParse(role, out var roleNumber);
            return new GuestIdentity
            {
                PartOfDomain = string.Equals(part, "True", System.StringComparison.OrdinalIgnoreCase),
                DomainRole = roleNumber,
                Domain = domain ?? "",
            };
        }
    }
}
