#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The cmdlets against the ARM emulator started through its start contract (dotnet <dll> --port 0
# --connection-file <tmp>): -WhatIf shows the plan with zero writes, refusals are ErrorRecords
# "<RuleId>,ImageTools.Commands.<CmdletClass>" made before any write (the emulator's request log
# proves it), -AsJob and completion. The emulator is always stopped, with its process tree, in
# AfterAll, also when BeforeAll fails after starting it.
param([string] $Configuration = 'Release')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    if (-not (Test-Path $ModuleManifest)) { throw "Build first: dotnet build src/ImageTools (out/ImageTools is missing)." }
    $script:emulator = $null
    $script:emulator = Start-TestEmulator -Configuration $Configuration
    Import-Module $ModuleManifest -Force
    Connect-ImageTools -EmulatorConnectionFile $emulator.ConnectionFile | Out-Null

    # Seeds a VM (POST /_emulator/vms) after a reset; returns the seed's reply ({id, osDiskId, dataDiskIds}).
    function script:New-SeedVm([hashtable] $Vm) {
        if (-not $Vm.ContainsKey('resourceGroup')) { $Vm.resourceGroup = 'rg' }
        Invoke-Control $emulator POST vms $Vm
    }
    # Empties the request log, so that what follows is all it holds.
    function script:Clear-RequestLog { Invoke-Control $emulator DELETE requests | Out-Null }
}

AfterAll {
    if (Get-Module ImageTools) {
        Disconnect-ImageTools -ErrorAction SilentlyContinue
        Get-Job | Where-Object PSJobTypeName -eq 'ImageToolsJob' | Remove-Job -Force -ErrorAction SilentlyContinue
    }
    Stop-TestEmulator $emulator
}

Describe 'The emulator started for these tests' {
    It 'answers its health check with the subscription of its connection file' {
        (Invoke-Control $emulator GET health).subscriptionId | Should -Be $emulator.Info.subscriptionId
    }
}

