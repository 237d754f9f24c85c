using ImageTools.Engine.Connection;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Tests.AzContext;

/// <summary>Which connection an Az.Accounts context becomes (the engine's decision; the Get-AzContext read itself needs PowerShell).</summary>
public class AzContextReuseTests
{
    private const string Sub = "11111111-2222-3333-4444-555555555555";
    private const string Tenant = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    private const string ClientId = "99999999-8888-7777-6666-555555555555";

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    private static readonly Func<string, string?> Automation =
        Env(("IDENTITY_ENDPOINT", "http://127.0.0.1:40342/metadata/identity/oauth2/token"), ("IDENTITY_HEADER", "secret"));

    private static AzContextInfo Context(string type, string account, string environment = "AzureCloud") =>
        new() { SubscriptionId = Sub, TenantId = Tenant, AccountId = account, AccountType = type, Environment = environment };

    [Fact]
    public void No_context_or_no_subscription_is_not_reused()
    {
        Assert.Null(AzContextReuse.Choose(null, Env()).Request);
        Assert.Null(AzContextReuse.Choose(new AzContextInfo { AccountType = "User", AccountId = "a@b.c" }, Env()).Request);
    }

    [Fact]
    public void A_user_context_reuses_Az_Accounts_tokens_through_AzurePowerShellCredential_with_its_subscription_and_tenant()
    {
        var decision = AzContextReuse.Choose(Context("User", "admin@contoso.com"), Env());
        var request = decision.Request!;
        Assert.Equal(CredentialKind.AzurePowerShell, request.CredentialKind);
        Assert.Equal(Sub, request.SubscriptionId);
        Assert.Equal(Tenant, request.TenantId);
        Assert.Equal("AzureCloud", request.Environment);
        Assert.Null(request.ClientId);
        Assert.Contains("admin@contoso.com", decision.Reason);
    }

    [Fact]
    public void A_service_principal_context_also_goes_through_Az_Accounts()
    {
        var request = AzContextReuse.Choose(Context("ServicePrincipal", ClientId, "AzureUSGovernment"), Env()).Request!;
        Assert.Equal(CredentialKind.AzurePowerShell, request.CredentialKind);
        Assert.Equal("AzureUSGovernment", request.Environment);
        Assert.Null(request.ClientSecret);
    }

    [Fact]
    public void A_system_assigned_identity_in_Automation_signs_in_as_that_identity()
    {
        var decision = AzContextReuse.Choose(Context("ManagedService", "MSI@50342"), Automation);
        var request = decision.Request!;
        Assert.Equal(CredentialKind.ManagedIdentity, request.CredentialKind);
        Assert.Null(request.ClientId);
        Assert.Equal(Sub, request.SubscriptionId);
        Assert.Contains("system-assigned", decision.Reason);
        Assert.Contains("IDENTITY_ENDPOINT", decision.Reason);
    }

    [Fact]
    public void A_user_assigned_identity_keeps_its_client_id()
    {
        var decision = AzContextReuse.Choose(Context("ManagedService", ClientId), Automation);
        Assert.Equal(CredentialKind.ManagedIdentity, decision.Request!.CredentialKind);
        Assert.Equal(ClientId, decision.Request.ClientId);
        Assert.Contains("user-assigned", decision.Reason);
    }

    [Fact]
    public void A_managed_identity_outside_Automation_uses_the_instance_metadata_endpoint()
    {
        var decision = AzContextReuse.Choose(Context("ManagedService", "MSI@50342"), Env());
        Assert.Equal(CredentialKind.ManagedIdentity, decision.Request!.CredentialKind);
        Assert.Contains("instance metadata", decision.Reason);
    }

    [Fact]
    public void The_Automation_sandbox_is_recognised_only_with_both_variables()
    {
        Assert.True(AzContextReuse.ManagedIdentityEndpointPresent(Automation));
        Assert.False(AzContextReuse.ManagedIdentityEndpointPresent(Env(("IDENTITY_ENDPOINT", "http://x"))));
        Assert.False(AzContextReuse.ManagedIdentityEndpointPresent(Env()));
    }

    [Theory]
    [InlineData("ManagedService", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1", "AzureCloud", "not a client id")]
    [InlineData("AccessToken", "admin@contoso.com", "AzureCloud", "access token")]
    [InlineData("User", "admin@contoso.com", "AzureStackHub", "AzureStackHub")]
    public void Contexts_that_cannot_be_reached_the_same_way_are_not_reused_and_say_why(string type, string account, string environment, string reason)
    {
        var decision = AzContextReuse.Choose(Context(type, account, environment), Automation);
        Assert.Null(decision.Request);
        Assert.Contains(reason, decision.Reason);
        Assert.Contains("Connect-ImageTools", decision.Reason);
    }

    [Fact]
    public void An_empty_environment_means_the_public_cloud()
    {
        var request = AzContextReuse.Choose(Context("User", "a@b.c", ""), Env()).Request!;
        Assert.Equal("AzureCloud", request.Environment);
    }
}
