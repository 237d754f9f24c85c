using ImageTools.Engine.Operations.Generalize;

namespace ImageTools.Engine.Tests.Operations;

public class GuestScriptsTests
{
    [Theory]
    [InlineData("IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE", "IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE")]
    [InlineData("HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Setup\\State\n    ImageState    REG_SZ    IMAGE_STATE_UNDEPLOYABLE", "IMAGE_STATE_UNDEPLOYABLE")]
    [InlineData("IMAGE_STATE_COMPLETE\r\nSYSPREP_PROCESS_NOT_RUNNING", "IMAGE_STATE_COMPLETE")]
    [InlineData("", "")]
    public void Image_state_is_read_from_plain_or_reg_exe_output(string stdout, string expected) =>
        Assert.Equal(expected, GuestScripts.ParseImageState(stdout));

    [Theory]
    [InlineData("PartOfDomain=True\nDomainRole=3\nDomain=corp.example", true, 3, false, "corp.example")]
    [InlineData("PartOfDomain : True\r\nDomainRole   : 5", true, 5, true, "")]
    [InlineData("PartOfDomain=False\nDomainRole=2\nDomain=WORKGROUP", false, 2, false, "WORKGROUP")]
    public void Domain_probe_output_is_read_in_both_layouts(string stdout, bool joined, int role, bool controller, string domain)
    {
        var guest = GuestScripts.ParseDomainProbe(stdout);
        Assert.Equal(joined, guest.PartOfDomain);
        Assert.Equal(role, guest.DomainRole);
        Assert.Equal(controller, guest.IsDomainController);
        Assert.Equal(domain, guest.Domain);
    }

    [Fact]
    public void Sysprep_runs_with_the_documented_switches_and_does_not_wait_for_itself()
    {
        var script = string.Join("\n", GuestScripts.Sysprep);
        Assert.Contains("Start-Process", script);
        // /quit: the sealed guest keeps running, so the seal can be read before the platform powers it off.
        Assert.Contains("'/generalize /oobe /mode:vm /quiet /quit'", script);
        Assert.DoesNotContain("/shutdown", script);
        Assert.DoesNotContain("/reboot", script);
        Assert.Equal("Sysprep /generalize /oobe /mode:vm /quiet /quit", GuestScripts.SysprepCommandLine);
    }

    [Fact]
    public void Deprovision_adds_cloud_init_clean_only_when_asked()
    {
        Assert.DoesNotContain(GuestScripts.Deprovision(false), l => l.Contains("cloud-init"));
        Assert.Equal(["set -e", "waagent -deprovision+user -force", "cloud-init clean --logs"], GuestScripts.Deprovision(true));
    }
}
