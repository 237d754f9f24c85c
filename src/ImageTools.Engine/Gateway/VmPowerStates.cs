using System;

namespace ImageTools.Engine.Gateway
{
    /// <summary>Power states as ARM spells them ("PowerState/running" → running, and back).</summary>
    internal static class VmPowerStates
    {
        public const string StatusPrefix = "PowerState/";

        /// <summary>The state of an instance view status code such as PowerState/deallocated; Unknown for anything else.</summary>
        public static VmPowerState FromStatus(string? code)
        {
            if (code == null || !code.StartsWith(StatusPrefix, StringComparison.OrdinalIgnoreCase))
                return VmPowerState.Unknown;
            return Enum.TryParse<VmPowerState>(code.Substring(StatusPrefix.Length), ignoreCase: true, out var state) &&
                   Enum.IsDefined(typeof(VmPowerState), state)
                ? state
                : VmPowerState.Unknown;
        }

        /// <summary>ARM's own word for the state (running, stopped, deallocated...), as users see it in the portal and Get-AzVM -Status.</summary>
        public static string Text(this VmPowerState state) => state.ToString().ToLowerInvariant();

        public static bool IsStoppedOrDeallocated(this VmPowerState state) =>
            state == VmPowerState.Stopped || state == VmPowerState.Deallocated;
    }
}
