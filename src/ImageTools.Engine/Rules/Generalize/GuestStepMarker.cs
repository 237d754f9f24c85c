using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>
    /// The tag that records a verified guest step on the VM, with its evidence: value
    /// "IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE &lt;UTC time&gt;" (Windows: the ImageState read from the
    /// guest after Sysprep) or "waagent-deprovision &lt;UTC time&gt;" (Linux: the deprovisioning run
    /// command's succeeded result). Written only after the evidence was read, so a rerun after a
    /// later failure (power-off, deallocate, generalize) does not need the guest, and capture can
    /// tell a VM ImageTools generalized from one flagged generalized by hand.
    /// </summary>
    internal static class GuestStepMarker
    {
        public const string TagName = "imagetools-guest-generalized";

        /// <summary>Windows evidence: the ImageState value Sysprep writes once the image is sealed.</summary>
        public const string SysprepSealed = "IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE";

        /// <summary>Linux evidence: waagent -deprovision+user answered succeeded, with nothing on stderr.</summary>
        public const string WaagentDeprovisioned = "waagent-deprovision";

        private static readonly string[] Kinds = { SysprepSealed, WaagentDeprovisioned };

        /// <summary>The tag value for evidence read at a time (well under ARM's 256 characters).</summary>
        public static string Value(string evidence, DateTimeOffset readAt) =>
            evidence + " " + readAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        /// <summary>The evidence a VM's tags carry, or null when there is no tag or its value names no known evidence.</summary>
        public static GuestStepEvidence? Read(IReadOnlyDictionary<string, string>? tags)
        {
            if (tags == null)
                return null;
            var tag = tags.FirstOrDefault(t => string.Equals(t.Key, TagName, StringComparison.OrdinalIgnoreCase));
            var value = (tag.Value ?? "").Trim();
            var kind = Kinds.FirstOrDefault(k => value.Equals(k, StringComparison.Ordinal) || value.StartsWith(k + " ", StringComparison.Ordinal));
            return kind == null ? null : new GuestStepEvidence(kind, value.Substring(kind.Length).Trim(), value);
        }
    }
}
