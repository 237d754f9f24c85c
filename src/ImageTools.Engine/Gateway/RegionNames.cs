using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;

using static ImageTools.Engine.Gateway.ArmCall;

namespace ImageTools.Engine.Gateway
{
    /// <summary>Azure region names: "East US", "eastus" and "EastUS" are the same region.</summary>
    internal static class RegionNames
    {
        public static string Normalize(string? name) => (name ?? "").Replace(" ", "").Trim().ToLowerInvariant();

        public static bool Same(string? a, string? b) => Normalize(a) == Normalize(b);
    }
}
