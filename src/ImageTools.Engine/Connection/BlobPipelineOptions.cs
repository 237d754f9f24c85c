using Azure.Core;

namespace ImageTools.Engine.Connection
{
    /// <summary>Client options of the page-blob pipeline (Azure Storage through a SAS).</summary>
    internal sealed class BlobPipelineOptions : ClientOptions
    {
    }
}
