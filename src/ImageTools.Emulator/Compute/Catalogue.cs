namespace ImageTools.Emulator.Compute;

/// <summary>A marketplace image SKU the emulator knows.</summary>
internal sealed record MarketplaceImage(string Publisher, string Offer, string Sku, string OsType, string HyperVGeneration,
    string[] Versions, string OsName, string OsVersion, bool TrustedLaunchSupported, bool ConfidentialSupported = false)
{
    public string Urn(string version) => $"{Publisher}:{Offer}:{Sku}:{version}";
}

/// <summary>Marketplace catalogue (docs URNs admins type) — versions newest last.</summary>
internal static class Marketplace
{
    public static readonly IReadOnlyList<MarketplaceImage> All = new[]
    {
        new MarketplaceImage("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-g2", "Windows", "V2",
            new[] { "20348.2227.240104", "20348.2340.240303", "20348.2402.240405" }, "Windows Server 2022 Datacenter", "10.0.20348.2402", true),
        new MarketplaceImage("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-azure-edition", "Windows", "V2",
            new[] { "20348.2340.240303", "20348.2402.240405" }, "Windows Server 2022 Datacenter: Azure Edition", "10.0.20348.2402", true),
        new MarketplaceImage("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-core-g2", "Windows", "V2",
            new[] { "20348.2340.240303", "20348.2402.240405" }, "Windows Server 2022 Datacenter", "10.0.20348.2402", true),
        new MarketplaceImage("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter", "Windows", "V1",
            new[] { "20348.2340.240303", "20348.2402.240405" }, "Windows Server 2022 Datacenter", "10.0.20348.2402", false),
        new MarketplaceImage("MicrosoftWindowsServer", "WindowsServer", "2019-datacenter-gensecond", "Windows", "V2",
            new[] { "17763.5458.240206", "17763.5576.240304" }, "Windows Server 2019 Datacenter", "10.0.17763.5576", true),
        new MarketplaceImage("MicrosoftWindowsServer", "WindowsServer", "2019-datacenter", "Windows", "V1",
            new[] { "17763.5458.240206", "17763.5576.240304" }, "Windows Server 2019 Datacenter", "10.0.17763.5576", false),
        new MarketplaceImage("MicrosoftWindowsServer", "WindowsServer", "2016-datacenter", "Windows", "V1",
            new[] { "14393.6709.240206", "14393.6796.240304" }, "Windows Server 2016 Datacenter", "10.0.14393.6796", false),
        new MarketplaceImage("Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", "Linux", "V2",
            new[] { "22.04.202403010", "22.04.202404090" }, "ubuntu", "22.04", true),
        new MarketplaceImage("Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts", "Linux", "V1",
            new[] { "22.04.202403010", "22.04.202404090" }, "ubuntu", "22.04", false),
        new MarketplaceImage("Canonical", "ubuntu-24_04-lts", "server", "Linux", "V2",
            new[] { "24.04.202404230", "24.04.202405150" }, "ubuntu", "24.04", true),
        // Confidential VM capable (Gen2, TrustedLaunch and ConfidentialVM).
        new MarketplaceImage("MicrosoftWindowsServer", "windows-cvm", "2022-datacenter-cvm", "Windows", "V2",
            new[] { "20348.2340.240303", "20348.2402.240405" }, "Windows Server 2022 Datacenter", "10.0.20348.2402", true, true),
        new MarketplaceImage("Canonical", "0001-com-ubuntu-confidential-vm-jammy", "22_04-lts-cvm", "Linux", "V2",
            new[] { "22.04.202403280", "22.04.202404100" }, "ubuntu", "22.04", true, true),
        new MarketplaceImage("Canonical", "ubuntu-24_04-lts", "cvm", "Linux", "V2",
            new[] { "24.04.202404230", "24.04.202405150" }, "ubuntu", "24.04", true, true),
    };

    public static MarketplaceImage? Find(string? publisher, string? offer, string? sku) =>
        All.FirstOrDefault(i => i.Publisher.Equals(publisher, StringComparison.OrdinalIgnoreCase)
            && i.Offer.Equals(offer, StringComparison.OrdinalIgnoreCase) && i.Sku.Equals(sku, StringComparison.OrdinalIgnoreCase));

