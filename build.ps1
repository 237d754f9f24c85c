<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the ImageTools module.
.DESCRIPTION
    Tasks (each has a plain dotnet equivalent, listed in README.md):
      Build    dotnet build src/ImageTools -c <Configuration>   (stages out/ImageTools)
      Test     dotnet test ImageTools.sln, then Pester (tests/Pester) when Pester is installed
      Pester   Pester only, against the staged module
      Package  out/ImageTools.zip: the ImageTools folder zipped, ready for Azure Automation
      Demo     the pipeline on the embedded emulator (src/ImageTools.Demo)
.EXAMPLE
    ./build.ps1 -Task Build, Test, Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'Demo')]
    [string[]] $Task = @('Build', 'Test'),
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$stage = Join-Path $root 'out/ImageTools'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $root 'src/ImageTools/ImageTools.csproj') -c $Configuration
}

function Invoke-PesterTests {
    if (-not (Get-Module -ListAvailable -Name Pester | Where-Object Version -ge '5.0.0')) {
        Write-Warning 'Pester 5 is not installed (Install-Module Pester -MinimumVersion 5.0): Pester tests skipped.'
        return
    }
    if (-not (Test-Path (Join-Path $stage 'ImageTools.psd1'))) { Invoke-Build }
    Import-Module Pester -MinimumVersion 5.0.0
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $root 'tests/Pester'
    $config.Run.Exit = $false
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $config
    if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed" }
}

function Invoke-Test {
    Invoke-Dotnet test (Join-Path $root 'ImageTools.sln')
    Invoke-PesterTests
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

foreach ($t in $Task) {
    Write-Host "== $t" -ForegroundColor Cyan
    switch ($t) {
        'Build'   { Invoke-Build }
        'Test'    { Invoke-Test }
        'Pester'  { Invoke-PesterTests }
        'Package' { Invoke-Package }
        'Demo'    { Invoke-Demo }
    }
}
