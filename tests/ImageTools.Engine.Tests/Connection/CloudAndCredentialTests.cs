using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using ImageTools.Engine.Connection;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Tests.Connection;

public class CloudAndCredentialTests
{
    [Theory]
    [InlineData("AzureCloud", "https://management.azure.com/", "https://login.microsoftonline.com/")]
    [InlineData("azureusgovernment", "https://management.usgovcloudapi.net/", "https://login.microsoftonline.us/")]
    [InlineData("AzureChinaCloud", "https://management.chinacloudapi.cn/", "https://login.chinacloudapi.cn/")]
    [InlineData(null, "https://management.azure.com/", "https://login.microsoftonline.com/")]
    public void Each_cloud_has_its_resource_manager_and_authority(string? name, string armEndpoint, string authority)
    {
        var cloud = AzureCloud.Find(name);
        Assert.Equal(armEndpoint, cloud.Environment.Endpoint.ToString());
        Assert.Equal(authority, cloud.AuthorityHost.ToString());
    }

    [Fact]
    public void An_unknown_environment_is_refused_naming_the_known_ones()
    {
        var e = Assert.Throws<ImageToolsException>(() => AzureCloud.Find("AzureGermanCloud"));
        Assert.Equal("UnknownEnvironment", e.RuleId);
        Assert.Contains("AzureUSGovernment", e.Message);
        Assert.Equal(FailureCategory.InvalidArgument, e.Category);
    }

    [Theory]
    [InlineData(CredentialKind.InteractiveBrowser, typeof(InteractiveBrowserCredential))]
    [InlineData(CredentialKind.DeviceCode, typeof(DeviceCodeCredential))]
    [InlineData(CredentialKind.ManagedIdentity, typeof(ManagedIdentityCredential))]
    [InlineData(CredentialKind.Environment, typeof(EnvironmentCredential))]
    [InlineData(CredentialKind.AzureCli, typeof(AzureCliCredential))]
    [InlineData(CredentialKind.AzurePowerShell, typeof(AzurePowerShellCredential))]
    [InlineData(CredentialKind.Default, typeof(DefaultAzureCredential))]
    [InlineData(CredentialKind.Emulator, typeof(StaticTokenCredential))]
    public void Each_credential_kind_maps_to_its_azure_identity_flow(CredentialKind kind, Type expected)
    {
        var credential = CredentialFactory.Create(new ConnectRequest { CredentialKind = kind, TenantId = "tenant" }, AzureCloud.Public, _ => { });
        Assert.IsType(expected, credential);
    }

    [Fact]
    public void A_service_principal_secret_signs_in_with_client_id_from_the_credential_user_name()
    {
        var request = new ConnectRequest
        {
            CredentialKind = CredentialKind.ServicePrincipalSecret,
            TenantId = "00000000-0000-0000-0000-000000000001",
            ClientSecret = new NetworkCredential("11111111-1111-1111-1111-111111111111", "s3cret"),
        };
        Assert.IsType<ClientSecretCredential>(CredentialFactory.Create(request, AzureCloud.UsGovernment, _ => { }));
    }

    [Theory]
    [InlineData(null, "client", "secret", "TenantId")]
    [InlineData("tenant", null, "secret", "ClientId")]
    [InlineData("tenant", "client", null, "ClientSecret")]
    public void A_service_principal_secret_without_its_parts_is_refused_naming_the_missing_one(string? tenant, string? client, string? secret, string missing)
    {
        var request = new ConnectRequest
        {
            CredentialKind = CredentialKind.ServicePrincipalSecret,
            TenantId = tenant,
            ClientId = client,
            ClientSecret = secret == null ? null : new NetworkCredential("", secret),
        };
        var e = Assert.Throws<ImageToolsException>(() => CredentialFactory.Create(request, AzureCloud.Public, _ => { }));
        Assert.Equal("MissingCredentialParameter", e.RuleId);
        Assert.StartsWith(missing, e.Message);
    }

    [Fact]
    public void A_service_principal_certificate_takes_the_certificate_object_or_its_path()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=sp", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var withObject = new ConnectRequest { CredentialKind = CredentialKind.ServicePrincipalCertificate, TenantId = "t", ClientId = "c", Certificate = certificate };
        Assert.IsType<ClientCertificateCredential>(CredentialFactory.Create(withObject, AzureCloud.China, _ => { }));

        var withNeither = new ConnectRequest { CredentialKind = CredentialKind.ServicePrincipalCertificate, TenantId = "t", ClientId = "c" };
        var e = Assert.Throws<ImageToolsException>(() => CredentialFactory.Create(withNeither, AzureCloud.China, _ => { }));
        Assert.Equal("MissingCredentialParameter", e.RuleId);
        Assert.Contains("Certificate", e.Message);
    }

    [Fact]
    public void A_service_principal_certificate_by_thumbprint_is_looked_up_by_the_engine_and_an_absent_one_is_named()
    {
        var absent = new ConnectRequest
        {
            CredentialKind = CredentialKind.ServicePrincipalCertificate, TenantId = "t", ClientId = "c",
            CertificateThumbprint = "00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 00 11 22 33",
        };
        var e = Assert.Throws<ImageToolsException>(() => CredentialFactory.Create(absent, AzureCloud.Public, _ => { }));
        Assert.Equal("CertificateNotFound", e.RuleId);
        Assert.Contains("00112233445566778899AABBCCDDEEFF00112233", e.Message);
    }

    [Fact]
    public void The_emulator_connection_file_must_name_all_four_values()
    {
        var e = Assert.Throws<ImageToolsException>(() =>
            EmulatorEndpoint.Parse("{\"endpoint\":\"https://127.0.0.1:1/\",\"certificateThumbprint\":\"AB\",\"subscriptionId\":\"s\"}", "conn.json"));
        Assert.Equal("EmulatorConnectionFileInvalid", e.RuleId);
        Assert.Contains("tenantId", e.Message);

        var ok = EmulatorEndpoint.Parse("{\"endpoint\":\"https://127.0.0.1:1/\",\"certificateThumbprint\":\"ab:cd\",\"subscriptionId\":\"s\",\"tenantId\":\"t\"}", "conn.json");
        Assert.Equal("ABCD", ok.CertificateThumbprint);
    }

    [Fact]
    public void A_missing_emulator_connection_file_is_reported_with_how_to_make_one()
    {
        var e = Assert.Throws<ImageToolsException>(() => EmulatorEndpoint.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json")));
        Assert.Equal("EmulatorConnectionFileUnreadable", e.RuleId);
        Assert.Contains("--connection-file", e.Remedy);
    }

    [Fact]
    public void The_pinned_handler_accepts_exactly_the_pinned_certificate()
    {
        using var keyA = RSA.Create(2048);
        using var keyB = RSA.Create(2048);
        using var pinned = new CertificateRequest("CN=127.0.0.1", keyA, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var other = new CertificateRequest("CN=127.0.0.1", keyB, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var endpoint = new EmulatorEndpoint(new Uri("https://127.0.0.1:1/"), pinned.Thumbprint.ToLowerInvariant(), "s", "t");
        using var handler = endpoint.CreatePinnedHandler();
        var check = handler.ServerCertificateCustomValidationCallback!;
        Assert.True(check(new HttpRequestMessage(), pinned, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(check(new HttpRequestMessage(), other, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(check(new HttpRequestMessage(), null, null, System.Net.Security.SslPolicyErrors.RemoteCertificateNotAvailable));
    }
}
