using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class AdminCredentialInvalidTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_weak_password_is_refused_and_never_shown()
    {
        var group = EmulatorFixture.NewGroup("dr-pw");
        var image = await DeployKit.ImageAsync(emulator, group);
        const string weak = "shortpw";

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, image, configure: r => r.Credential = DeployKit.Credential(password: weak)));

        var refusal = e.Refusal("AdminCredentialInvalid");
        Assert.Contains("12-123 characters", refusal.Message);
        Assert.DoesNotContain(weak, refusal.Message + refusal.Remedy + e.Message);
    }

    [Fact]
    public async Task A_reserved_user_name_is_refused()
    {
        var group = EmulatorFixture.NewGroup("dr-user");
        var image = await DeployKit.ImageAsync(emulator, group);

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, image, configure: r => r.Credential = DeployKit.Credential(user: "administrator")));

        Assert.Contains("reserved", e.Refusal("AdminCredentialInvalid").Message);
    }

    [Fact]
    public async Task A_Linux_source_refuses_a_malformed_SSH_key()
    {
        var group = EmulatorFixture.NewGroup("dr-ssh");
        var vm = await Publish.PublishKit.GeneralizedVmAsync(emulator, group, "lsrc", os: "Linux");
        var version = await DeployKit.VersionAsync(emulator, group, sourceId: vm, configure: r => { r.OsType = "Linux"; r.Sku = "linux"; });

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, version.Id, configure: r => { r.Credential = null; r.SshPublicKey = "not a key"; }));

        Assert.Contains("OpenSSH public key", e.Refusal("AdminCredentialInvalid").Message);
    }
}
