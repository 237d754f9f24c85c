using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>One VM of the run, with the resources made for it and what already exists.</summary>
    internal sealed class PlannedVm
    {
        public string Name { get; set; } = "";
        public ArmId Id { get; set; } = null!;
        public string ComputerName { get; set; } = "";
        public ArmId NicId { get; set; } = null!;
        public ArmId PublicIpId { get; set; } = null!;
        /// <summary>A VM of that name already in the resource group.</summary>
        public ExistingVmState? Existing { get; set; }
        public bool ExistsFromSource { get; set; }
        /// <summary>Its network interface is already in the resource group (an earlier run made it): reused, not created again.</summary>
        public bool NicExists { get; set; }
        public bool ExistsFromOtherSource => Existing != null && !ExistsFromSource;
        /// <summary>True when the VM must be (re)created: missing, or left Failed by an earlier run.</summary>
        public bool ToCreate => Existing == null || (ExistsFromSource && string.Equals(Existing.ProvisioningState, "Failed", StringComparison.OrdinalIgnoreCase));
    }
}
