using System;
using System.Collections.Generic;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A scale set to create from an image. Carries the administrator secret: never logged, never in a message.</summary>
    internal sealed class ScaleSetSpec
    {
        public ArmId Id { get; set; } = null!;
        public string Location { get; set; } = "";
        public string VmSize { get; set; } = "";
        public long Capacity { get; set; }
        public string[] Zones { get; set; } = Array.Empty<string>();
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        /// <summary>Flexible or Uniform.</summary>
        public string OrchestrationMode { get; set; } = "Flexible";

        /// <summary>Manual, Automatic or Rolling.</summary>
        public string UpgradeMode { get; set; } = "Manual";
        public int MaxBatchInstancePercent { get; set; } = 20;

        /// <summary>Rolling: the Application Health extension's probe (protocol, port, path).</summary>
        public string HealthProtocol { get; set; } = "tcp";
        public int HealthPort { get; set; } = 80;
        public string HealthPath { get; set; } = "";

        /// <summary>A managed image, gallery version or gallery definition id.</summary>
        public ArmId ImageId { get; set; } = null!;
        public string OsType { get; set; } = "";
        public string SecurityType { get; set; } = "Standard";
        public ArmId SubnetId { get; set; } = null!;

        public string ComputerNamePrefix { get; set; } = "";
        public string AdminUserName { get; set; } = "";
        public string? AdminPassword { get; set; }
        public string? SshPublicKey { get; set; }

        public override string ToString() => Id.Id;
    }
}
