using System.Management.Automation;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Reuse of an Az.Accounts sign-in when ImageTools has no connection of its own, with a
/// stand-in Az.Accounts (a dynamic module of that name whose Get-AzContext returns an object
/// shaped like Az's PSAzureContext). What can be observed offline is the module's reading of the
/// context and its decision (the verbose line), and that an unusable context ends in
/// NotConnected without a request. A real reuse needs Azure: a user or service-principal
/// context gets its tokens from Az.Accounts in a child PowerShell (AzurePowerShellCredential)
/// and a managed identity from its endpoint, neither of which reaches the emulator.
/// The connection is per process, so every test connects again at its end.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class AzContextTests(EmulatorFixture emulator)
{
    private const string Tenant = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    /// <summary>Imports a stand-in Az.Accounts whose Get-AzContext counts its calls in $global:AzContextReads.</summary>
    private static void ImportStandInAzAccounts(PsSession ps, string accountType, string accountId, string environment, string subscriptionId) =>
        ps.Run("""
            $global:AzContextReads = 0
            $context = [pscustomobject]@{
                PSTypeName   = 'Microsoft.Azure.Commands.Profile.Models.Core.PSAzureContext'
                Name         = "Stand-in ($accountId)"
                Account      = [pscustomobject]@{ Id = $accountId; Type = $accountType; Tenants = @($tenant) }
                Subscription = [pscustomobject]@{ Id = $subscriptionId; Name = 'Stand-in subscription'; TenantId = $tenant; State = 'Enabled' }
                Tenant       = [pscustomobject]@{ Id = $tenant }
                Environment  = [pscustomobject]@{ Name = $environment }
            }
            New-Module -Name Az.Accounts -ArgumentList $context -ScriptBlock {
                param($context)
                function Get-AzContext { [CmdletBinding()] param() $global:AzContextReads++; $context }
                Export-ModuleMember -Function Get-AzContext
            } | Import-Module
            (Get-Module Az.Accounts).Name
            """, Kit.Vars(("accountType", accountType), ("accountId", accountId), ("environment", environment),
                ("subscriptionId", subscriptionId), ("tenant", Tenant))).AssertClean();

    private static int AzContextReads(PsSession ps) => (int)ps.Run("$global:AzContextReads").Output.Single().BaseObject;

    private static void AssertNotConnected(ErrorRecord error, string cmdletClass)
    {
        Assert.Equal($"NotConnected,ImageTools.Commands.{cmdletClass}", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains("Connect-ImageTools", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public async Task With_no_connection_and_no_Az_Accounts_a_cmdlet_says_to_run_Connect_ImageTools_and_sends_nothing()
    {
        var group = EmulatorFixture.NewGroup("az-none");
        await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        try
        {
            ps.Run("Disconnect-ImageTools").AssertClean();
            var mark = await emulator.MarkAsync();

            var run = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name gen01 -Verbose");

            AssertNotConnected(Assert.Single(run.Errors), "NewCapturedImageCommand");
            Assert.DoesNotContain(run.Verbose, l => l.Contains("Az context", StringComparison.Ordinal) || l.Contains("Az.Accounts", StringComparison.Ordinal));
            Assert.Empty(await emulator.RequestsAsync(mark));
        }
        finally
        {
            ps.Connect(emulator.ConnectionFile);
        }
    }

    [Fact]
    public async Task An_Az_context_of_an_environment_ImageTools_does_not_know_is_read_once_per_invocation_and_not_reused()
    {
        var group = EmulatorFixture.NewGroup("az-env");
        var first = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var second = await emulator.SeedVmAsync(group, "gen02", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        try
        {
            ps.Run("Disconnect-ImageTools").AssertClean();
            // The emulator's own environment name: Az.Accounts could hold a context for it, but
            // it is not one of the clouds whose sign-in ImageTools can reach again.
            ImportStandInAzAccounts(ps, "User", "admin@contoso.com", "Emulator", emulator.SubscriptionId);
            var mark = await emulator.MarkAsync();

            var run = ps.Run("$first, $second | New-CapturedImage -Verbose", Kit.Vars(("first", first.Id), ("second", second.Id)));

            Assert.Equal(1, AzContextReads(ps));
            var decision = Assert.Single(run.Verbose, l => l.Contains("Az context", StringComparison.Ordinal));
            Assert.Equal("The Az context is in environment 'Emulator', which ImageTools does not know; run Connect-ImageTools -Environment <cloud>.", decision);
            Assert.Equal(2, run.Errors.Count);
            Assert.All(run.Errors, e => AssertNotConnected(e, "NewCapturedImageCommand"));
            Assert.Empty(run.Output);
            Assert.Empty(await emulator.RequestsAsync(mark));
        }
        finally
        {
            ps.Connect(emulator.ConnectionFile);
        }
    }

    [Fact]
    public async Task An_access_token_Az_context_is_not_reused_and_says_why()
    {
        var group = EmulatorFixture.NewGroup("az-token");
        await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        try
        {
            ps.Run("Disconnect-ImageTools").AssertClean();
            ImportStandInAzAccounts(ps, "AccessToken", "admin@contoso.com", "AzureCloud", emulator.SubscriptionId);
            var mark = await emulator.MarkAsync();

            var run = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name gen01 -Force -Verbose");

            Assert.Contains(run.Verbose, l => l.Contains("fixed access token", StringComparison.Ordinal) && l.Contains("Connect-ImageTools", StringComparison.Ordinal));
            AssertNotConnected(Assert.Single(run.Errors), "InvokeVmGeneralizeCommand");
            Assert.Empty(await emulator.RequestsAsync(mark));
        }
        finally
        {
            ps.Connect(emulator.ConnectionFile);
        }
    }

    [Fact]
    public async Task A_user_Az_context_is_reused_through_Az_Accounts_tokens_and_a_sign_in_that_fails_is_a_warning()
    {
        var group = EmulatorFixture.NewGroup("az-user");
        await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        try
        {
            ps.Run("Disconnect-ImageTools").AssertClean();
            ImportStandInAzAccounts(ps, "User", "admin@contoso.com", "AzureCloud", emulator.SubscriptionId);
            var mark = await emulator.MarkAsync();

            var run = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name gen01 -Verbose");

            Assert.Equal(1, AzContextReads(ps));
            Assert.Contains(
                $"Reusing the Az.Accounts sign-in of admin@contoso.com (tokens from Az.Accounts through AzurePowerShellCredential), subscription {emulator.SubscriptionId}, tenant {Tenant}.",
                run.Verbose);
            // Without a real Az.Accounts there is no token to get: the reuse fails with a warning,
            // and the cmdlet reports NotConnected. The emulator is not the context's cloud.
            var warning = Assert.Single(run.Warnings);
            Assert.StartsWith("The Az.Accounts sign-in could not be reused (", warning);
            Assert.EndsWith("Run Connect-ImageTools.", warning);
            AssertNotConnected(Assert.Single(run.Errors), "NewCapturedImageCommand");
            Assert.Empty(await emulator.RequestsAsync(mark));
        }
        finally
        {
            ps.Connect(emulator.ConnectionFile);
        }
    }

    [Fact]
    public async Task With_an_ImageTools_connection_the_Az_context_is_not_read()
    {
        var group = EmulatorFixture.NewGroup("az-conn");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        ImportStandInAzAccounts(ps, "User", "admin@contoso.com", "AzureCloud", "11111111-2222-3333-4444-555555555555");

        var run = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name gen01 -Verbose").AssertClean();

        Assert.Equal(0, AzContextReads(ps));
        Assert.DoesNotContain(run.Verbose, l => l.Contains("Az.Accounts", StringComparison.Ordinal));
        var image = Assert.Single(run.OutputOf("ImageInfo"));
        Assert.Equal(emulator.SubscriptionId, RunResult.Prop(image, "SubscriptionId"));
        Assert.Equal(vm.Id, (await emulator.GetAsync(RunResult.Prop(image, "Id"))).Str("properties", "sourceVirtualMachine", "id"), ignoreCase: true);
    }
}
