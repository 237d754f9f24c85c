using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Tests.Infrastructure;

/// <summary>Snapshots as ImageTools (or someone else) leaves them: of a seeded VM's disk, with the tags given.</summary>
public static class SnapshotKit
{
    public static async Task<string> SnapshotAsync(this EmulatorFixture emulator, string group, string name, string diskId, params (string Key, string Value)[] tags)
    {
        var created = await emulator.Gateway.CreateSnapshotAsync(new SnapshotSpec
        {
            SubscriptionId = emulator.SubscriptionId, ResourceGroupName = group, Name = name, Location = "eastus",
            SourceDiskId = ArmId.Parse(diskId), Tags = tags.ToDictionary(t => t.Key, t => t.Value),
        }, default);
        return created.Id.Id;
    }

    public static string Utc(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
