#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# -WhatIf against the emulator started through its start contract: the plan is shown and the
# emulator's request log holds no write.

BeforeAll {
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $connection = Join-Path ([IO.Path]::GetTempPath()) "imagetools-pester-$PID.connection.json"
    $script:emulator = Start-Process dotnet -PassThru -NoNewWindow -ArgumentList @(
        'run', '--project', (Join-Path $root 'src/ImageTools.Emulator'), '--', '--port', '0', '--connection-file', $connection)
    $deadline = (Get-Date).AddMinutes(3)
    while (-not (Test-Path $connection)) {
        if ($emulator.HasExited -or (Get-Date) -gt $deadline) { throw 'The emulator did not start.' }
        Start-Sleep -Milliseconds 250
    }
    $script:info = Get-Content $connection -Raw | ConvertFrom-Json
    # The control API is called with the test's own REST client; the module itself pins the certificate.
    function script:Invoke-Control([string] $Method, [string] $Path, $Body) {
        $params = @{ Method = $Method; Uri = "$($info.endpoint.TrimEnd('/'))/_emulator/$Path"; SkipCertificateCheck = $true }
        if ($Body) { $params.Body = ($Body | ConvertTo-Json -Depth 5); $params.ContentType = 'application/json' }
        Invoke-RestMethod @params
    }
    Import-Module (Join-Path $root 'out/ImageTools/ImageTools.psd1') -Force
    Connect-ImageTools -EmulatorConnectionFile $connection | Out-Null
}

AfterAll {
    if ($emulator -and -not $emulator.HasExited) { Stop-Process -Id $emulator.Id }
}

Describe '-WhatIf writes nothing' {
    BeforeEach { Invoke-Control POST reset }

    It 'Invoke-VmGeneralize -WhatIf sends only reads' {
        $vm = Invoke-Control POST vms @{ resourceGroup = 'rg'; name = 'base01'; state = 'running'; osType = 'Windows' }
        Invoke-Control DELETE requests | Out-Null
        $vm.id | Invoke-VmGeneralize -WhatIf
        $writes = @(Invoke-Control GET requests | ForEach-Object { $_ } | Where-Object { $_.method -ne 'GET' -and $_.path -notlike '/_emulator*' })
        $writes | Should -BeNullOrEmpty
    }

    It 'a refusal is an ErrorRecord with the rule id, the cmdlet class and the remedy' {
        $vm = Invoke-Control POST vms @{ resourceGroup = 'rg'; name = 'vmss0'; state = 'running'; scaleSetId = '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/ss' }
        $vm.id | Invoke-VmGeneralize -Force -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Match ',ImageTools\.Commands\.InvokeVmGeneralizeCommand$'
        $failures[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }
}

Describe '-AsJob' {
    BeforeEach { Invoke-Control POST reset }

    It 'returns a job whose output is the generalized VM' {
        $vm = Invoke-Control POST vms @{ resourceGroup = 'rg'; name = 'job01'; state = 'running'; osType = 'Linux' }
        $job = $vm.id | Invoke-VmGeneralize -Force -AsJob
        $job.PSJobTypeName | Should -Be 'ImageToolsJob'
        $result = $job | Receive-Job -Wait -AutoRemoveJob
        $result.OsState | Should -Be 'Generalized'
        $result.Id | Should -Be $vm.id
    }

    It 'a refused job ends Failed with the error id a cmdlet would write' {
        $vm = Invoke-Control POST vms @{ resourceGroup = 'rg'; name = 'notgen'; state = 'running'; osType = 'Windows' }
        $job = New-CapturedImage -ResourceId $vm.id -ImageName img -AsJob
        $job | Wait-Job | Out-Null
        $job.State | Should -Be 'Failed'
        $job.Error[0].FullyQualifiedErrorId | Should -Be 'VmNotGeneralized,ImageTools.Commands.NewCapturedImageCommand'
        $job | Remove-Job
    }

    It 'with -WhatIf starts no job and writes nothing' {
        $vm = Invoke-Control POST vms @{ resourceGroup = 'rg'; name = 'job02'; state = 'running'; osType = 'Windows' }
        Invoke-Control DELETE requests | Out-Null
        $out = $vm.id | Invoke-VmGeneralize -AsJob -WhatIf
        $out | Where-Object { $_ -is [System.Management.Automation.Job] } | Should -BeNullOrEmpty
        @(Invoke-Control GET requests | ForEach-Object { $_ } | Where-Object { $_.method -ne 'GET' -and $_.path -notlike '/_emulator*' }) | Should -BeNullOrEmpty
    }
}

Describe 'Tab completion' {
    BeforeAll { Invoke-Control POST reset; Invoke-Control POST vms @{ resourceGroup = 'rg-complete'; name = 'vm1'; state = 'running' } | Out-Null }

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