Describe '-WhatIf writes nothing' {
    BeforeEach { Invoke-Control $emulator POST reset | Out-Null }

    It 'Invoke-VmGeneralize -WhatIf reads the VM and sends no write; the VM stays running' {
        $vm = New-SeedVm @{ name = 'base01'; state = 'running'; osType = 'Windows' }
        Clear-RequestLog
        $out = $vm.id | Invoke-VmGeneralize -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $failures | Should -BeNullOrEmpty
        @(Invoke-Control $emulator GET requests).Count | Should -BeGreaterThan 0 -Because 'the plan is made from the VM as read'
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
        $guest = Invoke-Control $emulator GET 'vms/rg/base01/guest'
        $guest.powerState | Should -Be 'running'
        $guest.generalized | Should -BeFalse
        @($guest.scripts).Count | Should -Be 0
    }

    It 'New-CapturedImage -WhatIf from a generalized VM sends no write and creates no image' {
        $vm = New-SeedVm @{ name = 'gen01'; state = 'generalized'; osType = 'Linux' }
        Clear-RequestLog
        New-CapturedImage -ResourceId $vm.id -ImageName 'gen01-image' -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -BeNullOrEmpty -Because 'the plan is shown, not refused'
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
        @(Invoke-Control $emulator GET requests | Where-Object { $_.path -match '/images/gen01-image' -and $_.method -ne 'GET' }).Count | Should -Be 0
    }

    It 'Publish-GalleryVersion -WhatIf with a gallery and definition to create sends no write' {
        $vm = New-SeedVm @{ name = 'pub01'; state = 'generalized'; osType = 'Linux'; hyperVGeneration = 'V2' }
        Clear-RequestLog
        $vm.id | Publish-GalleryVersion -GalleryResourceGroupName rg -GalleryName corp -DefinitionName web -Publisher contoso -Offer web -Sku v2 `
            -Version 1.0.0 -TargetRegion eastus, westeurope -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -BeNullOrEmpty
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
    }

    It 'with -AsJob starts no job and writes nothing' {
        $vm = New-SeedVm @{ name = 'job02'; state = 'running'; osType = 'Windows' }
        Clear-RequestLog
        $out = $vm.id | Invoke-VmGeneralize -AsJob -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -BeNullOrEmpty
        $out | Where-Object { $_ -is [System.Management.Automation.Job] } | Should -BeNullOrEmpty
        @(Get-Job | Where-Object PSJobTypeName -eq 'ImageToolsJob').Count | Should -Be 0
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
    }

    It 'a refusal under -WhatIf is reported, and still nothing is written' {
        $vm = New-SeedVm @{ name = 'run01'; state = 'running'; osType = 'Windows' }
        Clear-RequestLog
        New-CapturedImage -ResourceId $vm.id -ImageName 'run01-image' -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue
        @($failures).FullyQualifiedErrorId | Should -Contain 'VmNotGeneralized,ImageTools.Commands.NewCapturedImageCommand'
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
    }
}

Describe 'Refusals before any write' {
    BeforeEach { Invoke-Control $emulator POST reset | Out-Null }

    It 'New-CapturedImage refuses a running VM that is not generalized: VmNotGeneralized' {
        $vm = New-SeedVm @{ name = 'notgen'; state = 'running'; osType = 'Windows' }
        Clear-RequestLog
        { New-CapturedImage -ResourceId $vm.id -ImageName 'notgen-image' -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'VmNotGeneralized,ImageTools.Commands.NewCapturedImageCommand'
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
        (Invoke-Control $emulator GET 'vms/rg/notgen/guest').powerState | Should -Be 'running'
    }

    It 'New-CapturedImage refuses a stopped, not deallocated VM, naming that too' {
        $vm = New-SeedVm @{ name = 'stopped01'; state = 'stopped'; osType = 'Linux' }
        Clear-RequestLog
        $failure = $null
        try { New-CapturedImage -ResourceGroupName rg -Name stopped01 -ImageName 'stopped01-image' -Force -ErrorAction Stop }
        catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -Be 'VmNotGeneralized,ImageTools.Commands.NewCapturedImageCommand'
        $failure.Exception.Message | Should -Match 'StoppedNotDeallocated'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Invoke-VmGeneralize'
        $failure.TargetObject | Should -Be $vm.id
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
    }

    It 'Invoke-VmGeneralize refuses a scale-set instance: ScaleSetInstance' {
        $vm = New-SeedVm @{ name = 'vmss0'; state = 'running'; osType = 'Windows'
            scaleSetId = '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/ss' }
        Clear-RequestLog
        { $vm.id | Invoke-VmGeneralize -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'ScaleSetInstance,ImageTools.Commands.InvokeVmGeneralizeCommand'
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
    }

    It 'Invoke-VmGeneralize -Method Sysprep refuses a Linux VM: SysprepOnLinux' {
        $vm = New-SeedVm @{ name = 'linux01'; state = 'running'; osType = 'Linux' }
        Clear-RequestLog
        { Invoke-VmGeneralize -ResourceId $vm.id -Method Sysprep -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'SysprepOnLinux,ImageTools.Commands.InvokeVmGeneralizeCommand'
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
        (Invoke-Control $emulator GET 'vms/rg/linux01/guest').deprovisioned | Should -BeFalse
    }

    It 'a refusal is non-terminating: an ErrorRecord with the rule id, the cmdlet class and the remedy' {
        $vm = New-SeedVm @{ name = 'vmss1'; state = 'running'; osType = 'Windows'
            scaleSetId = '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/ss' }
        Clear-RequestLog
        $after = . { $vm.id | Invoke-VmGeneralize -Force -ErrorVariable failures -ErrorAction SilentlyContinue; 'after' }
        $after | Should -Be 'after' -Because 'the statement after the refused cmdlet still runs'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ScaleSetInstance,ImageTools.Commands.InvokeVmGeneralizeCommand'
        $failures[0].TargetObject | Should -Be $vm.id
        $failures[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
    }
}

Describe '-AsJob' {
    BeforeEach { Invoke-Control $emulator POST reset | Out-Null }

    It 'returns a job whose output is the generalized VM' {
        $vm = New-SeedVm @{ name = 'job01'; state = 'running'; osType = 'Linux' }
        $job = $vm.id | Invoke-VmGeneralize -Force -AsJob
        try {
            $job.PSJobTypeName | Should -Be 'ImageToolsJob'
            $result = $job | Receive-Job -Wait
            $job.State | Should -Be 'Completed'
            $result.OsState | Should -Be 'Generalized'
            $result.Id | Should -Be $vm.id
        }
        finally { $job | Remove-Job -Force }
        (Invoke-Control $emulator GET 'vms/rg/job01/guest').generalized | Should -BeTrue
    }

    It 'a refused job ends Failed with the error id a cmdlet would write, and writes nothing' {
        $vm = New-SeedVm @{ name = 'notgen'; state = 'running'; osType = 'Windows' }
        Clear-RequestLog
        $job = New-CapturedImage -ResourceId $vm.id -ImageName img -Force -AsJob
        try {
            $job | Wait-Job -Timeout 120 | Out-Null
            $job.State | Should -Be 'Failed'
            $job.Error[0].FullyQualifiedErrorId | Should -Be 'VmNotGeneralized,ImageTools.Commands.NewCapturedImageCommand'
        }
        finally { $job | Remove-Job -Force }
        Get-ArmWrites $emulator | Should -BeNullOrEmpty
    }
}

Describe 'Tab completion' {
    BeforeAll {
        Invoke-Control $emulator POST reset | Out-Null
        New-SeedVm @{ resourceGroup = 'rg-complete'; name = 'vm1'; state = 'running' } | Out-Null
    }

    It 'completes resource groups of the connected subscription' {
        $line = 'Invoke-VmGeneralize -ResourceGroupName rg-comp'
        $names = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $names | Should -Contain 'rg-complete'
    }

    It 'completes locations' {
        $line = 'New-CapturedImage -Location westeu'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'westeurope'
    }
}
