using System.Text;
using System.Text.RegularExpressions;
using ImageTools.Emulator.Compute;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Guest;

/// <summary>Outcome of a script run in the simulated guest.</summary>
internal sealed record ScriptResult(string StdOut, string StdErr, int ExitCode);

/// <summary>
/// Interprets run-command scripts by recognising markers (documented in README.md): Sysprep,
/// the Setup\State ImageState read, waagent deprovision, domain-membership probes, echo/Write-Output,
/// guest shutdown. Side effects that take time are scheduled on the emulator clock.
/// </summary>
internal static class ScriptInterpreter
{
    public const string ResealToOobe = "IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE";
    public const string Undeployable = "IMAGE_STATE_UNDEPLOYABLE";
    /// <summary>A sealed guest booted again: specialize has run and it waits in OOBE; the image is no longer generalized.</summary>
    public const string SpecializeResealToOobe = "IMAGE_STATE_SPECIALIZE_RESEAL_TO_OOBE";

    private static bool Has(string script, string marker) => script.Contains(marker, StringComparison.OrdinalIgnoreCase);

    public static ScriptResult Run(EmulatorState state, VmRuntime vm, string script)
    {
        vm.Scripts.Add(script);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var exit = 0;

        if (Has(script, "sysprep") && Has(script, "/generalize"))
        {
            if (!vm.IsWindows)
            {
                stderr.AppendLine("/bin/sh: 1: sysprep.exe: not found");
                exit = 127;
            }
            else if (vm.DomainController)
            {
                stderr.AppendLine("Sysprep failed: this computer is an Active Directory Domain Services domain controller. Sysprep cannot generalize a domain controller; demote it (Uninstall-ADDSDomainController) first.");
                stderr.AppendLine("Error SYSPRP Sysprep_Clean_Validate: The computer is a domain controller. dwRet = 0x80070032");
                exit = 1;
            }
            else if (vm.DomainJoined)
            {
                stderr.AppendLine("Sysprep failed: this computer is joined to a domain. Remove it from the domain (Remove-Computer) before generalizing.");
                stderr.AppendLine("Error SYSPRP ValidateDomainMembership: The machine is a member of a domain. dwRet = 0x8007054B");
                exit = 1;
            }
            else if (vm.SysprepRunning || vm.ImageState == ResealToOobe)
            {
                stderr.AppendLine("Sysprep failed: a previous Sysprep run is in progress or the machine is already generalized. A fatal error occurred while trying to sysprep the machine.");
                exit = 1;
            }
            else if (SysprepAfter(script) is not { } after)
            {
                stderr.AppendLine("Sysprep failed: /quit, /reboot and /shutdown cannot be combined; give at most one of them.");
                exit = 1;
            }
            else
            {
                StartSysprep(state, vm, after);
                stdout.AppendLine("Sysprep started: " + FirstLineWith(script, "sysprep"));
            }
        }
        else if (Has(script, "waagent") && Has(script, "-deprovision"))
        {
            if (vm.IsWindows)
            {
                stderr.AppendLine("waagent : The term 'waagent' is not recognized as the name of a cmdlet, function, script file, or operable program.");
                exit = 1;
            }
            else if (vm.DeprovisionOutcome == "fail")
            {
                // waagent stops at its first failing step: the agent keeps running and nothing is deprovisioned.
                stdout.AppendLine("WARNING! The waagent service will be stopped.");
                stderr.AppendLine("Traceback (most recent call last):");
                stderr.AppendLine("  File \"/usr/sbin/waagent\", line 43, in <module>");
                stderr.AppendLine("PermissionError: [Errno 13] Permission denied: '/var/lib/waagent/provisioned'");
                exit = 1;
            }
            else
            {
                stdout.AppendLine("WARNING! The waagent service will be stopped.");
                stdout.AppendLine("WARNING! Cached DHCP leases will be deleted.");
                stdout.AppendLine("WARNING! root password will be disabled. You will not be able to login as root.");
                stdout.AppendLine("WARNING! /etc/resolv.conf will be deleted.");
                if (Has(script, "+user")) stdout.AppendLine("WARNING! azureuser account and entire home directory will be deleted.");
                vm.Deprovisioned = true;
                var seconds = state.Timing.For("deprovision");
                state.ScheduleIn(seconds, () => vm.AgentHealthy = false);
            }
        }
        else if (Has(script, "cloud-init clean"))
        {
            if (vm.IsWindows) { stderr.AppendLine("cloud-init : The term 'cloud-init' is not recognized as the name of a cmdlet, function, script file, or operable program."); exit = 1; }
            else vm.Deprovisioned = true;
        }

        if (Has(script, @"Setup\State") || Has(script, "ImageState"))
        {
            if (!vm.IsWindows) { stderr.AppendLine("reg: command not found"); exit = exit == 0 ? 127 : exit; }
            else if (Has(script, "reg query") || Has(script, "reg.exe query"))
            {
                stdout.AppendLine(@"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Setup\State");
                stdout.AppendLine("    ImageState    REG_SZ    " + vm.ImageState);
            }
            else stdout.AppendLine(vm.ImageState);
        }

        if (Has(script, "PartOfDomain") || Has(script, "DomainRole"))
        {
            if (!vm.IsWindows) { stderr.AppendLine("Get-CimInstance: command not found"); exit = exit == 0 ? 127 : exit; }
            else
            {
                var role = vm.DomainController ? 5 : vm.DomainJoined ? 3 : 2;
                var part = vm.DomainJoined || vm.DomainController ? "True" : "False";
                var wantsPart = Has(script, "PartOfDomain");
                var wantsRole = Has(script, "DomainRole");
                if (wantsPart && wantsRole) { stdout.AppendLine("PartOfDomain : " + part); stdout.AppendLine("DomainRole   : " + role); }
                else if (wantsPart) stdout.AppendLine(part);
                else stdout.AppendLine(role.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (SysprepProcessQuery.IsMatch(script) || TasklistSysprep.IsMatch(script))
        {
            if (!vm.IsWindows) { stderr.AppendLine("Get-Process: command not found"); exit = exit == 0 ? 127 : exit; }
            else ReportSysprepProcess(script, vm.SysprepRunning, stdout, stderr);
        }

        foreach (Match m in Regex.Matches(script, @"^\s*(?:echo|Write-Output|Write-Host)\s+(.+?)\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase))
        {
            var text = m.Groups[1].Value.Trim();
            if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0]) text = text[1..^1];
            if (!text.Contains('$')) stdout.AppendLine(text);
        }

        if (Regex.IsMatch(script, @"\bStop-Computer\b|\bshutdown(\.exe)?\s+(/s|-s|-h|-P|now)|\bpoweroff\b", RegexOptions.IgnoreCase))
        {
            stdout.AppendLine("Shutting down.");
            state.ScheduleIn(state.Timing.For("guestShutdown"), () => { if (vm.Running) vm.PowerState = "stopped"; });
        }

        return new ScriptResult(stdout.ToString().TrimEnd('\r', '\n'), stderr.ToString().TrimEnd('\r', '\n'), exit);
    }

    private static readonly Regex SysprepProcessQuery = new(@"\b(Get-Process|gps|ps)\b[^\r\n|;]*\bsysprep\b", RegexOptions.IgnoreCase);
    private static readonly Regex TasklistSysprep = new(@"\btasklist(\.exe)?\b[^\r\n]*sysprep", RegexOptions.IgnoreCase);
    private const int SysprepProcessId = 4312;
    /// <summary>if ([-not|!] (Get-Process … sysprep …)) { 'then' } [else { 'else' }]</summary>
    private static readonly Regex IfSysprepProcess = new(
        @"\bif\s*\(\s*(?<not>-not\s*|!\s*)?\(?\s*(?:Get-Process|gps|ps)\b[^)]*\bsysprep\b[^)]*\)?\s*\)\s*\{\s*(?<q>['""])(?<then>[^'""]*)\k<q>\s*\}(?:\s*else\s*\{\s*(?<q2>['""])(?<else>[^'""]*)\k<q2>\s*\})?",
        RegexOptions.IgnoreCase);

    /// <summary>
    /// The sysprep process as Windows shows it: present while Sysprep works (a hung Sysprep never
    /// ends), gone once it has finished or failed. Get-Process prints its table; as the condition of
    /// an if with quoted-string branches the matching branch is printed; as a Boolean test
    /// True/False; a miss is Get-Process's error unless errors are silenced. tasklist prints its row
    /// or its INFO line.
    /// </summary>
    private static void ReportSysprepProcess(string script, bool running, StringBuilder stdout, StringBuilder stderr)
    {
        var line = script.Split('\n').First(l => SysprepProcessQuery.IsMatch(l) || TasklistSysprep.IsMatch(l));
        if (TasklistSysprep.IsMatch(line))
        {
            if (running)
            {
                stdout.AppendLine();
                stdout.AppendLine("Image Name                     PID Session Name        Session#    Mem Usage");
                stdout.AppendLine("========================= ======== ================ =========== ============");
                stdout.AppendLine($"sysprep.exe                   {SysprepProcessId} Services                   0     10,268 K");
            }
            else stdout.AppendLine("INFO: No tasks are running which match the specified criteria.");
            return;
        }
        var branch = IfSysprepProcess.Match(line);
        if (branch.Success)
        {
            var condition = running ^ branch.Groups["not"].Success;
            var text = condition ? branch.Groups["then"].Value : branch.Groups["else"].Success ? branch.Groups["else"].Value : null;
            if (text is not null) stdout.AppendLine(text);
            return;
        }
        if (Regex.IsMatch(line, @"\[bool\]|-ne\s+\$null|\$null\s+-ne", RegexOptions.IgnoreCase))
        {
            stdout.AppendLine(running ? "True" : "False");
            return;
        }
        if (running)
        {
            stdout.AppendLine();
            stdout.AppendLine("Handles  NPM(K)    PM(K)      WS(K)     CPU(s)     Id  SI ProcessName");
            stdout.AppendLine("-------  ------    -----      -----     ------     --  -- -----------");
            stdout.AppendLine($"    172      14     2584      10268       0.42   {SysprepProcessId}   0 sysprep");
        }
        else if (!Regex.IsMatch(line, @"-(ErrorAction|ea)\s+(SilentlyContinue|Ignore|0)\b", RegexOptions.IgnoreCase))
            stderr.AppendLine("Get-Process : Cannot find a process with the name \"sysprep\". Verify the process name and call the cmdlet again.");
    }

    private static string FirstLineWith(string script, string marker) =>
        script.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(marker, StringComparison.OrdinalIgnoreCase)) ?? marker;

    /// <summary>What Sysprep does once it has sealed the image, from its command-line switches.</summary>
    internal enum AfterSysprep
    {
        /// <summary>/quit, and no switch at all (Sysprep's documentation states no default; the emulator keeps the guest running).</summary>
        Quit,
        /// <summary>/shutdown: the guest powers off (PowerState/stopped).</summary>
        Shutdown,
        /// <summary>/reboot: the guest restarts, runs specialize and waits in OOBE; the seal is gone.</summary>
        Reboot,
    }

    private static readonly Regex SysprepSwitch = new(@"(?<![\w:])/(?<s>quit|shutdown|reboot)\b", RegexOptions.IgnoreCase);

    /// <summary>The shutdown option the script's Sysprep switches ask for; null when more than one is given.</summary>
    internal static AfterSysprep? SysprepAfter(string script)
    {
        var switches = SysprepSwitch.Matches(script).Select(m => m.Groups["s"].Value.ToLowerInvariant()).Distinct().ToList();
        if (switches.Count > 1) return null;
        return switches.FirstOrDefault() switch
        {
            "shutdown" => AfterSysprep.Shutdown,
            "reboot" => AfterSysprep.Reboot,
            _ => AfterSysprep.Quit,
        };
    }

    /// <summary>Sysprep: IMAGE_STATE_UNDEPLOYABLE while it works, then per outcome and, once sealed, per shutdown option.</summary>
    private static void StartSysprep(EmulatorState state, VmRuntime vm, AfterSysprep after)
    {
        vm.SysprepRunning = true;
        vm.ImageState = Undeployable;
        if (vm.SysprepOutcome == "hang") return;
        var seconds = state.Timing.For("sysprep");
        state.ScheduleIn(seconds, () =>
        {
            // undeployable: Sysprep stalls at UNDEPLOYABLE and its process stays; failed: it exits, ImageState stays UNDEPLOYABLE.
            if (vm.SysprepOutcome == "undeployable") return;
            vm.SysprepRunning = false;
            if (vm.SysprepOutcome == "failed") return;
            if (vm.SysprepOutcome == "stopsEarly")
            {
                // The guest goes down before Sysprep seals the image (a crash, an admin, a policy shutdown).
                if (vm.Running) vm.PowerState = "stopped";
                return;
            }
            vm.ImageState = ResealToOobe;
            if (!vm.Running) return;
            switch (after)
            {
                case AfterSysprep.Shutdown:
                    vm.PowerState = "stopped";
                    break;
                case AfterSysprep.Reboot:
                    RebootIntoOobe(state, vm);
                    break;
            }
        });
    }

    /// <summary>
    /// A sealed guest booting again (Sysprep /reboot): its agent is gone while it restarts, then
    /// specialize runs and the guest waits in OOBE; ImageState moves on from RESEAL_TO_OOBE.
    /// </summary>
    private static void RebootIntoOobe(EmulatorState state, VmRuntime vm)
    {
        vm.GuestRestarting = true;
        state.ScheduleIn(state.Timing.For("restart"), () =>
        {
            vm.GuestRestarting = false;
            if (vm.ImageState == ResealToOobe) vm.ImageState = SpecializeResealToOobe;
        });
    }
}
