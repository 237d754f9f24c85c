<#
.SYNOPSIS
    The image pipeline on the ImageTools emulator, with the real cmdlets: three base VMs
    "configured by hand" become gallery versions and fleets.
.DESCRIPTION
    Run by `dotnet run --project src/ImageTools.Demo`, which starts the emulator, seeds the base
    VMs (resource group imagetools-demo: web-base01 Windows Server 2022 Gen2 with a data disk,
    legacy-base01 Windows Server 2022 Gen1, app-base01 Ubuntu 22.04 Gen2, dr-base01 Windows Server
    2022 Gen2 kept specialized) and runs this script
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

function Invoke-Step([scriptblock] $Step, [string[]] $Show) {
    # The command exactly as it runs, then its output as PowerShell formats it (the module's
    # table views, or a table of the -Show properties where a view would be wider than a terminal).
    Write-Host ''
    Write-Host ('PS> ' + ($Step.ToString().Trim() -replace '\s*\r?\n\s*', ' ')) -ForegroundColor Cyan
    $out = & $Step
    if ($Show -and $out) { $out | Format-Table -Property $Show -AutoSize | Out-Host } else { $out | Out-Host }
    $out
}

function New-DemoVhd([string] $Path, [long] $SizeMiB, [int] $DiskType = 2) {
    # A VHD as Hyper-V exports it: the disk's bytes (here an MBR with one NTFS partition and zeros,
    # written sparse) and the 512-byte footer: cookie conectix, sizes, disk type (2 fixed, 3 dynamic)
    # and the one's-complement checksum of its bytes.
    $size = $SizeMiB * 1MB
    $footer = [byte[]]::new(512)
    [Text.Encoding]::ASCII.GetBytes('conectix').CopyTo($footer, 0)
    $put = { param($at, [long] $value, $count) for ($i = $count - 1; $i -ge 0; $i--) { $footer[$at + $i] = [byte]($value -band 0xFF); $value = $value -shr 8 } }
    & $put 8 2 4; & $put 12 0x10000 4; & $put 16 -1 8; & $put 40 $size 8; & $put 48 $size 8; & $put 60 $DiskType 4
    [guid]::NewGuid().ToByteArray().CopyTo($footer, 68)
    [uint32] $sum = 0; foreach ($b in $footer) { $sum += $b }
    & $put 64 ([uint32]::MaxValue - $sum) 4
    $file = [IO.File]::Create($Path)
    try {
        $mbr = [byte[]]::new(512); $mbr[450] = 0x07; $mbr[510] = 0x55; $mbr[511] = 0xAA
        $file.Write($mbr, 0, 512)
        if ($DiskType -eq 2) { $file.SetLength($size); $file.Position = $size }
        $file.Write($footer, 0, 512)
    }
    finally { $file.Dispose() }
    $Path
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
    $webVersion = Invoke-Step { $web | Publish-GalleryVersion -GalleryResourceGroupName $group -GalleryName corp -DefinitionName web -Publisher contoso -Offer web -Sku v2 -Version auto -TargetRegion eastus=2, westeurope } -Show GalleryName, DefinitionName, Name, OsState, ReplicationState, TargetRegions
    Invoke-Step { $webVersion | New-VmFromImage -ResourceGroupName $group -Name web -Count 3 -Credential $cred | Format-Table Name, PowerState, OsState, VmSize, SourceImageId -AutoSize } | Out-Null

    # Windows Server 2022 Gen1: the same through a managed image.
    $legacy = Invoke-Step { Invoke-VmGeneralize -ResourceGroupName $group -Name legacy-base01 -Force | New-CapturedImage -ImageName legacy-base01-image } -Show Name, SourceKind, OsType, OsState, HyperVGeneration, ProvisioningState
    $legacyVersion = Invoke-Step { $legacy | Publish-GalleryVersion -GalleryResourceGroupName $group -GalleryName corp -DefinitionName legacy -Publisher contoso -Offer legacy -Sku v1 -Version auto -TargetRegion eastus } -Show GalleryName, DefinitionName, Name, OsState, ReplicationState, TargetRegions
    Invoke-Step { $legacyVersion | New-VmFromImage -ResourceGroupName $group -Name legacy -Count 2 -Credential $cred -Size Standard_D2s_v3 | Format-Table Name, PowerState, HyperVGeneration, VmSize -AutoSize } | Out-Null

    # Ubuntu 22.04 Gen2 with an SSH key, deployed from the definition's latest version.
    Invoke-Step { Invoke-VmGeneralize -ResourceGroupName $group -Name app-base01 -Force | Publish-GalleryVersion -GalleryResourceGroupName $group -GalleryName corp -DefinitionName app -Publisher contoso -Offer app -Sku v2 -Version auto -TargetRegion eastus } -Show GalleryName, DefinitionName, Name, OsState, ReplicationState, TargetRegions | Out-Null
    Invoke-Step { New-VmFromImage -ResourceId "$(($web.Id -split '/providers/')[0])/providers/Microsoft.Compute/galleries/corp/images/app" -ResourceGroupName $group -Name app -Count 2 -SshPublicKey $sshKey | Format-Table Name, PowerState, OsType, ComputerName -AutoSize } | Out-Null

    # A machine kept specialized (disaster recovery): no managed image exists for it in Azure, so it
    # goes straight from the running VM to a Specialized gallery version, and one copy is made
    # without credentials (it keeps the source's identity).
    # The same holds for web-base01's pre-generalize snapshot (taken before Sysprep, so specialized).
    Invoke-Step { New-CapturedImage -ResourceId $web.SnapshotIds[0] -ErrorAction SilentlyContinue -ErrorVariable refused; $refused[0].FullyQualifiedErrorId; $refused[0].ErrorDetails.RecommendedAction } | Out-Null
    $drVersion = Invoke-Step { Publish-GalleryVersion -ResourceId $web.Id.Replace('web-base01', 'dr-base01') -GalleryResourceGroupName $group -GalleryName corp -DefinitionName dr -Publisher contoso -Offer dr -Sku v2 -OsState Specialized -Version auto -TargetRegion eastus } -Show GalleryName, DefinitionName, Name, OsState, ReplicationState, TargetRegions
    Invoke-Step { $drVersion | New-VmFromImage -ResourceGroupName $group -Name dr-copy | Format-Table Name, PowerState, OsState, ComputerName -AutoSize } | Out-Null

    # A rerun converges without a write; a refusal is an ErrorRecord with the rule id and the remedy.
    Invoke-Step { Invoke-VmGeneralize -ResourceGroupName $group -Name web-base01 -Force } | Out-Null
    Invoke-Step {
        try { New-CapturedImage -ResourceGroupName $group -Name web-01 -ErrorAction Stop }
        catch { [pscustomobject]@{ FullyQualifiedErrorId = $_.FullyQualifiedErrorId; Category = $_.CategoryInfo.Category; RecommendedAction = $_.ErrorDetails.RecommendedAction } | Format-List }
    } | Out-Null

    # An on-premises Hyper-V server's VHD: checked (fixed, whole MiB, MBR + NTFS: Windows, V1),
    # uploaded without its zeros, captured; the image is copied to another region and deploys there.
    $vhd = New-DemoVhd -Path (Join-Path ([IO.Path]::GetTempPath()) 'intranet-base.vhd') -SizeMiB 1024
    $disk = Invoke-Step { Import-Vhd -Path $vhd -ResourceGroupName $group -Location eastus -OsState Generalized } -Show Name, DiskState, OsType, HyperVGeneration, OsState, DiskSizeGB, BytesUploaded, ZeroBytesSkipped
    $image = Invoke-Step { $disk | New-CapturedImage } -Show Name, SourceKind, OsType, OsState, HyperVGeneration, ProvisioningState
    $copy = Invoke-Step { $image | Copy-CapturedImage -TargetLocation westeurope } -Show Name, Location, SourceKind, OsType, ProvisioningState
    Invoke-Step { $copy | New-VmFromImage -ResourceGroupName $group -Name intranet -Credential $cred -Size Standard_D2s_v3 | Format-Table Name, Location, PowerState, HyperVGeneration -AutoSize } | Out-Null

    # A dynamic VHD is refused before anything is created, with the command that converts it.
    $dynamic = New-DemoVhd -Path (Join-Path ([IO.Path]::GetTempPath()) 'intranet-dynamic.vhd') -SizeMiB 1024 -DiskType 3
    Invoke-Step {
        try { Import-Vhd -Path $dynamic -ResourceGroupName $group -Location eastus -OsState Generalized -ErrorAction Stop }
        catch { [pscustomobject]@{ FullyQualifiedErrorId = $_.FullyQualifiedErrorId; Message = $_.ErrorDetails.Message; RecommendedAction = $_.ErrorDetails.RecommendedAction } | Format-List }
    } | Out-Null
    Remove-Item $vhd, $dynamic

    # The gallery after publishing: more versions of web (1.0.3 and 1.0.4 a canary ring, excluded
    # from latest), what latest resolves to, one version replicated further, then retention: the
    # newest two stay, and so do the latest and 1.0.0, which the web fleet was built from.
    $VerbosePreference = 'SilentlyContinue'
    foreach ($v in '1.0.1', '1.0.2') { $null = $web | Publish-GalleryVersion -GalleryResourceGroupName $group -GalleryName corp -DefinitionName web -Version $v -TargetRegion eastus }
    foreach ($v in '1.0.3', '1.0.4') { $null = $web | Publish-GalleryVersion -GalleryResourceGroupName $group -GalleryName corp -DefinitionName web -Version $v -TargetRegion eastus -ExcludeFromLatest }
    $VerbosePreference = 'Continue'
    Invoke-Step { Get-GalleryVersion $group corp web | Format-Table Name, IsLatest, LatestIn, ExcludeFromLatest, ReplicationState, TargetRegions -AutoSize } | Out-Null
    Invoke-Step { Get-GalleryVersion $group corp web -Name 1.0.2 | Update-GalleryVersion -AddRegion westeurope=2, northeurope -EndOfLifeDate 2027-06-30 | Format-Table Name, LatestIn, EndOfLifeDate, ReplicationState, TargetRegions -AutoSize } | Out-Null
    Invoke-Step { Remove-GalleryVersion $group corp web -KeepLatest 2 -WhatIf } | Out-Null
    Invoke-Step { Remove-GalleryVersion $group corp web -KeepLatest 2 -Confirm:$false -PassThru | Format-Table Name, PublishedDate, TargetRegions -AutoSize } | Out-Null
    Invoke-Step { Get-GalleryVersion $group corp web -Verbose:$false | Format-Table Name, IsLatest, LatestIn, ExcludeFromLatest, TargetRegions -AutoSize } | Out-Null
}
else {
    # Nothing was generalized, so the later stages have no input: each base VM's plan instead.
    Invoke-Step { Invoke-VmGeneralize -ResourceGroupName $group -Name legacy-base01 -Force } | Out-Null
    Invoke-Step { Invoke-VmGeneralize -ResourceGroupName $group -Name app-base01 -Force } | Out-Null
}
