namespace ImageTools.Engine.Requests
{
    /// <summary>
    /// Remove-GalleryVersion: the versions named, or (-KeepLatest N) every version but the newest N,
    /// never the one `latest` resolves to, nor one a VM or scale set was built from unless Force.
    /// </summary>
    public sealed class RemoveVersionsRequest : GalleryVersionsRequest
    {
        /// <summary>Keep the N highest version numbers and remove the others (the versions named are ignored).</summary>
        public int? KeepLatest { get; set; }

        /// <summary>Remove versions that VMs or scale sets in the subscription were built from.</summary>
        public bool Force { get; set; }

        /// <summary>Emit each version removed (as read before its removal).</summary>
        public bool PassThru { get; set; }
    }
}
