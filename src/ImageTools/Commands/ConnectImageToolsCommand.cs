using System.Management.Automation;
using ImageTools.Engine;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>Connect-ImageTools: signs the session in (one parameter set per way of signing in).</summary>
    [Cmdlet(VerbsCommunications.Connect, "ImageTools", DefaultParameterSetName = "Default", SupportsShouldProcess = true)]
    [OutputType(typeof(ConnectionInfo))]
    public sealed class ConnectImageToolsCommand : ImageToolsCmdlet
    {
        [Parameter(ParameterSetName = "ManagedIdentity", Mandatory = true)] public SwitchParameter Identity { get; set; }
        [Parameter(ParameterSetName = "ManagedIdentity")] public string? AccountId { get; set; }
        [Parameter(ParameterSetName = "ServicePrincipalSecret", Mandatory = true)]
        [Parameter(ParameterSetName = "ServicePrincipalCertificate", Mandatory = true)] public SwitchParameter ServicePrincipal { get; set; }
        [Parameter(ParameterSetName = "ServicePrincipalSecret", Mandatory = true)] [Credential] public PSCredential? Credential { get; set; }
        [Parameter(ParameterSetName = "ServicePrincipalCertificate", Mandatory = true)] public string? ApplicationId { get; set; }
        [Parameter(ParameterSetName = "ServicePrincipalCertificate")] public string? CertificateThumbprint { get; set; }
        [Parameter(ParameterSetName = "ServicePrincipalCertificate")] public string? CertificatePath { get; set; }
        [Parameter(ParameterSetName = "DeviceCode", Mandatory = true)] public SwitchParameter UseDeviceAuthentication { get; set; }
        [Parameter(ParameterSetName = "Emulator", Mandatory = true)] public string? EmulatorConnectionFile { get; set; }
        [Parameter] [ValidateSet("AzureCloud", "AzureUSGovernment", "AzureChinaCloud")] public string Environment { get; set; } = "AzureCloud";
        [Parameter] [Alias("TenantId")] public string? Tenant { get; set; }
        [Parameter] [Alias("SubscriptionId")] public string? Subscription { get; set; }

        protected override void ProcessRecord()
        {
            var request = new ConnectRequest
            {
                Environment = Environment, TenantId = Tenant, SubscriptionId = Subscription,
                CredentialKind = Kind(), ClientId = AccountId ?? ApplicationId ?? Credential?.UserName,
                ClientSecret = Credential?.GetNetworkCredential(), CertificatePath = CertificatePath, CertificateThumbprint = CertificateThumbprint,
                EmulatorConnectionFile = EmulatorConnectionFile == null ? null : GetUnresolvedProviderPathFromPSPath(EmulatorConnectionFile),
            };
            if (ShouldProcess(Subscription ?? "the default subscription", $"Sign in ({request.CredentialKind})"))
                RunRelayed(async (sink, ct) => sink.WriteObject(await ImageToolsEngine.ConnectAsync(request, sink, null, ct).ConfigureAwait(false)));
        }

        private CredentialKind Kind() => ParameterSetName switch
        {
            "ManagedIdentity" => CredentialKind.ManagedIdentity,
            "ServicePrincipalSecret" => CredentialKind.ServicePrincipalSecret,
            "ServicePrincipalCertificate" => CredentialKind.ServicePrincipalCertificate,
            "DeviceCode" => CredentialKind.DeviceCode,
            "Emulator" => CredentialKind.Emulator,
            _ => CredentialKind.Default,
        };
    }
}
