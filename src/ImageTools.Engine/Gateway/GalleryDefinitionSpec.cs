using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    internal sealed class GalleryDefinitionSpec
    {
        public ArmId GalleryId { get; set; } = null!;
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string OsType { get; set; } = "";
        public string OsState { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public string SecurityType { get; set; } = "Standard";
        public string Publisher { get; set; } = "";
        public string Offer { get; set; } = "";
        public string Sku { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }
}
