namespace ImageTools.Emulator.State;

/// <summary>The Azure regions the emulator knows, with ARM's normalisation ("West US" → "westus").</summary>
internal static class Regions
{
    public static readonly IReadOnlyList<(string Name, string DisplayName, string Geography)> All = new[]
    {
        ("eastus", "East US", "US"), ("eastus2", "East US 2", "US"), ("westus", "West US", "US"),
        ("westus2", "West US 2", "US"), ("westus3", "West US 3", "US"), ("centralus", "Central US", "US"),
        ("northcentralus", "North Central US", "US"), ("southcentralus", "South Central US", "US"),
        ("northeurope", "North Europe", "Europe"), ("westeurope", "West Europe", "Europe"),
        ("uksouth", "UK South", "Europe"), ("ukwest", "UK West", "Europe"),
        ("francecentral", "France Central", "Europe"), ("germanywestcentral", "Germany West Central", "Europe"),
        ("swedencentral", "Sweden Central", "Europe"), ("switzerlandnorth", "Switzerland North", "Europe"),
        ("southeastasia", "Southeast Asia", "Asia Pacific"), ("eastasia", "East Asia", "Asia Pacific"),
        ("japaneast", "Japan East", "Asia Pacific"), ("australiaeast", "Australia East", "Asia Pacific"),
        ("centralindia", "Central India", "Asia Pacific"), ("koreacentral", "Korea Central", "Asia Pacific"),
        ("canadacentral", "Canada Central", "Canada"), ("brazilsouth", "Brazil South", "South America"),
    };

    /// <summary>Lower case without spaces; null when empty.</summary>
    public static string Normalize(string? location) =>
        string.IsNullOrWhiteSpace(location) ? "" : new string(location.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();

    public static bool IsKnown(string? location) => All.Any(r => r.Name == Normalize(location));

    public static string DisplayName(string name) => All.FirstOrDefault(r => r.Name == Normalize(name)).DisplayName ?? name;
}
