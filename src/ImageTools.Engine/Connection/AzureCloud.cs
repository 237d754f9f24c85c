using System;
using System.Collections.Generic;
using System.Linq;
using Azure.Identity;
using Azure.ResourceManager;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Connection
{
    /// <summary>One sovereign cloud: its Resource Manager endpoint and its Entra ID authority.</summary>
    internal sealed class AzureCloud
    {
        private AzureCloud(string name, ArmEnvironment environment, Uri authorityHost)
        {
            Name = name;
            Environment = environment;
            AuthorityHost = authorityHost;
        }

        public string Name { get; }
        public ArmEnvironment Environment { get; }
        public Uri AuthorityHost { get; }

        public static readonly AzureCloud Public = new AzureCloud("AzureCloud", ArmEnvironment.AzurePublicCloud, AzureAuthorityHosts.AzurePublicCloud);
        public static readonly AzureCloud UsGovernment = new AzureCloud("AzureUSGovernment", ArmEnvironment.AzureGovernment, AzureAuthorityHosts.AzureGovernment);
        public static readonly AzureCloud China = new AzureCloud("AzureChinaCloud", ArmEnvironment.AzureChina, AzureAuthorityHosts.AzureChina);

        private static readonly IReadOnlyList<AzureCloud> All = new[] { Public, UsGovernment, China };

        /// <summary>The cloud for an environment name as Az.Accounts spells it (case-insensitive).</summary>
        public static AzureCloud Find(string? name)
        {
            if (string.IsNullOrWhiteSpace(name))
                return Public;
            var cloud = All.FirstOrDefault(c => string.Equals(c.Name, name!.Trim(), StringComparison.OrdinalIgnoreCase));
            if (cloud != null)
                return cloud;
            throw new ImageToolsException(ErrorIds.UnknownEnvironment,
                $"Environment '{name}' is not known. Known environments: {string.Join(", ", All.Select(c => c.Name))}.",
                "Pass -Environment AzureCloud, AzureUSGovernment or AzureChinaCloud, or -EmulatorConnectionFile for the local emulator.",
                name, FailureCategory.InvalidArgument);
        }
    }
}
