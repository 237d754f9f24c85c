using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// What New-VmssFromImage and Update-VmssImage ask of Azure about scale sets. Reads of a missing
    /// resource return null; every failure is an <see cref="AzureRequestException"/>.
    /// </summary>
    internal interface IScaleSetGateway
    {
        Task<ScaleSetState?> GetScaleSetAsync(ArmId scaleSetId, CancellationToken ct);

        /// <summary>PUTs the scale set and returns it once the long-running operation finished (its instances created).</summary>
        Task<ScaleSetState> CreateScaleSetAsync(ScaleSetSpec spec, CancellationToken ct);

        /// <summary>PATCHes the model's image reference and returns once the update finished (a Rolling scale set then rolls it out).</summary>
        Task UpdateImageAsync(ArmId scaleSetId, ArmId imageId, CancellationToken ct);

        /// <summary>POST osRollingUpgrade: starts a rolling upgrade of every instance to the model's image; returns once it started.</summary>
        Task StartRollingUpgradeAsync(ArmId scaleSetId, CancellationToken ct);

        /// <summary>rollingUpgrades/latest; null when the scale set never had one.</summary>
        Task<RollingUpgradeState?> GetLatestRollingUpgradeAsync(ArmId scaleSetId, CancellationToken ct);

        /// <summary>The instances: Uniform ones under the scale set, or the VMs of a Flexible one (the VM list's scale set filter).</summary>
        Task<IReadOnlyList<ScaleSetInstanceState>> ListInstancesAsync(ScaleSetState scaleSet, CancellationToken ct);
    }
}
