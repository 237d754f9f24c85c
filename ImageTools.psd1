@{
    RootModule           = 'ImageTools.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = 'b1b729ff-442b-43c0-92fa-11e86014a2e4'
    Author               = 'ImageTools contributors'
    CompanyName          = 'ImageTools contributors'
    Copyright            = '(c) ImageTools contributors. All rights reserved.'
    Description          = 'Azure custom-image lifecycle: generalize a VM, capture a managed image, publish a Compute Gallery version, deploy VMs from it. Every step reads the real state first and refuses an unsafe or doomed step before any write.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('ImageTools.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-ImageTools'
        'Disconnect-ImageTools'
        'Invoke-VmGeneralize'
        'New-CapturedImage'
        'Publish-GalleryVersion'
        'New-VmFromImage'
        'Undo-VmGeneralize'
        'Import-Vhd'
        'Copy-CapturedImage'
        'Get-ImageToolsSnapshot'
        'Remove-ImageToolsSnapshot'
        'Get-ImageToolsOrphan'
        'Remove-ImageToolsOrphan'
        'New-VmssFromImage'
        'Update-VmssImage'
        'Get-GalleryVersion'
        'Update-GalleryVersion'
        'Remove-GalleryVersion'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Azure', 'Compute', 'Image', 'Gallery', 'Sysprep', 'Generalize', 'Automation', 'PSEdition_Desktop', 'PSEdition_Core')
            LicenseUri   = 'https://github.com/imagetools/imagetools/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/imagetools/imagetools'
            ReleaseNotes = 'First release: Connect-ImageTools, Disconnect-ImageTools, Invoke-VmGeneralize, New-CapturedImage, Publish-GalleryVersion, New-VmFromImage; engine isolated in a private load context; local ARM emulator for offline rehearsal.'
        }
    }
}
