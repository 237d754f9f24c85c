# Shared by the Pester files (dot-sourced in their BeforeAll): the repository's paths, the
# PowerShell executable for clean child sessions, and the ARM emulator started through its
# start contract (connection file) and stopped with its whole process tree.
# Windows PowerShell 5.1 syntax (no ??, ?., ternary or &&).

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModuleManifest = Join-Path $RepoRoot 'out/ImageTools/ImageTools.psd1'
$script:OnDesktop = $PSVersionTable.PSEdition -eq 'Desktop'

# The executable of this PowerShell, for child sessions. Not the current process's path: when pwsh
# runs as a .NET tool (dotnet pwsh) that is dotnet itself.
function Get-ChildPowerShellPath {
    if ($OnDesktop) { return Join-Path $PSHOME 'powershell.exe' }
    if ([Environment]::OSVersion.Platform -eq [PlatformID]::Win32NT) { return Join-Path $PSHOME 'pwsh.exe' }
    return Join-Path $PSHOME 'pwsh'
}

# Runs a script in a clean child session (-NoProfile -NonInteractive); returns its output lines,
# with the exit code in $LASTEXITCODE. The module path the build set (out/Modules first) is inherited.
function Invoke-ChildSession([string] $Script) {
    $exe = Get-ChildPowerShellPath
    if (-not (Test-Path $exe)) { throw "No PowerShell executable at $exe" }
    # -EncodedCommand: the script reaches the child intact whatever its quotes.
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
    & $exe -NoProfile -NonInteractive -EncodedCommand $encoded
}

# The ParameterBinding trace of a script block, as text (traced to a file: -PSHost output cannot be captured).
function Get-BindingTrace([scriptblock] $Expression) {
    $file = Join-Path ([IO.Path]::GetTempPath()) ("imagetools-pester-trace-{0}.log" -f [guid]::NewGuid().ToString('N'))
    try {
        Trace-Command -Name ParameterBinding -Expression $Expression -FilePath $file | Out-Null
        Get-Content $file -Raw
    }
    finally { Remove-Item $file -ErrorAction SilentlyContinue }
}

# Builds the emulator when its assembly is missing; returns the assembly's path.
function Get-EmulatorAssembly([string] $Configuration) {
    $dll = Join-Path $RepoRoot "src/ImageTools.Emulator/bin/$Configuration/net10.0/ImageTools.Emulator.dll"
    if (-not (Test-Path $dll)) {
        & dotnet build (Join-Path $RepoRoot 'src/ImageTools.Emulator/ImageTools.Emulator.csproj') -c $Configuration | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "Building the emulator failed (exit code $LASTEXITCODE)." }
    }
    if (-not (Test-Path $dll)) { throw "The emulator was not built at $dll" }
    return $dll
}

# Ends a process and every process it started. Safe to call twice, or with $null.
function Stop-ProcessTree($Process) {
    if ($null -eq $Process) { return }
    try {
        if ($Process.HasExited) { return }
        if ($OnDesktop) {
            & taskkill.exe /PID $Process.Id /T /F | Out-Null
        }
        else {
            $Process.Kill($true)
        }
        $null = $Process.WaitForExit(10000)
    }
    catch [InvalidOperationException] {
        # Exited meanwhile.
    }
}

# Starts the emulator on a free port (dotnet <dll> --port 0 --connection-file <tmp>) and waits for
# its connection file. Returns { Process, ConnectionFile, Endpoint, Info, Log }. Whatever fails
# after the start stops the process before the error is rethrown.
function Start-TestEmulator([string] $Configuration, [int] $TimeoutSeconds = 120) {
    $dll = Get-EmulatorAssembly $Configuration
    $base = Join-Path ([IO.Path]::GetTempPath()) ("imagetools-pester-{0}-{1}" -f $PID, [guid]::NewGuid().ToString('N').Substring(0, 8))
    $connection = "$base.connection.json"
    $log = "$base.out.log"
    $errorLog = "$base.err.log"
    $arguments = @("`"$dll`"", '--port', '0', '--connection-file', "`"$connection`"", '--operation-seconds', '0')
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $log -RedirectStandardError $errorLog
    try {
        $deadline = (Get-Date).AddSeconds($TimeoutSeconds)
        while (-not (Test-Path $connection)) {
            if ($process.HasExited) {
                throw "The emulator exited with code $($process.ExitCode) before writing $connection. $(Get-Content $errorLog -Raw -ErrorAction SilentlyContinue)"
            }
            if ((Get-Date) -gt $deadline) { throw "The emulator wrote no connection file within $TimeoutSeconds s." }
            Start-Sleep -Milliseconds 200
        }
        $info = Get-Content $connection -Raw | ConvertFrom-Json
        return New-Object psobject -Property @{
            Process = $process; ConnectionFile = $connection; Endpoint = $info.endpoint.TrimEnd('/'); Info = $info
            Log = $log; ErrorLog = $errorLog
        }
    }
    catch {
        Stop-ProcessTree $process
        Remove-Item $connection, $log, $errorLog -ErrorAction SilentlyContinue
        throw
    }
}

function Stop-TestEmulator($Emulator) {
    if ($null -eq $Emulator) { return }
    Stop-ProcessTree $Emulator.Process
    Remove-Item $Emulator.ConnectionFile, $Emulator.Log, $Emulator.ErrorLog -ErrorAction SilentlyContinue
}

if ($OnDesktop) {
    # Windows PowerShell has no -SkipCertificateCheck: trust the emulator's certificate by its
    # thumbprint (the one in the connection file), for this test's own REST calls only.
    if (-not ('ImageToolsPester.EmulatorCertificate' -as [type])) {
        Add-Type -TypeDefinition @'
namespace ImageToolsPester {
    public static class EmulatorCertificate {
        public static string Thumbprint;
        public static void Trust(string thumbprint) {
            Thumbprint = thumbprint;
            System.Net.ServicePointManager.SecurityProtocol |= System.Net.SecurityProtocolType.Tls12;
            System.Net.ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None ||
                (certificate != null && string.Equals(new System.Security.Cryptography.X509Certificates.X509Certificate2(certificate).Thumbprint, Thumbprint, System.StringComparison.OrdinalIgnoreCase));
        }
    }
}
'@
    }
}

# Calls the emulator's control API (/_emulator/<Path>); arrays come back enumerated.
function Invoke-Control($Emulator, [string] $Method, [string] $Path, $Body) {
    $params = @{ Method = $Method; Uri = "$($Emulator.Endpoint)/_emulator/$Path"; UseBasicParsing = $true }
    if ($OnDesktop) { [ImageToolsPester.EmulatorCertificate]::Trust($Emulator.Info.certificateThumbprint) }
    else { $params.SkipCertificateCheck = $true }
    if ($null -ne $Body) { $params.Body = ($Body | ConvertTo-Json -Depth 6); $params.ContentType = 'application/json' }
    $reply = Invoke-RestMethod @params
    foreach ($item in @($reply)) { $item }
}

# The ARM requests of the log that are not reads (anything but GET and HEAD).
function Get-ArmWrites($Emulator) {
    @(Invoke-Control $Emulator GET requests | Where-Object { $null -ne $_ -and $_.method -ne 'GET' -and $_.method -ne 'HEAD' })
}
