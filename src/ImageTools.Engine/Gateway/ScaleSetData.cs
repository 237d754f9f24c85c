using System;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;

namespace ImageTools.Engine.Gateway
{
    /// <summary>The SDK's scale set body for a <see cref="ScaleSetSpec"/>.</summary>
    internal static class ScaleSetData
    {
        private const string HealthPublisher = "Microsoft.ManagedServices";

        public static VirtualMachineScaleSetData For(ScaleSetSpec spec)
        {
            var flexible = string.Equals(spec.OrchestrationMode, "Flexible", StringComparison.OrdinalIgnoreCase);
            var linux = string.Equals(spec.OsType, "Linux", StringComparison.OrdinalIgnoreCase);
            var nic = new VirtualMachineScaleSetNetworkConfiguration("nic") { Primary = true };
            nic.IPConfigurations.Add(new VirtualMachineScaleSetIPConfiguration("ipconfig1") { Primary = true, SubnetId = SdkIds.ToSdk(spec.SubnetId) });
            var profile = new VirtualMachineScaleSetVmProfile
            {
                StorageProfile = new VirtualMachineScaleSetStorageProfile
                {
                    ImageReference = new ImageReference { Id = SdkIds.ToSdk(spec.ImageId) },
                    OSDisk = new VirtualMachineScaleSetOSDisk(DiskCreateOptionType.FromImage)
                    {
                        ManagedDisk = new VirtualMachineScaleSetManagedDisk { StorageAccountType = StorageAccountType.PremiumLrs },
                    },
                },
                NetworkProfile = new VirtualMachineScaleSetNetworkProfile(),
                OSProfile = OsProfile(spec, linux),
            };
            profile.NetworkProfile.NetworkInterfaceConfigurations.Add(nic);
            if (flexible)
                profile.NetworkProfile.NetworkApiVersion = NetworkApiVersion.TwoThousandTwenty1101;
            if (string.Equals(spec.SecurityType, "TrustedLaunch", StringComparison.OrdinalIgnoreCase) ||
                string.Equals(spec.SecurityType, "ConfidentialVM", StringComparison.OrdinalIgnoreCase))
                profile.SecurityProfile = new SecurityProfile
                {
                    SecurityType = string.Equals(spec.SecurityType, "ConfidentialVM", StringComparison.OrdinalIgnoreCase) ? SecurityType.ConfidentialVm : SecurityType.TrustedLaunch,
                    UefiSettings = new UefiSettings { IsSecureBootEnabled = true, IsVirtualTpmEnabled = true },
                };
            var rolling = string.Equals(spec.UpgradeMode, "Rolling", StringComparison.OrdinalIgnoreCase);
            if (rolling)
            {
                // Rolling upgrades need a health signal: the Application Health extension reports each instance's.
                profile.ExtensionProfile = new VirtualMachineScaleSetExtensionProfile();
                var settings = spec.HealthPath.Length > 0
                    ? new { protocol = spec.HealthProtocol, port = spec.HealthPort, requestPath = spec.HealthPath }
                    : (object)new { protocol = spec.HealthProtocol, port = spec.HealthPort };
                profile.ExtensionProfile.Extensions.Add(new VirtualMachineScaleSetExtensionData("health")
                {
                    Publisher = HealthPublisher,
                    ExtensionType = linux ? "ApplicationHealthLinux" : "ApplicationHealthWindows",
                    TypeHandlerVersion = "1.0",
                    AutoUpgradeMinorVersion = true,
                    Settings = BinaryData.FromObjectAsJson(settings),
                });
            }
            var data = new VirtualMachineScaleSetData(new AzureLocation(spec.Location))
            {
                Sku = new ComputeSku { Name = spec.VmSize, Tier = "Standard", Capacity = spec.Capacity },
                OrchestrationMode = flexible ? OrchestrationMode.Flexible : OrchestrationMode.Uniform,
                UpgradePolicy = new VirtualMachineScaleSetUpgradePolicy
                {
                    Mode = rolling ? VirtualMachineScaleSetUpgradeMode.Rolling
                        : string.Equals(spec.UpgradeMode, "Automatic", StringComparison.OrdinalIgnoreCase) ? VirtualMachineScaleSetUpgradeMode.Automatic
                        : VirtualMachineScaleSetUpgradeMode.Manual,
                },
                VirtualMachineProfile = profile,
            };
            if (rolling)
                data.UpgradePolicy.RollingUpgradePolicy = new RollingUpgradePolicy { MaxBatchInstancePercent = spec.MaxBatchInstancePercent };
            if (flexible)
                data.PlatformFaultDomainCount = 1;
            else
                data.Overprovision = false;
            foreach (var zone in spec.Zones)
                data.Zones.Add(zone);
            foreach (var tag in spec.Tags)
                data.Tags[tag.Key] = tag.Value;
            return data;
        }

        private static VirtualMachineScaleSetOSProfile OsProfile(ScaleSetSpec spec, bool linux)
        {
            var profile = new VirtualMachineScaleSetOSProfile { ComputerNamePrefix = spec.ComputerNamePrefix, AdminUsername = spec.AdminUserName };
            if (!string.IsNullOrEmpty(spec.AdminPassword))
                profile.AdminPassword = spec.AdminPassword;
            if (linux)
            {
                var configuration = new LinuxConfiguration { IsPasswordAuthenticationDisabled = string.IsNullOrEmpty(spec.AdminPassword) };
                if (!string.IsNullOrWhiteSpace(spec.SshPublicKey))
                    configuration.SshPublicKeys.Add(new SshPublicKeyConfiguration
                    {
                        Path = $"/home/{spec.AdminUserName}/.ssh/authorized_keys",
                        KeyData = spec.SshPublicKey!.Trim(),
                    });
                profile.LinuxConfiguration = configuration;
            }
            return profile;
        }
    }
}
