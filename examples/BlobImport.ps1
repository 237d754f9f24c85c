<#
.SYNOPSIS
    A VHD already in a storage account, on the ImageTools emulator, with the real cmdlets: a
    specialized server's disk imported from its blob and attached as that server's VM; a dynamic
    VHD blob and a generalized disk attached as a VM refused with nothing written.
.DESCRIPTION
    Run by `dotnet run --project src/ImageTools.Demo -- --script BlobImport.ps1`, which starts the
    emulator and runs this script in the repository's pwsh. The storage account and its blobs stand
    for what `azcopy copy` or `Add-AzVhd` left there: they are placed through the emulator's control
    API (not ARM), which also hands out the blobs' read SAS URLs (New-AzStorageBlobSASToken -FullUri).
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

function Invoke-Step([scriptblock] $Step, [object[]] $Show) {
    Write-Host ''
    Write-Host ('PS> ' + ($Step.ToString().Trim() -replace '\s*\r?\n\s*', ' ')) -ForegroundColor Cyan
    $out = & $Step
    if ($Show -and $out) { $out | Format-Table -Property $Show -AutoSize | Out-Host } else { $out | Out-Host }
    $out
}

# The emulator's control API: a storage account, and a blob holding a VHD's first sector (an MBR with
# one NTFS partition) and its 512-byte footer (disk type 2 fixed or 3 dynamic); the rest reads as zeros.
$emulator = (Get-Content $ConnectionFile -Raw | ConvertFrom-Json).endpoint.TrimEnd('/')
function Invoke-Control([string] $Method, [string] $Path, $Body) {
    Invoke-RestMethod -Method $Method -Uri "$emulator/_emulator/$Path" -SkipCertificateCheck -ContentType 'application/json' -Body ($Body | ConvertTo-Json)
}
function New-VhdBlob([string] $Account, [string] $Name, [long] $SizeMiB, [int] $DiskType = 2) {
    $size = $SizeMiB * 1MB
    $footer = [byte[]]::new(512)
    [Text.Encoding]::ASCII.GetBytes('conectix').CopyTo($footer, 0)
    $put = { param($at, [long] $value, $count) for ($i = $count - 1; $i -ge 0; $i--) { $footer[$at + $i] = [byte]($value -band 0xFF); $value = $value -shr 8 } }
    & $put 8 2 4; & $put 12 0x10000 4; & $put 16 -1 8; & $put 40 $size 8; & $put 48 $size 8; & $put 60 $DiskType 4
    [uint32] $sum = 0; foreach ($b in $footer) { $sum += $b }
    & $put 64 ([uint32]::MaxValue - $sum) 4
    $mbr = [byte[]]::new(512); $mbr[450] = 0x07; $mbr[510] = 0x55; $mbr[511] = 0xAA
    $length = if ($DiskType -eq 2) { $size + 512 } else { 64KB }
    Invoke-Control PUT "storageaccounts/$Account/blobs/vhds/$Name" @{ blobType = 'PageBlob'; length = $length; head = [Convert]::ToBase64String($mbr); footer = [Convert]::ToBase64String($footer) }
}

Import-Module $ModulePath
$null = Connect-ImageTools -EmulatorConnectionFile $ConnectionFile -WhatIf:$false
$account = Invoke-Control POST storageaccounts @{ resourceGroup = $group; name = 'contosovhds'; location = 'eastus' }
$app01 = New-VhdBlob contosovhds app01.vhd 1024
$dynamic = New-VhdBlob contosovhds app02.vhd 1024 -DiskType 3
$web = New-VhdBlob contosovhds web-base.vhd 1024
$storageId = $account.id

# A specialized server (app01) exported as a fixed VHD and uploaded: its blob, read through a SAS, then
# made a disk by Azure (createOption Import); the disk becomes the server's VM by being attached.
$disk = Invoke-Step { Import-Vhd -SourceUri $app01.sasUri -StorageAccountId $storageId -ResourceGroupName $group -Location eastus -OsState Specialized -Verbose } -Show Name, DiskState, OsType, HyperVGeneration, OsState, DiskSizeGB
if ($WhatIf) { return }
Invoke-Step { $disk | New-VmFromImage -ResourceGroupName $group -Name app01 -Verbose | Format-Table Name, PowerState, OsState, @{ n = 'OsDisk'; e = { $_.OsDiskId -replace '^.*/' } } -AutoSize } | Out-Null

# A dynamic VHD blob is refused before any disk is made, with what to run on a copy of it.
Invoke-Step {
    try { Import-Vhd -SourceUri $dynamic.sasUri -StorageAccountId $storageId -ResourceGroupName $group -Location eastus -OsState Specialized -ErrorAction Stop }
    catch { [pscustomobject]@{ FullyQualifiedErrorId = $_.FullyQualifiedErrorId; Message = $_.ErrorDetails.Message; RecommendedAction = $_.ErrorDetails.RecommendedAction } | Format-List }
} | Out-Null

# A generalized disk is not attached as a VM: it goes through an image.
$generalized = Import-Vhd -SourceUri $web.sasUri -StorageAccountId $storageId -ResourceGroupName $group -Location eastus -OsState Generalized
Invoke-Step {
    try { $generalized | New-VmFromImage -ResourceGroupName $group -Name web -ErrorAction Stop }
    catch { [pscustomobject]@{ FullyQualifiedErrorId = $_.FullyQualifiedErrorId; RecommendedAction = $_.ErrorDetails.RecommendedAction } | Format-List }
} | Out-Null
