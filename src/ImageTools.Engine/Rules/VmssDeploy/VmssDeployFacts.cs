using System;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Deploy;

namespace ImageTools.Engine.Rules.VmssDeploy
{
    /// <summary>
    /// What New-VmssFromImage's rules read, all before any write: the facts a VM deployment reads
    /// (source, group, sizes, usages, network; its rules run over them unchanged), the scale set of
    /// that name if it exists, and the computer name prefix the instances get.
    /// </summary>
    internal sealed class VmssDeployFacts
    {
        public VmssDeployFacts(ScaleSetDeployRequest request, DeployFacts deploy, ScaleSetState? existing, string computerNamePrefix)
        {
            Request = request;
            Deploy = deploy;
            Existing = existing;
            ComputerNamePrefix = computerNamePrefix;
        }

        public ScaleSetDeployRequest Request { get; }

        /// <summary>The facts New-VmFromImage's source, credential, size, quota and network rules read.</summary>
        public DeployFacts Deploy { get; }

        public DeploySource Source => Deploy.Source;

        /// <summary>A scale set of that name in the resource group; null when there is none.</summary>
        public ScaleSetState? Existing { get; }

        public string ComputerNamePrefix { get; }

        public bool IsRolling => string.Equals(Request.UpgradePolicy, "Rolling", StringComparison.OrdinalIgnoreCase);

        /// <summary>The scale set of that name exists and its model names this source (for a definition: any of its versions).</summary>
        public bool ExistsFromSource => Existing != null && Source.Exists && Source.Produced(Existing.ImageId);

        /// <summary>Windows: 1-9 characters (the platform appends 6); Linux: 1-58.</summary>
        public int MaxPrefixLength => Source.IsWindows ? 9 : 58;
    }
}
