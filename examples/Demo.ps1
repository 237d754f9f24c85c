<#
.SYNOPSIS
    The image pipeline on the ImageTools emulator, with the real cmdlets: three base VMs
    "configured by hand" become gallery versions and fleets.
.DESCRIPTION
    Run by `dotnet run --project src/ImageTools.Demo`, which starts the emulator, seeds the base
    VMs (resource group imagetools-demo: web-base01 Windows Server 2022 Gen2 with a data disk,
    legacy-base01 Windows Server 2022 Gen1, app-base01 Ubuntu 22.04 Gen2) and runs this script
    in the repository's own pwsh. Each step prints the command it runs, then what PowerShell
    shows: verbose lines, "What if:" lines with -WhatIf, and the formatted output objects.
.PARAMETER ConnectionFile
    The emulator's connection file (Connect-ImageTools -EmulatorConnectionFile).
.PARAMETER WhatIf
    Shows every step's plan and preflight; nothing is written.
#>
param(
    [Parameter(Mandatory)] [string] $ConnectionFile,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/ImageTools/ImageTools.psd1'),
    [switch] $WhatIf
)

$ErrorActionPreference = 'Stop'
$VerbosePreference = 'Continue'
$WhatIfPreference = [bool]$WhatIf
$group = 'imagetools-demo'

function Invoke-Step([scriptblock] $Step) {
    # The command exactly as it runs, then its output as PowerShell formats it.
    Write-Host ''
    Write-Host ('PS> ' + ($Step.ToString().Trim() -replace '\s*\r?\n\s*', ' ')) -ForegroundColor Cyan
    $out = & $Step
    $out | Out-Host
    $out
}

$VerbosePreference = 'SilentlyContinue'
Import-Module $ModulePath
$VerbosePreference = 'Continue'
Invoke-Step { Connect-ImageTools -EmulatorConnectionFile $ConnectionFile -WhatIf:$false } | Out-Null

# The admin's password for the Windows fleets: made here, never printed.
$cred = [pscredential]::new('azureops', (ConvertTo-SecureString ('Demo-Passw0rd-' + [guid]::NewGuid().ToString('N').Substring(0, 6)) -AsPlainText -Force))
$sshKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f ops@contoso'

# Windows Server 2022 Gen2: generalize, publish straight from the VM to two regions, a fleet of three.
$web = Invoke-Step { Invoke-VmGeneralize -ResourceGroupName $group -Name web-base01 -Force }
if (-not $WhatIf) {
    $webVersion = Invoke-Step { $web | Publish-GalleryVersion -GalleryResourceGroupName $group -GalleryName corp -DefinitionName web -Publisher contoso -Offer web -Sku v2 -Version auto -TargetRegion eastus=2, westeurope }
    Invoke-Step { $webVersion | New-VmFromImage -ResourceGroupName $group -Name web -Count 3 -Credential $cred | Format-Table Name, PowerState, OsState, VmSize, SourceImageId -AutoSize } | Out-Null

    # Windows Server 2022 Gen1: the same through a managed image.
    $legacy = Invoke-Step { Invoke-VmGeneralize -ResourceGroupName $group -Name legacy-base01 -Force | New-CapturedImage -ImageName legacy-base01-image }
    $legacyVersion = Invoke-Step { $legacy | Publish-GalleryVersion -GalleryResourceGroupName $group -GalleryName corp -DefinitionName legacy -Publisher contoso -Offer legacy -Sku v1 -Version auto -TargetRegion eastus }
    Invoke-Step { $legacyVersion | New-VmFromImage -ResourceGroupName $group -Name legacy -Count 2 -Credential $cred -Size Standard_D2s_v3 | Format-Table Name, PowerState, HyperVGeneration, VmSize -AutoSize } | Out-Null

    # Ubuntu 22.04 Gen2 with an SSH key, deployed from the definition's latest version.
    Invoke-Step { Invoke-VmGeneralize -ResourceGroupName $group -Name app-base01 -Force | Publish-GalleryVersion -GalleryResourceGroupName $group -GalleryName corp -DefinitionName app -Publisher contoso -Offer app -Sku v2 -Version auto -TargetRegion eastus } | Out-Null
    Invoke-Step { New-VmFromImage -ResourceId "$(($web.Id -split '/providers/')[0])/providers/Microsoft.Compute/galleries/corp/images/app" -ResourceGroupName $group -Name app -Count 2 -SshPublicKey $sshKey | Format-Table Name, PowerState, OsType, ComputerName -AutoSize } | Out-Null

    # A rerun converges without a write; a refusal is an ErrorRecord with the rule id and the remedy.
    Invoke-Step { Invoke-VmGeneralize -ResourceGroupName $group -Name web-base01 -Force } | Out-Null
    Invoke-Step {
        try { New-CapturedImage -ResourceGroupName $group -Name web-01 -ErrorAction Stop }
        catch { [pscustomobject]@{ FullyQualifiedErrorId = $_.FullyQualifiedErrorId; Category = $_.CategoryInfo.Category; RecommendedAction = $_.ErrorDetails.RecommendedAction } | Format-List }
    } | Out-Null
}
else {
    # Nothing was generalized, so the later stages have no input: each base VM's plan instead.
    Invoke-Step { Invoke-VmGeneralize -ResourceGroupName $group -Name legacy-base01 -Force } | Out-Null
    Invoke-Step { Invoke-VmGeneralize -ResourceGroupName $group -Name app-base01 -Force } | Out-Null
}
