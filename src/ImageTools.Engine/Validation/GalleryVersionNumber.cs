using System;
using System.Collections.Generic;
using System.Globalization;

namespace ImageTools.Engine.Validation
{
    /// <summary>
    /// A gallery image version name: Major.Minor.Patch, each an int32 from 0 to 2,147,483,647
    /// (ARM refuses anything else with InvalidParameter on galleryImageVersionName).
    /// </summary>
    public readonly struct GalleryVersionNumber : IComparable<GalleryVersionNumber>, IEquatable<GalleryVersionNumber>
    {
        public GalleryVersionNumber(int major, int minor, int patch)
        {
            if (major < 0 || minor < 0 || patch < 0)
                throw new ArgumentOutOfRangeException(nameof(major), "Version segments cannot be negative.");
            Major = major;
            Minor = minor;
            Patch = patch;
        }

        public int Major { get; }
        public int Minor { get; }
        public int Patch { get; }

        /// <summary>Parses "1.0.0"; false for anything ARM would refuse (signs, spaces, four segments, int32 overflow) and for leading zeros.</summary>
        public static bool TryParse(string? text, out GalleryVersionNumber version)
        {
            version = default;
            if (string.IsNullOrEmpty(text))
                return false;
            var parts = text!.Split('.');
            if (parts.Length != 3)
                return false;
            var values = new int[3];
            for (int i = 0; i < 3; i++)
            {
                var part = parts[i];
                // "01.0.0" is refused: it reads as 1.0.0 but is another name, so two versions could mean one number.
                if (part.Length == 0 || (part.Length > 1 && part[0] == '0'))
                    return false;
                foreach (var c in part)
                {
                    if (c < '0' || c > '9')
                        return false;
                }
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
                    return false;
            }
            version = new GalleryVersionNumber(values[0], values[1], values[2]);
            return true;
        }

        /// <summary>
        /// The version "auto" stands for: the next patch after the highest of the existing
        /// names (names that are not versions are ignored), or 1.0.0 when there are none.
        /// Returns false when the highest patch is already int.MaxValue.
        /// </summary>
        public static bool TryNextAfter(IEnumerable<string> existingNames, out GalleryVersionNumber next, out GalleryVersionNumber? highest)
        {
            highest = null;
            foreach (var name in existingNames)
            {
                if (TryParse(name, out var v) && (highest == null || v.CompareTo(highest.Value) > 0))
                    highest = v;
            }
            if (highest == null)
            {
                next = new GalleryVersionNumber(1, 0, 0);
                return true;
            }
            var h = highest.Value;
            if (h.Patch == int.MaxValue)
            {
                next = default;
                return false;
            }
            next = new GalleryVersionNumber(h.Major, h.Minor, h.Patch + 1);
            return true;
        }

        public int CompareTo(GalleryVersionNumber other)
        {
            var c = Major.CompareTo(other.Major);
            if (c != 0) return c;
            c = Minor.CompareTo(other.Minor);
            return c != 0 ? c : Patch.CompareTo(other.Patch);
        }

        public bool Equals(GalleryVersionNumber other) => CompareTo(other) == 0;
        public override bool Equals(object? obj) => obj is GalleryVersionNumber v && Equals(v);
        public override int GetHashCode() => (Major * 397 ^ Minor) * 397 ^ Patch;
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}", Major, Minor, Patch);
    }
}
