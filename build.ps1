<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the ImageTools module.
.DESCRIPTION
    Tasks (each has a plain dotnet equivalent, listed in README.md):
      Build    dotnet build src/ImageTools -c <Configuration>   (stages out/ImageTools)
      Test     dotnet test ImageTools.sln (TRX), then Pester (NUnit XML), both into
               TestResults/Test; ends with one line "N passed, N failed, N skipped" summing both
      Pester   Pester only, against the staged module (results in TestResults/Pester)
      Package  out/ImageTools.zip: the ImageTools folder zipped, ready for Azure Automation
      Demo     the pipeline on the embedded emulator (src/ImageTools.Demo)

    Pester is the version pinned in Directory.Packages.props (PesterVersion), staged into
    out/Modules by building tests/ImageTools.PowerShell.Tests; out/Modules is put first on
    PSModulePath for the run, so that version is the one imported, here and in child sessions.
    Runs on PowerShell 7 (dotnet tool restore; dotnet pwsh -File build.ps1) and Windows PowerShell 5.1.
.EXAMPLE
    dotnet pwsh -NoProfile -NonInteractive -File build.ps1 -Task Test
.EXAMPLE
    ./build.ps1 -Task Build, Pester, Package
.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1 -Task Build,Package
#>
[CmdletBinding()]
param(
    # Build, Test, Pester, Package, Demo; several as a list, or as one comma-separated word
    # (what -File passes for "-Task Build,Package").
    [string[]] $Task = @('Build', 'Test'),
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$knownTasks = 'Build', 'Test', 'Pester', 'Package', 'Demo'
$Task = @($Task | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
foreach ($t in $Task) {
    if ($knownTasks -notcontains $t) { throw "Unknown task '$t': use $($knownTasks -join ', ')." }
}
$stage = Join-Path $root 'out/ImageTools'
$modules = Join-Path $root 'out/Modules'

# dotnet's output goes to the host, never into a function's return value.
function Invoke-Dotnet {
    & dotnet @args | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

function Get-PesterVersion {
    # One pin for the PackageDownload and for this script.
    $props = Get-Content (Join-Path $root 'Directory.Packages.props') -Raw
    if ($props -notmatch '<PesterVersion>\s*([0-9.]+)\s*</PesterVersion>') { throw 'Directory.Packages.props has no <PesterVersion>.' }
    return $Matches[1]
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $root 'src/ImageTools/ImageTools.csproj') -c $Configuration
}

# Builds the PowerShell tests project: stages out/ImageTools, builds the emulator and copies
# Pester into out/Modules/Pester/<version>.
function Invoke-PowerShellTestsBuild {
    Invoke-Dotnet build (Join-Path $root 'tests/ImageTools.PowerShell.Tests/ImageTools.PowerShell.Tests.csproj') -c $Configuration
}

function Import-PinnedPester {
    $version = Get-PesterVersion
    $manifest = Join-Path $modules "Pester/$version/Pester.psd1"
    if (-not (Test-Path $manifest)) {
        Write-Host "Pester $version is not staged in out/Modules: building tests/ImageTools.PowerShell.Tests" -ForegroundColor Cyan
        Invoke-PowerShellTestsBuild
    }
    if (-not (Test-Path $manifest)) { throw "Pester $version was not staged in $(Split-Path $manifest) by tests/ImageTools.PowerShell.Tests." }
    # Windows PowerShell ships Pester 3.4; another version loaded in this session is replaced.
    Get-Module Pester | Where-Object { $_.Version -ne [version]$version } | Remove-Module -Force
    Import-Module $manifest -Force -ErrorAction Stop
    $loaded = Get-Module Pester
    if (-not $loaded -or $loaded.Version -ne [version]$version) { throw "Pester $version could not be imported from $manifest." }
}

# Counts of one test run.
function New-Count([int] $Passed = 0, [int] $Failed = 0, [int] $Skipped = 0) {
    New-Object psobject -Property @{ Passed = $Passed; Failed = $Failed; Skipped = $Skipped }
}

function Format-Count($Count) {
    '{0} passed, {1} failed, {2} skipped' -f $Count.Passed, $Count.Failed, $Count.Skipped
}

# Runs tests/Pester against the staged module; returns its counts and writes NUnit XML to $ResultsDirectory.
function Invoke-PesterTests([string] $ResultsDirectory) {
    Import-PinnedPester
    $emulator = Join-Path $root "src/ImageTools.Emulator/bin/$Configuration/net10.0/ImageTools.Emulator.dll"
    if (-not (Test-Path (Join-Path $stage 'ImageTools.psd1')) -or -not (Test-Path $emulator)) { Invoke-PowerShellTestsBuild }

    $null = New-Item -ItemType Directory -Force -Path $ResultsDirectory
    $xml = Join-Path $ResultsDirectory 'Pester.xml'
    Remove-Item $xml -ErrorAction SilentlyContinue

    $containers = @(Get-ChildItem (Join-Path $root 'tests/Pester') -Filter '*.Tests.ps1' | Sort-Object Name |
        ForEach-Object { New-PesterContainer -Path $_.FullName -Data @{ Configuration = $Configuration } })
    if ($containers.Count -eq 0) { throw 'No Pester tests found in tests/Pester.' }
    $config = New-PesterConfiguration
    $config.Run.Container = $containers
    $config.Run.Exit = $false
    $config.Run.Throw = $false
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = $xml
    $result = Invoke-Pester -Configuration $config
    if (-not $result) { throw 'Invoke-Pester returned no result.' }

    # A file or block that failed outside its tests (discovery, BeforeAll, AfterAll) without any
    # of its tests failing counts as one failure; when its tests failed, they are the count.
    $failed = $result.FailedCount
    foreach ($node in @($result.FailedContainers) + @($result.FailedBlocks)) {
        $property = $node.PSObject.Properties['FailedCount']
        if (-not $property -or [int]$property.Value -eq 0) { $failed += 1 }
    }
    if ($failed -eq 0 -and $result.Result -ne 'Passed') { $failed = 1 }
    $count = New-Count -Passed $result.PassedCount -Failed $failed -Skipped ($result.SkippedCount + $result.InconclusiveCount + $result.NotRunCount)
    Write-Host "Pester: $(Format-Count $count) (results: $xml)"
    return $count
}

# Sums the Counters of every TRX file under $ResultsDirectory.
function Get-TrxCount([string] $ResultsDirectory) {
    $count = New-Count
    $files = @(Get-ChildItem $ResultsDirectory -Recurse -Filter '*.trx' -ErrorAction SilentlyContinue)
    foreach ($file in $files) {
        [xml] $trx = Get-Content $file.FullName -Raw
        $counters = $trx.GetElementsByTagName('Counters') | Select-Object -First 1
        if (-not $counters) { $count.Failed += 1; Write-Warning "$($file.Name) has no Counters"; continue }
        $value = { param($name) $text = $counters.GetAttribute($name); if ($text) { [int]$text } else { 0 } }
        $count.Passed += & $value 'passed'
        $count.Failed += (& $value 'failed') + (& $value 'error') + (& $value 'timeout') + (& $value 'aborted')
        $count.Skipped += & $value 'notExecuted'
    }
    Write-Host "xunit: $(Format-Count $count) ($($files.Count) TRX file(s) in $ResultsDirectory)"
    return New-Object psobject -Property @{ Count = $count; Files = $files.Count }
}

# dotnet test (TRX) then Pester (NUnit XML) into TestResults/Test; returns the summed counts
# and whether everything passed.
function Invoke-Test {
    $results = Join-Path $root 'TestResults/Test'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $null = New-Item -ItemType Directory -Force -Path $results

    & dotnet test (Join-Path $root 'ImageTools.sln') -c $Configuration --logger trx --results-directory $results | Out-Host
    $testExit = $LASTEXITCODE
    $ok = $testExit -eq 0
    if (-not $ok) { Write-Warning "dotnet test exited with $testExit" }
    $trx = Get-TrxCount $results
    if ($trx.Files -eq 0) { Write-Warning 'dotnet test produced no TRX file'; $ok = $false }

    try {
        $pester = Invoke-PesterTests $results
    }
    catch {
        Write-Warning "Pester did not run to completion: $_"
        $pester = New-Count -Failed 1
    }

    $total = New-Count -Passed ($trx.Count.Passed + $pester.Passed) -Failed ($trx.Count.Failed + $pester.Failed) `
        -Skipped ($trx.Count.Skipped + $pester.Skipped)
    if ($total.Failed -gt 0 -or ($total.Passed + $total.Failed) -eq 0) { $ok = $false }
    return New-Object psobject -Property @{ Count = $total; Ok = $ok }
}

function Invoke-Package {
    Invoke-Build
    $zip = Join-Path $root 'out/ImageTools.zip'
    Remove-Item $zip -ErrorAction SilentlyContinue
    # Azure Automation wants the module folder itself at the zip's root, named like the module.
    $long = Get-ChildItem $stage -Recurse -File | Where-Object { ('ImageTools/' + $_.FullName.Substring($stage.Length + 1)).Length -ge 140 }
    if ($long) { throw "Paths too long for Automation (>= 140 chars): $($long.FullName -join ', ')" }
    Compress-Archive -Path $stage -DestinationPath $zip
    Get-Item $zip
}

function Invoke-Demo {
    # The pipeline on the embedded emulator, through the engine the cmdlets call.
    Invoke-Dotnet run --project (Join-Path $root 'src/ImageTools.Demo') -c $Configuration
}

$savedModulePath = $env:PSModulePath
$env:PSModulePath = $modules + [IO.Path]::PathSeparator + $env:PSModulePath
$summary = $null
$failedTask = $false
try {
    foreach ($t in $Task) {
        Write-Host "== $t" -ForegroundColor Cyan
        switch ($t) {
            'Build'   { Invoke-Build }
            'Test'    {
                $run = Invoke-Test
                $summary = $run.Count
                if (-not $run.Ok) { $failedTask = $true }
            }
            'Pester'  {
                $count = Invoke-PesterTests (Join-Path $root 'TestResults/Pester')
                if ($null -eq $summary) { $summary = $count }
                if ($count.Failed -gt 0 -or $count.Passed -eq 0) { $failedTask = $true }
            }
            'Package' { Invoke-Package }
            'Demo'    { Invoke-Demo }
        }
    }
}
finally {
    $env:PSModulePath = $savedModulePath
}

if ($null -ne $summary) { Write-Host (Format-Count $summary) }
if ($failedTask) { exit 1 }
