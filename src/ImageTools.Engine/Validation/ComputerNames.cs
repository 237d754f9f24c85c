using System.Collections.Generic;
using System.Globalization;

namespace ImageTools.Engine.Validation
{
    /// <summary>
    /// The VM names and computer names New-VmFromImage generates for -Count N: "web" and 3
    /// give web-01, web-02, web-03 (the width grows with N); a single VM keeps its name. The
    /// computer name is the VM name, shortened for Windows when needed by keeping the suffix.
    /// </summary>
    public static class ComputerNames
    {
        public static IReadOnlyList<string> VmNames(string baseName, int count)
        {
            if (count <= 1)
                return new[] { baseName };
            int width = System.Math.Max(2, count.ToString(CultureInfo.InvariantCulture).Length);
            var names = new List<string>(count);
            for (int i = 1; i <= count; i++)
                names.Add(baseName + "-" + i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
            return names;
        }

        /// <summary>
        /// The guest's host name for a VM name. A Windows name longer than 15 characters keeps
        /// its generated suffix and loses characters from the end of the base, so that the
        /// copies stay distinct (webfrontendserver-01 → webfrontends-01).
        /// </summary>
        public static string ComputerNameFor(string vmName, bool windows, string? baseName = null)
        {
            if (!windows || vmName.Length <= 15)
                return vmName;
            if (baseName != null && vmName.StartsWith(baseName, System.StringComparison.Ordinal) && vmName.Length > baseName.Length)
            {
                var suffix = vmName.Substring(baseName.Length);
                if (suffix.Length < 15)
                    return baseName.Substring(0, 15 - suffix.Length).TrimEnd('-') + suffix;
            }
            return vmName.Substring(0, 15).TrimEnd('-');
        }
    }
}
