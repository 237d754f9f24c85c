using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A gallery image definition.</summary>
    internal sealed class GalleryDefinitionState
    {
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string ProvisioningState { get; set; } = "";
        /// <summary>Windows or Linux.</summary>
        public string OsType { get; set; } = "";
        /// <summary>Generalized or Specialized.</summary>
        public string OsState { get; set; } = "";
        /// <summary>V1 or V2.</summary>
        public string HyperVGeneration { get; set; } = "";
        /// <summary>The SecurityType feature (TrustedLaunch, ConfidentialVM, TrustedLaunchSupported...); Standard when absent.</summary>
        public string SecurityType { get; set; } = "Standard";
        public string Publisher { get; set; } = "";
        public string Offer { get; set; } = "";
        public string Sku { get; set; } = "";
    }
}
