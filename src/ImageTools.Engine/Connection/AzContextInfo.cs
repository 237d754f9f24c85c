using System;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Engine.Connection
{
    /// <summary>What Get-AzContext says, as plain strings (the cmdlet reads them; no Az type crosses).</summary>
    public sealed class AzContextInfo
    {
        public string SubscriptionId { get; set; } = "";
        public string TenantId { get; set; } = "";

        /// <summary>Account.Id: a user name, an application id, a managed identity's client id, or "MSI@&lt;port&gt;".</summary>
        public string AccountId { get; set; } = "";

        /// <summary>Account.Type: User, ServicePrincipal, ManagedService, AccessToken...</summary>
        public string AccountType { get; set; } = "";

        /// <summary>Environment.Name: AzureCloud, AzureUSGovernment, AzureChinaCloud or a custom one.</summary>
        public string Environment { get; set; } = "";
    }
}
