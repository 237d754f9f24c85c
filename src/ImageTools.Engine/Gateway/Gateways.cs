using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;

namespace ImageTools.Engine.Gateway
{
    /// <summary>The gateways of one session, built once over its ArmClient and polling strategy.</summary>
    internal sealed class Gateways
    {
        public Gateways(ArmClient client, DelayStrategy? polling, HttpPipeline blobs)
        {
            Transfers = new DiskTransferGateway(client, polling, blobs);
            Azure = new AzureGateway(client, polling);
            Galleries = new GalleryGateway(client, polling);
            Versions = new GalleryVersionGateway(client, polling);
            Deploy = new DeployGateway(client, polling);
            Disks = new DiskGateway(client, polling);
            ScaleSets = new ScaleSetGateway(client, polling);
            Catalog = new CatalogGateway(client);
            Locations = new LocationGateway(client, polling);
            Cleanup = new CleanupGateway(client, polling);
        }

        public IAzureGateway Azure { get; }
        public IGalleryGateway Galleries { get; }
        public IGalleryVersionGateway Versions { get; }
        public IDeployGateway Deploy { get; }
        public IDiskGateway Disks { get; }

        /// <summary>Uploads into disks (their page blobs) and snapshot copies across regions.</summary>
        public IDiskTransferGateway Transfers { get; }

        /// <summary>Scale sets: create, change the model's image, follow rolling upgrades.</summary>
        public IScaleSetGateway ScaleSets { get; }
        public CatalogGateway Catalog { get; }
        public ILocationGateway Locations { get; }
        public ICleanupGateway Cleanup { get; }
    }
}
