using System.Linq;
using System.Text.RegularExpressions;

namespace ImageTools.Engine.Validation
{
    /// <summary>
    /// Azure's naming rules for the resources ImageTools creates (resource-name-rules for
    /// Microsoft.Compute, and the texts the service answers). Each method returns null when
    /// the name is valid, otherwise the reason, phrased for the user.
    /// </summary>
    public static class AzureNames
    {
        private static readonly Regex ImageOrSnapshot = new Regex(@"^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$", RegexOptions.CultureInvariant);
        private static readonly Regex Disk = new Regex(@"^[A-Za-z0-9_-]{1,80}$", RegexOptions.CultureInvariant);
        private static readonly Regex Gallery = new Regex(@"^[A-Za-z0-9](?:[A-Za-z0-9_.]{0,78}[A-Za-z0-9])?$", RegexOptions.CultureInvariant);
        private static readonly Regex GalleryImage = new Regex(@"^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$", RegexOptions.CultureInvariant);
        private static readonly Regex VmResource = new Regex(@"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?$", RegexOptions.CultureInvariant);

        /// <summary>The characters no Windows or Linux host name may contain (besides spaces and control characters).</summary>
        public const string ForbiddenComputerNameCharacters = "`~!@#$%^&*()=+_[]{}\\|;:.'\",<>/?";

        public static string? CheckImageName(string? name) =>
            ImageOrSnapshot.IsMatch(name ?? "") ? null :
            $"Image name '{name}' is invalid: use 1-80 letters, digits, underscores, periods or hyphens, starting with a letter or digit and ending with a letter, digit or underscore.";

        public static string? CheckSnapshotName(string? name) =>
            ImageOrSnapshot.IsMatch(name ?? "") ? null :
            $"Snapshot name '{name}' is invalid: use 1-80 letters, digits, underscores, periods or hyphens, starting with a letter or digit and ending with a letter, digit or underscore.";

        public static string? CheckDiskName(string? name) =>
            Disk.IsMatch(name ?? "") ? null :
            $"Disk name '{name}' is invalid: use 1-80 letters, digits, underscores or hyphens.";

        public static string? CheckGalleryName(string? name) =>
            Gallery.IsMatch(name ?? "") ? null :
            $"Gallery name '{name}' is invalid: use 1-80 letters and digits, with underscores and periods allowed in the middle; dashes and other special characters are not allowed.";

        public static string? CheckGalleryImageName(string? name) =>
            GalleryImage.IsMatch(name ?? "") ? null :
            $"Gallery image definition name '{name}' is invalid: use 1-80 letters, digits, underscores, hyphens or periods, starting with a letter or digit and not ending with a hyphen or period.";

        public static string? CheckGalleryVersionName(string? name) =>
            GalleryVersionNumber.TryParse(name, out _) ? null :
            $"Image version name '{name}' is invalid: it must be Major.Minor.Patch, each a whole number between 0 and 2,147,483,647 written without leading zeros (for example 1.0.0 or 2024.12.1).";

        public static string? CheckVmName(string? name) =>
            VmResource.IsMatch(name ?? "") ? null :
            $"VM name '{name}' is invalid: use 1-64 letters, digits, underscores, periods or hyphens, not ending with a period or hyphen.";

        /// <summary>The host name rules: Windows 1-15, not all digits, no period; Linux 1-64, not ending with a period or hyphen.</summary>
        public static string? CheckComputerName(string? name, bool windows)
        {
            name ??= "";
            int max = windows ? 15 : 64;
            if (name.Length == 0 || name.Length > max)
                return $"Computer name '{name}' is invalid: a {(windows ? "Windows" : "Linux")} computer name must be 1-{max} characters long.";
            if (name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || (ForbiddenComputerNameCharacters.IndexOf(c) >= 0 && !(c == '.' && !windows))))
                return $"Computer name '{name}' is invalid: it cannot contain spaces, control characters or any of {ForbiddenComputerNameCharacters}";
            if (windows && name.All(char.IsDigit))
                return $"Computer name '{name}' is invalid: a Windows computer name cannot be entirely numeric.";
            if (windows && name.EndsWith("-"))
                return $"Computer name '{name}' is invalid: a Windows computer name cannot end with a hyphen.";
            if (!windows && (name.EndsWith(".") || name.EndsWith("-")))
                return $"Computer name '{name}' is invalid: a Linux computer name cannot end with a period or hyphen.";
            return null;
        }
    }
}
