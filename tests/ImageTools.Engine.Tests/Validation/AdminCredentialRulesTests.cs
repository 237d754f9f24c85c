using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Tests.Validation;

public class AdminCredentialRulesTests
{
    [Theory]
    [InlineData("azureops", true, true)]
    [InlineData("Administrator", true, false)]
    [InlineData("root", false, false)]
    [InlineData("ops.", true, false)]
    [InlineData("ops user", true, false)]
    [InlineData("ops@corp", true, false)]
    [InlineData("twentyonecharactersxx", true, false)]
    [InlineData("twentyonecharactersxx", false, true)]
    [InlineData("1ops", false, false)]
    public void User_names(string name, bool windows, bool valid) =>
        Assert.Equal(valid, AdminCredentialRules.CheckUserName(name, windows) == null);

    [Theory]
    [InlineData("Correct-Horse-9", true, true)]
    [InlineData("short-Pw1", true, false)]          // 9 < 12 on Windows
    [InlineData("short-Pw1", false, true)]          // fine on Linux
    [InlineData("alllowercaseletters", true, false)] // one class
    [InlineData("lowercase-and-dash", true, false)]  // two classes
    [InlineData("P@ssw0rd", false, false)]          // well-known
    [InlineData("Password22", false, false)]
    public void Passwords(string password, bool windows, bool valid) =>
        Assert.Equal(valid, AdminCredentialRules.CheckPassword(password, windows) == null);

    [Fact]
    public void Password_messages_never_contain_the_password()
    {
        const string secret = "abcdefghijklmnopq";
        var reason = AdminCredentialRules.CheckPassword(secret, windows: true);
        Assert.NotNull(reason);
        Assert.DoesNotContain(secret, reason);
    }

    [Fact]
    public void Ssh_keys()
    {
        Assert.Null(AdminCredentialRules.CheckSshPublicKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL8h ops@corp"));
        Assert.NotNull(AdminCredentialRules.CheckSshPublicKey("-----BEGIN OPENSSH PRIVATE KEY-----"));
        Assert.NotNull(AdminCredentialRules.CheckSshPublicKey("ssh-rsa not*base64"));
        Assert.NotNull(AdminCredentialRules.CheckSshPublicKey(""));
    }
}
