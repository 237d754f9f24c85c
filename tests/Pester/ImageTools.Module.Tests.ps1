#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The module as PowerShell loads it: clean import, parameter sets, pipeline binding, help.
# Run with ./build.ps1 -Task Pester (needs pwsh or Windows PowerShell, and Pester 5).

BeforeDiscovery {
    $script:cmdletNames = 'Connect-ImageTools', 'Disconnect-ImageTools', 'Invoke-VmGeneralize', 'New-CapturedImage', 'Publish-GalleryVersion', 'New-VmFromImage'
}

BeforeAll {
    $script:manifest = Join-Path $PSScriptRoot '../../out/ImageTools/ImageTools.psd1'
    if (-not (Test-Path $manifest)) { throw "Build first: dotnet build src/ImageTools (out/ImageTools is missing)." }
}

Describe 'Import in a clean session' {
    It 'imports with no error and exports exactly the six cmdlets' {
        $exported = & (Get-Process -Id $PID).Path -NoProfile -NonInteractive -Command "
            `$ErrorActionPreference = 'Stop'
            Import-Module '$manifest'
            (Get-Command -Module ImageTools).Name -join ','"
        $LASTEXITCODE | Should -Be 0
        ($exported -split ',' | Sort-Object) | Should -Be ($cmdletNames | Sort-Object)
    }

    It 'loads the engine outside the default load context on PowerShell 7' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        $context = & (Get-Process -Id $PID).Path -NoProfile -NonInteractive -Command "
            Import-Module '$manifest'
            `$null = Get-Command Invoke-VmGeneralize -Syntax
            `$engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'ImageTools.Engine' }
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$engine).Name"
        $context | Should -Be 'ImageTools'
    }
}

Describe 'Cmdlet surface' {
    BeforeAll { Import-Module $manifest -Force }

    It '<_> has help with a synopsis, two examples and every parameter described' -ForEach $cmdletNames {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($name in (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin $common }) {
            ($help.Parameters.Parameter | Where-Object Name -eq $name).Description | Should -Not -BeNullOrEmpty -Because "-$name needs help"
        }
    }

    It 'Invoke-VmGeneralize has ByName and ById sets and ConfirmImpact High' {
        $command = Get-Command Invoke-VmGeneralize
        $command.ParameterSets.Name | Sort-Object | Should -Be @('ById', 'ByName')
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'an id string binds to -ResourceId from the pipeline' {
        $id = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1'
        $trace = Trace-Command -Name ParameterBinding -Expression { $id | Invoke-VmGeneralize -WhatIf -ErrorAction SilentlyContinue } -PSHost 6>&1 2>&1 | Out-String
        $trace | Should -Match 'ResourceId'
    }

    It 'an Az-like object binds by its Id property, not by Name' {
        $vm = [pscustomobject]@{ Id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1'; Name = 'vm1'; ResourceGroupName = 'rg' }
        $trace = Trace-Command -Name ParameterBinding -Expression { $vm | New-CapturedImage -WhatIf -ErrorAction SilentlyContinue } -PSHost 6>&1 2>&1 | Out-String
        $trace | Should -Match 'BIND arg \[/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1\] to parameter \[ResourceId\]'
        $trace | Should -Not -Match 'to parameter \[Name\]'
    }
}

Describe '-AsJob and completers' {
    It '<_> has -AsJob' -ForEach 'Invoke-VmGeneralize', 'New-CapturedImage', 'Publish-GalleryVersion', 'New-VmFromImage' {
        (Get-Command $_).Parameters.ContainsKey('AsJob') | Should -BeTrue
    }

    It 'Connect-ImageTools has no -AsJob' {
        (Get-Command Connect-ImageTools).Parameters.ContainsKey('AsJob') | Should -BeFalse
    }

    It 'Disconnect-ImageTools without a connection emits nothing and fails nothing' {
        $out = & (Get-Process -Id $PID).Path -NoProfile -NonInteractive -Command "
            `$ErrorActionPreference = 'Stop'
            Import-Module '$manifest'
            @(Disconnect-ImageTools).Count"
        $LASTEXITCODE | Should -Be 0
        $out | Should -Be '0'
    }

    It 'New-CapturedImage takes -DataDiskSourceIds and Publish-GalleryVersion -ReplicationTimeout' {
        (Get-Command New-CapturedImage).Parameters['DataDiskSourceIds'].ParameterType | Should -Be ([string[]])
        (Get-Command Publish-GalleryVersion).Parameters['ReplicationTimeout'].ParameterType | Should -Be ([timespan])
    }

    It 'completion never throws, connected or not' {
        $line = 'Publish-GalleryVersion -GalleryName '
        { TabExpansion2 -inputScript $line -cursorColumn $line.Length } | Should -Not -Throw
    }
}
