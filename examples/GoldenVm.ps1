<#
.SYNOPSIS
    Keeping the golden VM on the ImageTools emulator, with the real cmdlets: a clone generalized
    and captured while the source keeps running, a failed Sysprep rolled back, snapshots cleaned up.
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
