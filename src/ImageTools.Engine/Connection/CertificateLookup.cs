using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Connection
{
    /// <summary>
    /// Connect-ImageTools -CertificateThumbprint: finds the service principal's certificate in
    /// CurrentUser\My, then LocalMachine\My (where Azure Automation and most servers keep it).
    /// A thumbprint found nowhere is refused naming every store searched and what to do instead.
    /// </summary>
    public static class CertificateLookup
    {
        /// <summary>The stores searched, in order.</summary>
        public static readonly IReadOnlyList<StoreLocation> Locations = new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine };

        public static X509Certificate2 FindByThumbprint(string thumbprint) => FindByThumbprint(thumbprint, Locations);

        internal static X509Certificate2 FindByThumbprint(string thumbprint, IEnumerable<StoreLocation> locations)
        {
            string wanted = Normalize(thumbprint);
            if (wanted.Length == 0 || !wanted.All(Uri.IsHexDigit))
                throw new ImageToolsException(ErrorIds.CertificateThumbprintInvalid,
                    $"-CertificateThumbprint '{thumbprint}' is not a certificate thumbprint: a thumbprint is hexadecimal (40 digits for SHA-1).",
                    "Copy the Thumbprint property of the certificate (Get-ChildItem Cert:\\CurrentUser\\My), or pass -CertificatePath with a PEM or PFX file.",
                    null, FailureCategory.InvalidArgument);

            var searched = new List<string>();
            foreach (var location in locations)
            {
                string name = $"{location}\\My";
                try
                {
                    using var store = new X509Store(StoreName.My, location);
                    store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                    var found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
                    if (found.Count > 0)
                        return found[0];
                    searched.Add(name);
                }
                catch (CryptographicException e)
                {
                    // A store that does not exist for this user, or that this platform does not have (LocalMachine\My on Linux).
                    searched.Add($"{name} (could not be opened: {e.Message.TrimEnd('.')})");
                }
            }

            throw new ImageToolsException(ErrorIds.CertificateNotFound,
                $"No certificate with thumbprint {wanted} was found; searched {string.Join(", then ", searched)}.",
                "Import the service principal's certificate with its private key into Cert:\\CurrentUser\\My or Cert:\\LocalMachine\\My " +
                "(Import-PfxCertificate; in Azure Automation, add it as a certificate asset), check the thumbprint, or pass -CertificatePath with a PEM or PFX file.",
                null, FailureCategory.ObjectNotFound);
        }

        /// <summary>A thumbprint as copied from a certificate dialog: spaces, colons and invisible marks removed, upper case.</summary>
        internal static string Normalize(string? thumbprint) =>
            new string((thumbprint ?? "").Where(c => !char.IsWhiteSpace(c) && c != ':' && c != '-' && !char.IsControl(c) &&
                                                      char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray())
                .ToUpperInvariant();
    }
}
