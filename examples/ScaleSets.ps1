<#
.SYNOPSIS
    Scale sets on the ImageTools emulator, with the real cmdlets: a gallery version feeds a
    5-instance scale set, the next version rolls out to it batch by batch, and a specialized
    version is refused as a scale set's source.
.DESCRIPTION
    Run by `dotnet run --project src/ImageTools.Demo -- --script ScaleSets.ps1`, which starts the
    emulator, seeds the base VMs (resource group imagetools-demo; web-base01 Windows Server 2022
    Gen2 and golden01, its next build; dr-base01 kept specialized) and runs this script in the repository's pwsh.
.PARAMETER ConnectionFile
    The emulator's connection file (Connect-ImageTools -EmulatorConnectionFile).
.PARAMETER WhatIf
    Shows each step's plan and preflight; nothing is written.
#>
param(
    [Parameter(Mandatory)] [string] $ConnectionFile,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/ImageTools/ImageTools.psd1'),
    [switch] $WhatIf
)

$ErrorActionPreference = 'Stop'
$WhatIfPreference = [bool]$WhatIf
$group = 'imagetools-demo'

function Invoke-Step([scriptblock] $Step, [object[]] $Show) {
    Write-Host ''
    Write-Host ('PS> ' + ($Step.ToString().Trim() -replace '\s*\r?\n\s*', ' ')) -ForegroundColor Cyan
    $out = & $Step
    if ($Show -and $out) { $out | Format-Table -Property $Show -AutoSize | Out-Host } else { $out | Out-Host }
    $out
}

Import-Module $ModulePath
$null = Connect-ImageTools -EmulatorConnectionFile $ConnectionFile -WhatIf:$false
$cred = [pscredential]::new('azureops', (ConvertTo-SecureString ('Demo-Passw0rd-' + [guid]::NewGuid().ToString('N').Substring(0, 6)) -AsPlainText -Force))

# Azure takes minutes per batch of a rolling upgrade; the emulator is told to take 2 s, so that each
# batch is seen while it runs (its control API, not ARM).
$emulator = Get-Content $ConnectionFile -Raw | ConvertFrom-Json
$timing = Invoke-RestMethod -Uri "$($emulator.endpoint.TrimEnd('/'))/_emulator/timing" -SkipCertificateCheck
$timing.perKind | Add-Member -NotePropertyName rollingUpgradeBatch -NotePropertyValue 2 -Force
$null = Invoke-RestMethod -Method Put -Uri "$($emulator.endpoint.TrimEnd('/'))/_emulator/timing" -SkipCertificateCheck -ContentType 'application/json' -Body ($timing | ConvertTo-Json -Depth 4)

# The scale set's columns: its image as definition:version.
$columns = 'Name', 'OrchestrationMode', @{ n = 'Capacity'; e = { $_.Sku.Capacity } }, @{ n = 'UpgradePolicy'; e = { $_.UpgradePolicy.Mode } },
    @{ n = 'Image'; e = { $_.SourceImageId -replace '^.*/images/([^/]+)/versions/', '$1:' } }, 'RollingUpgradeStatus'

# Version 1.0.0 of corp/web from the generalized Windows Server 2022 Gen2 VM web-base01.
$web = Invoke-VmGeneralize -ResourceGroupName $group -Name web-base01 -Force
if ($WhatIf) { return }
$v1 = Invoke-Step { $web | Publish-GalleryVersion -GalleryResourceGroupName $group -GalleryName corp -DefinitionName web -Publisher contoso -Offer web -Sku v2 -Version 1.0.0 -TargetRegion eastus } -Show GalleryName, DefinitionName, Name, OsState, ReplicationState

# The version feeds a Flexible scale set of five instances that takes rolling upgrades.
$vmss = Invoke-Step { $v1 | New-VmssFromImage -ResourceGroupName $group -Name web -Capacity 5 -UpgradePolicy Rolling -Credential $cred -Verbose } -Show $columns
Invoke-Step { $vmss.Instances | Format-Table Name, ComputerName, ProvisioningState, @{ n = 'Image'; e = { $_.SourceImageId -replace '^.*/images/([^/]+)/versions/', '$1:' } } -AutoSize } | Out-Null

# The next build of the base VM (golden01, generalized) is version 1.0.1; it rolls out: 20 % of the
# instances per batch, each instance reported as it comes up on it.
$next = Invoke-VmGeneralize -ResourceGroupName $group -Name golden01 -Force
$v2 = Invoke-Step { $next | Publish-GalleryVersion -GalleryResourceGroupName $group -GalleryName corp -DefinitionName web -Version auto -TargetRegion eastus } -Show GalleryName, DefinitionName, Name, OsState, ReplicationState
$rolled = Invoke-Step { $v2 | Update-VmssImage -ResourceGroupName $group -VMScaleSetName web -Force -Verbose } -Show $columns
Invoke-Step { $rolled.Instances | Format-Table Name, ComputerName, LatestModelApplied, @{ n = 'Image'; e = { $_.SourceImageId -replace '^.*/images/([^/]+)/versions/', '$1:' } } -AutoSize } | Out-Null

# A rerun converges without a write.
Invoke-Step { $v2 | Update-VmssImage -ResourceGroupName $group -VMScaleSetName web -Force -Verbose } -Show $columns | Out-Null

# A specialized version keeps one machine's identity: it cannot feed a scale set, and nothing is written.
$dr = Publish-GalleryVersion -ResourceId $web.Id.Replace('web-base01', 'dr-base01') -GalleryResourceGroupName $group -GalleryName corp -DefinitionName dr -Publisher contoso -Offer dr -Sku v2 -OsState Specialized -Version 1.0.0 -TargetRegion eastus
Invoke-Step {
    try { $dr | New-VmssFromImage -ResourceGroupName $group -Name dr -Capacity 2 -ErrorAction Stop }
    catch { [pscustomobject]@{ FullyQualifiedErrorId = $_.FullyQualifiedErrorId; Message = $_.ErrorDetails.Message; RecommendedAction = $_.ErrorDetails.RecommendedAction } | Format-List }
} | Out-Null
