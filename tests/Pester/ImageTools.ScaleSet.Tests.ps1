#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# New-VmssFromImage and Update-VmssImage in a pwsh session against the ARM emulator started
# through its start contract: a gallery version feeds a 5-instance scale set and the next version
# rolls out to it; -WhatIf and every refusal ("<RuleId>,ImageTools.Commands.<CmdletClass>") write
# nothing (the emulator's request log proves it). The emulator is always stopped in AfterAll.
param([string] $Configuration = 'Release')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    if (-not (Test-Path $ModuleManifest)) { throw "Build first: dotnet build src/ImageTools (out/ImageTools is missing)." }
    $script:emulator = $null
    $script:emulator = Start-TestEmulator -Configuration $Configuration
    Import-Module $ModuleManifest -Force
    Connect-ImageTools -EmulatorConnectionFile $emulator.ConnectionFile | Out-Null
    $script:cred = New-Object pscredential 'azureops', (ConvertTo-SecureString ('Pester-Passw0rd-' + [guid]::NewGuid().ToString('N').Substring(0, 6)) -AsPlainText -Force)

    function script:New-SeedVm([hashtable] $Vm) {
        $Vm.resourceGroup = 'rg'
        Invoke-Control $emulator POST vms $Vm
    }
    function script:Clear-RequestLog { Invoke-Control $emulator DELETE requests | Out-Null }
    # A version of rg/corp/<Definition> from a VM seeded generalized (or running, for a specialized one).
    function script:New-Version([string] $Vm, [string] $Definition, [string] $Version, [string] $OsState = 'Generalized') {
        $state = if ($OsState -eq 'Generalized') { 'generalized' } else { 'running' }
        $seed = New-SeedVm @{ name = $Vm; state = $state; osType = 'Windows'; hyperVGeneration = 'V2' }
        Publish-GalleryVersion -ResourceId $seed.id -GalleryResourceGroupName rg -GalleryName corp -DefinitionName $Definition `
            -Publisher contoso -Offer $Definition -Sku v2 -OsState $OsState -Version $Version -TargetRegion eastus -GuestGeneralized:($OsState -eq 'Generalized')
    }
}

AfterAll {
    if (Get-Module ImageTools) { Disconnect-ImageTools -ErrorAction SilentlyContinue }
    Stop-TestEmulator $emulator
}

Describe 'A gallery version feeds a scale set, and the next version rolls out to it' {
    BeforeAll { Invoke-Control $emulator POST reset | Out-Null }

    It 'New-VmssFromImage makes 5 instances on 1.0.0 from the piped version' {
        $script:v1 = New-Version -Vm gen01 -Definition web -Version 1.0.0
        $script:vmss = $v1 | New-VmssFromImage -ResourceGroupName rg -Name web -Capacity 5 -UpgradePolicy Rolling -Credential $cred
        $vmss.PSObject.TypeNames | Should -Contain 'ImageTools.Models.VmssInfo'
        $vmss.OrchestrationMode | Should -Be 'Flexible'
        $vmss.Sku.Capacity | Should -Be 5
        $vmss.UpgradePolicy.Mode | Should -Be 'Rolling'
        $vmss.SourceImageId | Should -Be $v1.Id
        @($vmss.Instances).Count | Should -Be 5
        @($vmss.Instances | Where-Object SourceImageId -eq $v1.Id).Count | Should -Be 5
        @($vmss.Instances.ComputerName | Select-Object -Unique).Count | Should -Be 5
        (Invoke-Control $emulator GET requests | Where-Object { $_.method -eq 'PUT' -and $_.path -match '/virtualMachineScaleSets/web$' }) | Should -Not -BeNullOrEmpty
    }

    It 'Update-VmssImage rolls 1.0.1 out to every instance and says so' {
        $v2 = New-Version -Vm gen02 -Definition web -Version 1.0.1
        $rolled = $v2 | Update-VmssImage -ResourceGroupName rg -VMScaleSetName web -Force -Verbose 4>&1
        $out = @($rolled | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $verbose = @($rolled | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $out.Count | Should -Be 1
        $out[0].SourceImageId | Should -Be $v2.Id
        $out[0].RollingUpgradeStatus | Should -Be 'Completed'
        @($out[0].Instances | Where-Object SourceImageId -eq $v2.Id).Count | Should -Be 5
        $verbose | Should -Contain 'Completed, batch 5 of 5: 5 upgraded, 0 in progress, 0 pending, 0 failed'
    }

    It 'a rerun of the same upgrade writes nothing' {
        Clear-RequestLog
        $again = Update-VmssImage -ResourceGroupName rg -VMScaleSetName web -ImageId ($vmss.SourceImageId -replace '1\.0\.0$', '1.0.1') -Force
        $again.SourceImageId | Should -Match '/versions/1\.0\.1$'
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
    }
}

Describe 'Scale set refusals write nothing' {
    BeforeAll {
        Invoke-Control $emulator POST reset | Out-Null
        $script:generalized = New-Version -Vm gen01 -Definition web -Version 1.0.0
        $script:specialized = New-Version -Vm dr01 -Definition dr -Version 1.0.0 -OsState Specialized
    }
    BeforeEach { Clear-RequestLog }

    It 'New-VmssFromImage -WhatIf shows the plan and writes nothing' {
        $generalized | New-VmssFromImage -ResourceGroupName rg -Name plan -Capacity 3 -Credential $cred -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $failures | Should -BeNullOrEmpty
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
    }

    It 'a specialized version cannot feed a scale set: SpecializedScaleSetSource' {
        { $specialized | New-VmssFromImage -ResourceGroupName rg -Name dr -Capacity 2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'SpecializedScaleSetSource,ImageTools.Commands.NewVmssFromImageCommand'
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
    }

    It 'the refusal is one ErrorRecord with its category and the remedy' {
        $specialized | New-VmssFromImage -ResourceGroupName rg -Name dr -Capacity 2 -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'Invoke-VmGeneralize'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'New-VmFromImage'
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
    }

    It 'a scale set of more than 1000 instances is refused: ScaleSetCapacityOutOfRange' {
        { $generalized | New-VmssFromImage -ResourceGroupName rg -Name big -Capacity 1001 -Credential $cred -ErrorAction Stop } |
            Should -Throw -ErrorId 'ScaleSetCapacityOutOfRange,ImageTools.Commands.NewVmssFromImageCommand'
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
    }

    It 'Update-VmssImage of a scale set that does not exist: UpgradeScaleSetNotFound' {
        { $generalized | Update-VmssImage -ResourceGroupName rg -VMScaleSetName nope -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'UpgradeScaleSetNotFound,ImageTools.Commands.UpdateVmssImageCommand'
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
    }

    It 'Update-VmssImage of a Manual scale set: ScaleSetNotRolling' {
        $null = $generalized | New-VmssFromImage -ResourceGroupName rg -Name manual -Capacity 2 -Credential $cred
        $v2 = New-Version -Vm gen02 -Definition web -Version 1.0.1
        Clear-RequestLog
        { $v2 | Update-VmssImage -ResourceGroupName rg -VMScaleSetName manual -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'ScaleSetNotRolling,ImageTools.Commands.UpdateVmssImageCommand'
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
    }
}