    /// <summary>The exact version for "latest" or an explicit one; null when unknown.</summary>
    public static string? Resolve(MarketplaceImage image, string? version)
    {
        if (string.IsNullOrEmpty(version) || version.Equals("latest", StringComparison.OrdinalIgnoreCase)) return image.Versions[^1];
        return image.Versions.FirstOrDefault(v => v.Equals(version, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>A VM size with the Hyper-V generations it boots.</summary>
/// <summary>A VM size with the Hyper-V generations it boots; <paramref name="Confidential"/>: AMD SEV-SNP (DCasv5/ECasv5 families), able to run ConfidentialVM.</summary>
internal sealed record VmSize(string Name, int Cores, int MemoryMb, string Family, string FamilyDisplay, int MaxDataDisks, bool Gen1, bool Gen2, int ResourceDiskMb, bool Confidential = false);

internal static class VmSizes
{
    public static readonly IReadOnlyList<VmSize> All = new[]
    {
        new VmSize("Standard_A1_v2", 1, 2048, "standardAv2Family", "Standard Av2 Family vCPUs", 2, true, false, 10240),
        new VmSize("Standard_A2_v2", 2, 4096, "standardAv2Family", "Standard Av2 Family vCPUs", 4, true, false, 20480),
        new VmSize("Standard_B1s", 1, 1024, "standardBSFamily", "Standard BS Family vCPUs", 2, true, true, 4096),
        new VmSize("Standard_B2s", 2, 4096, "standardBSFamily", "Standard BS Family vCPUs", 4, true, true, 8192),
        new VmSize("Standard_B2ms", 2, 8192, "standardBSFamily", "Standard BS Family vCPUs", 4, true, true, 16384),
        new VmSize("Standard_D1_v2", 1, 3584, "standardDv2Family", "Standard Dv2 Family vCPUs", 4, true, true, 51200),
        new VmSize("Standard_D2_v2", 2, 7168, "standardDv2Family", "Standard Dv2 Family vCPUs", 8, true, true, 102400),
        new VmSize("Standard_DS1_v2", 1, 3584, "standardDSv2Family", "Standard DSv2 Family vCPUs", 4, true, true, 7168),
        new VmSize("Standard_DS2_v2", 2, 7168, "standardDSv2Family", "Standard DSv2 Family vCPUs", 8, true, true, 14336),
        new VmSize("Standard_DS3_v2", 4, 14336, "standardDSv2Family", "Standard DSv2 Family vCPUs", 16, true, true, 28672),
        new VmSize("Standard_D2s_v3", 2, 8192, "standardDSv3Family", "Standard DSv3 Family vCPUs", 4, true, true, 16384),
        new VmSize("Standard_D4s_v3", 4, 16384, "standardDSv3Family", "Standard DSv3 Family vCPUs", 8, true, true, 32768),
        new VmSize("Standard_D2s_v5", 2, 8192, "standardDSv5Family", "Standard DSv5 Family vCPUs", 4, true, true, 0),
        new VmSize("Standard_D4s_v5", 4, 16384, "standardDSv5Family", "Standard DSv5 Family vCPUs", 8, true, true, 0),
        new VmSize("Standard_D8s_v5", 8, 32768, "standardDSv5Family", "Standard DSv5 Family vCPUs", 16, true, true, 0),
        new VmSize("Standard_D2as_v5", 2, 8192, "standardDASv5Family", "Standard DASv5 Family vCPUs", 4, true, true, 0),
        new VmSize("Standard_E2s_v5", 2, 16384, "standardESv5Family", "Standard ESv5 Family vCPUs", 4, true, true, 0),
        new VmSize("Standard_D2s_v6", 2, 8192, "standardDSv6Family", "Standard DSv6 Family vCPUs", 8, false, true, 0),
        new VmSize("Standard_D2ads_v6", 2, 8192, "standardDADSv6Family", "Standard DADSv6 Family vCPUs", 8, false, true, 112640),
        new VmSize("Standard_DC2as_v5", 2, 8192, "standardDCASv5Family", "Standard DCASv5 Family vCPUs", 4, false, true, 0, true),
        new VmSize("Standard_DC4as_v5", 4, 16384, "standardDCASv5Family", "Standard DCASv5 Family vCPUs", 8, false, true, 0, true),
        new VmSize("Standard_DC2ads_v5", 2, 8192, "standardDCADSv5Family", "Standard DCADSv5 Family vCPUs", 4, false, true, 76800, true),
        new VmSize("Standard_EC2as_v5", 2, 16384, "standardECASv5Family", "Standard ECASv5 Family vCPUs", 4, false, true, 0, true),
        new VmSize("Standard_EC4as_v5", 4, 32768, "standardECASv5Family", "Standard ECASv5 Family vCPUs", 8, false, true, 0, true),
        new VmSize("Standard_EC2ads_v5", 2, 16384, "standardECADSv5Family", "Standard ECADSv5 Family vCPUs", 4, false, true, 76800, true),
        new VmSize("Standard_F2s_v2", 2, 4096, "standardFSv2Family", "Standard FSv2 Family vCPUs", 4, true, true, 16384),
    };

    public static VmSize? Find(string? name) => All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
