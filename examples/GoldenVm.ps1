<#
.SYNOPSIS
    Keeping the golden VM on the ImageTools emulator, with the real cmdlets: a clone generalized
    and captured while the source keeps running, a failed Sysprep rolled back, snapshots cleaned up,
    five gallery versions published from clones, one updated and the definition pruned to three,
    and what a deleted VM left behind removed.
.DESCRIPTION
    Run by `dotnet run --project src/ImageTools.Demo -- --script GoldenVm.ps1`, which starts the
    emulator, seeds the base VMs (resource group imagetools-demo; golden01 Windows Server 2022 Gen2
    with a data disk, broken01 whose Sysprep fails) and runs this script in the repository's pwsh.
.PARAMETER ConnectionFile
    The emulator's connection file (Connect-ImageTools -EmulatorConnectionFile).
#>
param(
    [Parameter(Mandatory)] [string] $ConnectionFile,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/ImageTools/ImageTools.psd1'),
    [switch] $WhatIf
)

$ErrorActionPreference = 'Stop'
$WhatIfPreference = [bool]$WhatIf
$group = 'imagetools-demo'

function Invoke-Step([scriptblock] $Step) {
    Write-Host ''
    Write-Host ('PS> ' + ($Step.ToString().Trim() -replace '\s*\r?\n\s*', ' ')) -ForegroundColor Cyan
    & $Step | Out-Host
}

Import-Module $ModulePath
$null = Connect-ImageTools -EmulatorConnectionFile $ConnectionFile -WhatIf:$false
$cred = [pscredential]::new('azureops', (ConvertTo-SecureString ('Demo-Passw0rd-' + [guid]::NewGuid().ToString('N').Substring(0, 6)) -AsPlainText -Force))

# The golden VM keeps running: its clone is generalized, captured and deleted; the image reaches a fleet.
Invoke-Step { Invoke-VmGeneralize -ResourceGroupName $group -Name golden01 -Clone -Force -Verbose | New-CapturedImage -ImageName golden-img -DeleteSourceVm -Force | New-VmFromImage -ResourceGroupName $group -Name web -Count 2 -Credential $cred | Format-Table Name, PowerState, OsState, SourceImageId -AutoSize }

# Sysprep fails on broken01: Undo-VmGeneralize brings it back from its pre-generalize snapshots.
Invoke-Step { try { Invoke-VmGeneralize -ResourceGroupName $group -Name broken01 -Force } catch { $_.FullyQualifiedErrorId; $_.ErrorDetails.RecommendedAction } }
Invoke-Step { Undo-VmGeneralize -ResourceGroupName $group -Name broken01 -Force -Verbose | Format-Table Name, PowerState, OsState, OsDiskId -AutoSize }

# The snapshots ImageTools made, and their removal.
Invoke-Step { Get-ImageToolsSnapshot -ResourceGroupName $group | Format-Table Name, Kind, VmName, Expired -AutoSize }
Invoke-Step { Get-ImageToolsSnapshot -ResourceGroupName $group -VmName broken01 | Remove-ImageToolsSnapshot -Force -IgnoreRetention | Format-Table Name, Kind, VmName, Removed -AutoSize }

# A version a month, each from a fresh clone of golden01 that Publish-GalleryVersion deletes (with its
# disks, NIC and isolated network) once the version has replicated to every target region.
$publish = @{ GalleryResourceGroupName = $group; GalleryName = 'golden'; DefinitionName = 'ws2022'; Publisher = 'contoso'; Offer = 'golden'; Sku = 'ws2022'; TargetRegion = 'eastus', 'westeurope' }
Invoke-Step { Invoke-VmGeneralize -ResourceGroupName $group -Name golden01 -Clone -Force | Publish-GalleryVersion @publish -Version 1.0.0 -DeleteSourceVm -Force -Verbose | Format-Table Name, ReplicationState, SourceDeleted, TargetRegions -AutoSize }
# A VM built from 1.0.0: Remove-GalleryVersion keeps that version.
$null = Get-GalleryVersion $group golden ws2022 -Name 1.0.0 | New-VmFromImage -ResourceGroupName $group -Name app -Credential $cred
foreach ($version in '1.0.1', '1.0.2', '1.0.3', '1.0.4') {
    $null = Invoke-VmGeneralize -ResourceGroupName $group -Name golden01 -Clone -Force | Publish-GalleryVersion @publish -Version $version -DeleteSourceVm -Force
}
Invoke-Step { Get-GalleryVersion $group golden ws2022 | Format-Table Name, IsLatest, LatestIn, ExcludeFromLatest, EndOfLifeDate -AutoSize }

# 1.0.4 becomes a canary: out of `latest`, one more region, an end of life; then the definition keeps three.
Invoke-Step { Get-GalleryVersion $group golden ws2022 -Name 1.0.4 | Update-GalleryVersion -ExcludeFromLatest -AddRegion northeurope -EndOfLifeDate 2027-06-30 -Confirm:$false | Format-List Name, IsLatest, ExcludeFromLatest, EndOfLifeDate, ReplicationState, TargetRegions }
Invoke-Step { Remove-GalleryVersion $group golden ws2022 -KeepLatest 3 -WhatIf -Verbose }
Invoke-Step { Remove-GalleryVersion $group golden ws2022 -KeepLatest 3 -Confirm:$false -PassThru | Format-Table Name, PublishedDate -AutoSize }
Invoke-Step { Get-GalleryVersion $group golden ws2022 | Format-Table Name, IsLatest, LatestIn, ExcludeFromLatest, EndOfLifeDate -AutoSize }

# web-01 is generalized, captured and deleted (-DeleteSourceVm): its pre-generalize snapshots are left, orphans.
$null = Invoke-VmGeneralize -ResourceGroupName $group -Name web-01 -Force | New-CapturedImage -ImageName web-img -DeleteSourceVm -Force
Invoke-Step { Get-ImageToolsOrphan -ResourceGroupName $group | Format-Table Name, Kind, VmName, RetainUntil -AutoSize }
Invoke-Step { Get-ImageToolsOrphan -ResourceGroupName $group | Remove-ImageToolsOrphan -Force -IgnoreRetention | Format-Table Name, Kind, VmName, Removed -AutoSize }
