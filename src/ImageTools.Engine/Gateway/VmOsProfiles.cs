using System;
using Azure.ResourceManager.Compute.Models;

namespace ImageTools.Engine.Gateway
{
    /// <summary>The osProfile of a VM made from a generalized image: computer name, administrator, password or SSH key.</summary>
    internal static class VmOsProfiles
    {
        public static VirtualMachineOSProfile For(VmSpec spec)
        {
            var profile = new VirtualMachineOSProfile { ComputerName = spec.ComputerName, AdminUsername = spec.AdminUserName };
            if (!string.IsNullOrEmpty(spec.AdminPassword))
                profile.AdminPassword = spec.AdminPassword;
            if (string.Equals(spec.OsType, "Linux", StringComparison.OrdinalIgnoreCase))
            {
                var linux = new LinuxConfiguration { IsPasswordAuthenticationDisabled = string.IsNullOrEmpty(spec.AdminPassword) };
                if (!string.IsNullOrWhiteSpace(spec.SshPublicKey))
                    linux.SshPublicKeys.Add(new SshPublicKeyConfiguration
                    {
                        Path = $"/home/{spec.AdminUserName}/.ssh/authorized_keys",
                        KeyData = spec.SshPublicKey!.Trim(),
                    });
                profile.LinuxConfiguration = linux;
            }
            return profile;
        }
    }
}
