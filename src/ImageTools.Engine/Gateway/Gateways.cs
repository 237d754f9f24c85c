using Azure.Core;
using Azure.ResourceManager;

namespace ImageTools.Engine.Gateway
{
    /// <summary>The gateways of one session, built once over its ArmClient and polling strategy.</summary>
    internal sealed class Gateways
    {
        public Gateways(ArmClient client, DelayStrategy? polling)
        {
            Azure = new AzureGateway(client, polling);
            Galleries = new GalleryGateway(client, polling);
            Deploy = new DeployGateway(client, polling);
            Disks = new DiskGateway(client, polling);
            Catalog = new CatalogGateway(client);
        }

        public IAzureGateway Azure { get; }
        public IGalleryGateway Galleries { get; }
        public IDeployGateway Deploy { get; }
        public IDiskGateway Disks { get; }
        public CatalogGateway Catalog { get; }
    }
}
