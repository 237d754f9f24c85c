using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Operations;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Deploy;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Rules.VmssUpgrade
{
    /// <summary>
    /// What Update-VmssImage's rules read, all before any write: the scale set's model, its instances
    /// and latest rolling upgrade, and the target image read as New-VmFromImage reads a source (in the
    /// scale set's location, with its size's SKU) so that its source and generation rules run unchanged.
    /// </summary>
    internal sealed class VmssUpgradeFacts
    {
        public VmssUpgradeFacts(ScaleSetUpgradeRequest request, string scaleSetId, ScaleSetState? scaleSet, DeployFacts? target,
            IReadOnlyList<ScaleSetInstanceState> instances, RollingUpgradeState? latest)
        {
            Request = request;
            ScaleSetId = scaleSetId;
            ScaleSet = scaleSet;
            Target = target;
            Instances = instances;
            Latest = latest;
        }

        public ScaleSetUpgradeRequest Request { get; }
        public string ScaleSetId { get; }

        /// <summary>The scale set; null when it does not exist.</summary>
        public ScaleSetState? ScaleSet { get; }

        /// <summary>The target image as a deployment source in the scale set's location; null when the scale set does not exist.</summary>
        public DeployFacts? Target { get; }

        public IReadOnlyList<ScaleSetInstanceState> Instances { get; }
        public RollingUpgradeState? Latest { get; }

        public DeploySource? Source => Target?.Source;

        /// <summary>The gallery version (or image) the model will name: a definition's latest eligible version, resolved now.</summary>
        public string TargetImageId => Source?.ImageId?.Id ?? "";

        public bool ModelOnTarget => ScaleSet != null && TargetImageId.Length > 0 && ArmId.SameId(ScaleSet.ImageId, TargetImageId);

        public IEnumerable<ScaleSetInstanceState> InstancesOnTarget => Instances.Where(i => ArmId.SameId(ScaleSetMapper.ImageOf(i), TargetImageId));

        public bool AllInstancesOnTarget => TargetImageId.Length > 0 && Instances.All(i => ArmId.SameId(ScaleSetMapper.ImageOf(i), TargetImageId));

        public bool UpgradeRunning => Latest?.Running == true;

        /// <summary>The version the model names now, when it is a gallery version of the target's definition; null otherwise.</summary>
        public GalleryVersionNumber? CurrentVersionOfTargetDefinition()
        {
            if (ScaleSet == null || !GalleryIds.TryParseVersion(ScaleSet.ImageId, out var current) ||
                !GalleryIds.TryParseVersion(TargetImageId, out var target) || !Equals(current.Parent, target.Parent))
                return null;
            return GalleryVersionNumber.TryParse(current.Name, out var number) ? number : (GalleryVersionNumber?)null;
        }

        public GalleryVersionNumber? TargetVersion() =>
            GalleryIds.TryParseVersion(TargetImageId, out var target) && GalleryVersionNumber.TryParse(target.Name, out var number)
                ? number : (GalleryVersionNumber?)null;
    }
}
