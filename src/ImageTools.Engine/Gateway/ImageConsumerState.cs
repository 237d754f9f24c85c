namespace ImageTools.Engine.Gateway
{
    /// <summary>A VM, a scale set or a scale set instance, and the image its storageProfile.imageReference names.</summary>
    internal sealed class ImageConsumerState
    {
        public string Id { get; set; } = "";

        /// <summary>VirtualMachine, ScaleSet or ScaleSetInstance.</summary>
        public string Kind { get; set; } = "";

        /// <summary>imageReference.id: a managed image, a gallery version or a gallery definition (latest); empty for marketplace images.</summary>
        public string ImageId { get; set; } = "";

        /// <summary>imageReference.exactVersion: the version a definition's latest was when the machine was built; empty when not reported.</summary>
        public string ExactVersion { get; set; } = "";
    }
}
