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
