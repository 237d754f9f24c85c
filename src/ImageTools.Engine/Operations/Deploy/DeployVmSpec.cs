using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Deploy;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Operations.Deploy
{
    /// <summary>The VM a New-VmFromImage run creates, as the gateway's spec.</summary>
    internal static class DeployVmSpec
    {
        /// <summary>How a VM's computer name reads in the plan and verbose lines: a specialized copy keeps the source's own.</summary>
        public static string ComputerNameText(DeploySource source, string computerName) =>
            source.IsSpecialized ? "the source's computer name" : $"computer name '{computerName}'";

        /// <summary>Where a VM comes from, as the plan and verbose lines say it.</summary>
        public static string SourceText(DeploySource source) =>
            source.Kind == DeploySourceKind.ManagedDisk ? $"on disk '{source.Id}' (attached as its OS disk)" : $"from '{source.ImageId ?? source.Id}'";

        public static VmSpec For(DeployFacts facts, PlannedVm vm, DeployRequest request) => new VmSpec
        {
            Id = vm.Id,
            Location = facts.TargetLocation,
            VmSize = facts.Size?.Name ?? request.VmSize,
            Zones = request.Zones ?? Array.Empty<string>(),
            Tags = Tags(request),
            ImageId = facts.Source.ImageId!,
            OsDiskId = facts.Source.Kind == DeploySourceKind.ManagedDisk ? facts.Source.Id : null,
            OsType = facts.Source.IsWindows ? "Windows" : "Linux",
            SecurityType = VmSecurityType(facts.Source),
            NicId = vm.NicId,
            WithOsProfile = !facts.Source.IsSpecialized,
            ComputerName = vm.ComputerName,
            AdminUserName = facts.AdminUserName,
            AdminPassword = request.Credential?.Password is { Length: > 0 } password ? password : null,
            SshPublicKey = facts.Source.IsWindows ? null : request.SshPublicKey,
        };

        /// <summary>
        /// The VM's security type follows the source: a definition that requires TrustedLaunch or
        /// ConfidentialVM gets it; one that merely supports Trusted Launch gets Trusted Launch (Gen2).
        /// </summary>
        public static string VmSecurityType(DeploySource source)
        {
            var type = source.SecurityType ?? "";
            if (type.StartsWith("ConfidentialVM", StringComparison.OrdinalIgnoreCase) && !type.EndsWith("Supported", StringComparison.OrdinalIgnoreCase))
                return "ConfidentialVM";
            if (type.StartsWith("TrustedLaunch", StringComparison.OrdinalIgnoreCase) && string.Equals(source.HyperVGeneration, "V2", StringComparison.OrdinalIgnoreCase))
                return "TrustedLaunch";
            return "Standard";
        }

        public static Dictionary<string, string> Tags(DeployRequest request) => new Dictionary<string, string>(request.Tags ?? new Dictionary<string, string>());
    }
}
