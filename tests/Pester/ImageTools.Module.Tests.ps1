#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The module as PowerShell loads it: clean import in a child session, the engine's load context,
# parameter sets, pipeline binding, help, -AsJob and completers.
# Run with ./build.ps1 -Task Pester (pwsh 7 or Windows PowerShell 5.1; Pester from out/Modules).
param([string] $Configuration = 'Release')

BeforeDiscovery {
    $cmdletNames = 'Connect-ImageTools', 'Disconnect-ImageTools', 'Invoke-VmGeneralize', 'New-CapturedImage', 'Publish-GalleryVersion', 'New-VmFromImage', 'Undo-VmGeneralize', 'Import-Vhd', 'Copy-CapturedImage', 'Get-ImageToolsSnapshot', 'Remove-ImageToolsSnapshot', 'Get-ImageToolsOrphan', 'Remove-ImageToolsOrphan', 'Get-GalleryVersion', 'Update-GalleryVersion', 'Remove-GalleryVersion', 'New-VmssFromImage', 'Update-VmssImage'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    if (-not (Test-Path $ModuleManifest)) { throw "Build first: dotnet build src/ImageTools (out/ImageTools is missing)." }
    $script:cmdletNames = 'Connect-ImageTools', 'Disconnect-ImageTools', 'Invoke-VmGeneralize', 'New-CapturedImage', 'Publish-GalleryVersion', 'New-VmFromImage', 'Undo-VmGeneralize', 'Import-Vhd', 'Copy-CapturedImage', 'Get-ImageToolsSnapshot', 'Remove-ImageToolsSnapshot', 'Get-ImageToolsOrphan', 'Remove-ImageToolsOrphan', 'Get-GalleryVersion', 'Update-GalleryVersion', 'Remove-GalleryVersion', 'New-VmssFromImage', 'Update-VmssImage'
}

