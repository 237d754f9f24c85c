using System.Net;
using System.Management.Automation;

namespace ImageTools.PowerShell.Tests.Infrastructure;

/// <summary>
/// The resources the bad-input table refers to, made once per emulator in one resource group: a
/// generalized Windows VM (gen01) and its image, a running Windows VM (run01), a running and a
/// generalized Linux VM with its image, and a snapshot.
/// </summary>
public sealed class BadInputSources
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (EmulatorFixture Emulator, BadInputSources Sources)? _made;

    public required string Group { get; init; }
    public required string VmId { get; init; }
    public required string RunId { get; init; }
    public required string LinuxRunId { get; init; }
    public required string ImageId { get; init; }
    public required string LinuxImageId { get; init; }
    public required string SnapshotId { get; init; }
    public string TempFolder { get; } = Directory.CreateTempSubdirectory("imagetools-bad-inputs-").FullName;

    public static async Task<BadInputSources> ForAsync(EmulatorFixture emulator)
    {
        await Gate.WaitAsync();
        try
        {
            if (_made is { } made && ReferenceEquals(made.Emulator, emulator))
                return made.Sources;
            var group = EmulatorFixture.NewGroup("badin");
            var gen = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
            var run = await emulator.SeedVmAsync(group, "run01");
            var linRun = await emulator.SeedVmAsync(group, "linrun01", os: "Linux");
            var lin = await emulator.SeedVmAsync(group, "lin01", state: "generalized", os: "Linux");
            using var ps = emulator.Session(new TestHost());
            string Capture(string id) => RunResult.Prop(ps.Run("New-CapturedImage -ResourceId $id -GuestGeneralized", Kit.Vars(("id", id))).AssertClean().Output.Single(), "Id");
            var image = Capture(gen.Id);
            var linImage = Capture(lin.Id);
            var sources = new BadInputSources
            {
                Group = group, VmId = gen.Id, RunId = run.Id, LinuxRunId = linRun.Id, ImageId = image, LinuxImageId = linImage,
                SnapshotId = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/snapshots/gen01-osnap",
            };
            await emulator.PutSnapshotAsync(sources.SnapshotId, gen.OsDiskId);
            _made = (emulator, sources);
            return sources;
        }
        finally
        {
            Gate.Release();
        }
    }

    public Dictionary<string, object?> Variables(EmulatorFixture emulator) => Kit.Vars(
        ("g", Group), ("vmId", VmId), ("runId", RunId), ("linRunId", LinuxRunId), ("imgId", ImageId), ("linImgId", LinuxImageId),
        ("snapId", SnapshotId), ("tmp", TempFolder), ("conn", emulator.ConnectionFile),
        ("cred", Kit.Credential()), ("weak", Kit.Credential("azadmin", "weakpass7")), ("disallowed", Kit.Credential("azadmin", "P@ssw0rd")),
        ("reserved", Kit.Credential("administrator")), ("linCred", Kit.Credential("azureuser", "Lx9!secretKEY")),
        ("spCred", new PSCredential("11111111-1111-1111-1111-111111111111", new NetworkCredential("", "Sp-S3cret!value").SecurePassword)));
}
