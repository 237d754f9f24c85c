using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ImageTools.Engine.Connection;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Tests.Connection;

/// <summary>Connect-ImageTools -CertificateThumbprint: the store lookup, against this machine's real stores.</summary>
public class CertificateLookupTests
{
    [Fact]
    public void An_absent_thumbprint_is_refused_naming_the_stores_searched_and_the_remedy()
    {
        string absent = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

        var e = Assert.Throws<ImageToolsException>(() => CertificateLookup.FindByThumbprint(absent));

        Assert.Equal("CertificateNotFound", e.RuleId);
        Assert.Equal(FailureCategory.ObjectNotFound, e.Category);
        Assert.Contains(absent, e.Message);
        Assert.Contains("CurrentUser\\My", e.Message);
        Assert.Contains("LocalMachine\\My", e.Message);
        Assert.True(e.Message.IndexOf("CurrentUser", StringComparison.Ordinal) < e.Message.IndexOf("LocalMachine", StringComparison.Ordinal));
        Assert.Contains("-CertificatePath", e.Remedy);
        Assert.Contains("Import-PfxCertificate", e.Remedy);
    }

    [Theory]
    [InlineData("not-a-thumbprint")]
    [InlineData("   ")]
    public void A_value_that_is_not_hexadecimal_is_refused_as_an_invalid_argument(string thumbprint)
    {
        var e = Assert.Throws<ImageToolsException>(() => CertificateLookup.FindByThumbprint(thumbprint));
        Assert.Equal("CertificateThumbprintInvalid", e.RuleId);
        Assert.Equal(FailureCategory.InvalidArgument, e.Category);
    }

    [Fact]
    public void A_thumbprint_copied_with_spaces_and_an_invisible_mark_is_normalised() =>
        Assert.Equal("AB12CD34", CertificateLookup.Normalize("\u200eab 12:cd 34 "));

    [Fact]
    public void A_certificate_in_CurrentUser_My_is_found_by_its_thumbprint_in_any_spelling()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=imagetools-lookup-test-" + Guid.NewGuid().ToString("N")[..8], key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // A persisted copy (with its key), as Import-PfxCertificate leaves it.
        using var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.PersistKeySet | X509KeyStorageFlags.Exportable);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(certificate);
        try
        {
            string spaced = string.Join(" ", Enumerable.Range(0, 20).Select(i => certificate.Thumbprint.Substring(i * 2, 2))).ToLowerInvariant();

            using var found = CertificateLookup.FindByThumbprint(spaced);

            Assert.Equal(certificate.Thumbprint, found.Thumbprint);
            Assert.True(found.HasPrivateKey);
        }
        finally
        {
            store.Remove(certificate);
        }
    }
}