Describe 'Import in a clean session' {
    It 'imports with no error and exports exactly its cmdlets' {
        $exported = Invoke-ChildSession @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModuleManifest'
(Get-Command -Module ImageTools | Sort-Object Name).Name -join ','
"@
        $LASTEXITCODE | Should -Be 0
        ($exported -split ',' | Sort-Object) | Should -Be ($cmdletNames | Sort-Object)
    }

    It 'loads the engine from Dependencies, in its private load context on PowerShell 7' {
        # Disconnect-ImageTools is the first engine call: the engine is loaded on demand.
        $lines = Invoke-ChildSession @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModuleManifest'
Disconnect-ImageTools
`$engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'ImageTools.Engine' }
'location=' + `$engine.Location
if (`$PSVersionTable.PSEdition -eq 'Core') {
    `$context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$engine)
    'context=' + `$context.GetType().FullName
    'default=' + [object]::ReferenceEquals(`$context, [System.Runtime.Loader.AssemblyLoadContext]::Default)
    `$cmdlets = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'ImageTools' }
    'cmdlets=' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$cmdlets).GetType().FullName
}
"@
        $LASTEXITCODE | Should -Be 0
        $facts = @{}
        foreach ($line in $lines) { $name, $value = "$line" -split '=', 2; $facts[$name] = $value }
        $dependencies = Join-Path (Split-Path $ModuleManifest) 'Dependencies'
        [IO.Path]::GetFullPath($facts['location']) | Should -Be ([IO.Path]::GetFullPath((Join-Path $dependencies 'ImageTools.Engine.dll')))
        if ($PSVersionTable.PSEdition -eq 'Core') {
            $facts['context'] | Should -Be 'ImageTools.Loading.EngineLoadContext'
            $facts['default'] | Should -Be 'False'
            $facts['cmdlets'] | Should -Not -Be 'ImageTools.Loading.EngineLoadContext'
        }
    }

    It 'a cmdlet run without a connection says NotConnected, as an ErrorRecord of the cmdlet class' {
        $lines = Invoke-ChildSession @"
Import-Module '$ModuleManifest' -ErrorAction Stop
'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1' |
    Invoke-VmGeneralize -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue
`$failures | ForEach-Object { `$_.FullyQualifiedErrorId }
"@
        $lines | Should -Be 'NotConnected,ImageTools.Commands.InvokeVmGeneralizeCommand'
    }
}

Describe 'Cmdlet surface' {
    BeforeAll { Import-Module $ModuleManifest -Force }

    It '<_> has help with a synopsis, two examples and every parameter described' -ForEach $cmdletNames {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($name in (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin $common }) {
            ($help.Parameters.Parameter | Where-Object Name -eq $name).Description | Should -Not -BeNullOrEmpty -Because "-$name needs help"
        }
    }

    It '<_> has ByName and ById parameter sets, ById taking -ResourceId from the pipeline' -ForEach 'Invoke-VmGeneralize', 'New-CapturedImage', 'Publish-GalleryVersion', 'Undo-VmGeneralize' {
        $command = Get-Command $_
        $command.ParameterSets.Name | Sort-Object | Should -Be @('ById', 'ByName')
        $command.DefaultParameterSet | Should -Be 'ByName'
        $resourceId = ($command.ParameterSets | Where-Object Name -eq 'ById').Parameters | Where-Object Name -eq 'ResourceId'
        $resourceId.IsMandatory | Should -BeTrue
        $resourceId.ValueFromPipeline | Should -BeTrue
        $resourceId.ValueFromPipelineByPropertyName | Should -BeTrue
        $resourceId.Aliases | Should -Contain 'Id'
    }

    It 'Invoke-VmGeneralize has ConfirmImpact High and -Method Auto, Sysprep or Deprovision' {
        $command = Get-Command Invoke-VmGeneralize
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        $method = $command.Parameters['Method']
        $method.ParameterType | Should -Be ([string])
        $set = $method.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        $set.ValidValues | Sort-Object | Should -Be @('Auto', 'Deprovision', 'Sysprep')
    }

    It 'Invoke-VmGeneralize -Method refuses a value outside the set at binding' {
        { Invoke-VmGeneralize -ResourceGroupName rg -Name vm1 -Method Reboot -WhatIf -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,ImageTools.Commands.InvokeVmGeneralizeCommand'
    }

    It 'an id string binds to -ResourceId from the pipeline' {
        $id = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1'
        $trace = Get-BindingTrace { $id | Invoke-VmGeneralize -WhatIf -ErrorAction SilentlyContinue }
        $trace | Should -Match 'BIND arg \[/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1\] to parameter \[ResourceId\]'
    }

    It 'an Az-like object binds by its Id property, not by Name' {
        $vm = [pscustomobject]@{ Id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1'; Name = 'vm1'; ResourceGroupName = 'rg' }
        $trace = Get-BindingTrace { $vm | New-CapturedImage -WhatIf -ErrorAction SilentlyContinue }
        $trace | Should -Match 'BIND arg \[/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1\] to parameter \[ResourceId\]'
        $trace | Should -Not -Match 'BIND arg \[vm1\] to parameter \[Name\]'
        $trace | Should -Not -Match 'BIND arg \[rg\] to parameter \[ResourceGroupName\]'
    }
}

Describe '-AsJob and completers' {
    BeforeAll { Import-Module $ModuleManifest -Force }

    It '<_> has -AsJob' -ForEach 'Invoke-VmGeneralize', 'New-CapturedImage', 'Publish-GalleryVersion', 'New-VmFromImage', 'Undo-VmGeneralize', 'Import-Vhd', 'Copy-CapturedImage' {
        (Get-Command $_).Parameters.ContainsKey('AsJob') | Should -BeTrue
    }

    It 'Connect-ImageTools has no -AsJob' {
        (Get-Command Connect-ImageTools).Parameters.ContainsKey('AsJob') | Should -BeFalse
    }

    It 'Disconnect-ImageTools without a connection emits nothing and fails nothing' {
        $out = Invoke-ChildSession @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModuleManifest'
@(Disconnect-ImageTools).Count
"@
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
