<#
.SYNOPSIS
    Azure Automation runbook: generalize a build VM, publish it to a Compute Gallery, and roll
    out VMs from the new version.
.DESCRIPTION
    Runs unattended on PowerShell 5.1 or 7.x runbook workers: the Automation account's managed
    identity signs in, -Force answers the confirmation that nobody can answer in a job, and
    -Verbose writes each step (and replication progress, in place of progress bars) to the
    job's verbose stream. Enable "Log verbose records" on the runbook to keep them.
    Import the module first: build.ps1 -Task Package makes out/ImageTools.zip for the
    account's Modules blade. The identity needs Contributor on the resource groups involved.
    Every step converges on a rerun: a generalized VM, an existing image version or an
    existing VM from the same source is recognised and kept.
#>
param(
    [Parameter(Mandatory)] [string] $SubscriptionId,
    [Parameter(Mandatory)] [string] $BuildResourceGroup,
    [Parameter(Mandatory)] [string] $BuildVmName,
    [string] $GalleryName = 'corp',
    [string] $DefinitionName = 'web',
    [string[]] $TargetRegion = @('eastus=2', 'westeurope'),
    [string] $DeployResourceGroup = 'prod',
    [string] $DeployName = 'web',
    [int] $Count = 3,
    [string] $AdminCredentialAsset = 'vm-admin',
    # A user-assigned identity's client id; empty = the account's system-assigned identity.
    [string] $IdentityClientId = ''
)

$ErrorActionPreference = 'Stop'
$VerbosePreference = 'Continue'
$ProgressPreference = 'SilentlyContinue'

Import-Module ImageTools

$connect = @{ Identity = $true; Subscription = $SubscriptionId }
if ($IdentityClientId) { $connect.AccountId = $IdentityClientId }
Connect-ImageTools @connect | Out-String | Write-Verbose

$credential = Get-AutomationPSCredential -Name $AdminCredentialAsset

# One pipeline: each object binds to the next cmdlet by its Id property. Replication is waited for
# at most 2 hours, inside Azure Automation's 3-hour fair-share limit for one job.
$vms = Invoke-VmGeneralize -ResourceGroupName $BuildResourceGroup -Name $BuildVmName -Force |
    Publish-GalleryVersion -GalleryName $GalleryName -DefinitionName $DefinitionName -Version auto -TargetRegion $TargetRegion -ReplicationTimeout (New-TimeSpan -Hours 2) |
    New-VmFromImage -ResourceGroupName $DeployResourceGroup -Name $DeployName -Count $Count -Credential $credential -ErrorVariable failed -ErrorAction Continue

# Flat output objects serialize cleanly into the job's output stream.
$vms | Select-Object Name, ResourceGroupName, Location, PowerState, SourceImageId

Disconnect-ImageTools | Out-Null

# A VM that failed is a non-terminating error and the others went on; fail the job for it.
if ($failed) {
    throw "$(@($failed).Count) VM(s) failed: $(($failed | ForEach-Object { $_.FullyQualifiedErrorId }) -join '; ')"
}
