using ImageTools.Emulator.Arm;

namespace ImageTools.Emulator;

/// <summary>Every ARM route the emulator serves, one registration call per provider area.</summary>
internal static class Routes
{
    public static ArmRouter Build()
    {
        var router = new ArmRouter();
        Lro.Map(router);
        Resources.Subscriptions.Map(router);
        Resources.ResourceGroups.Map(router);
        Resources.TagsAtScope.Map(router);
        Network.NetworkResources.Map(router);
        Compute.VirtualMachines.Map(router);
        Compute.ScaleSets.Map(router);
        Compute.RunCommands.Map(router);
        Compute.Images.Map(router);
        Compute.Galleries.Map(router);
        Storage.StorageAccounts.Map(router);
        Compute.Locations.Map(router);
        Compute.ResourceSkus.Map(router);
        Disk.Disks.Map(router);
        return router;
    }
}
