using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>What an imagetools-guest-generalized tag records: the kind of evidence, when it was read, and the tag value as written.</summary>
    internal sealed class GuestStepEvidence
    {
        public GuestStepEvidence(string kind, string readAt, string value)
        {
            Kind = kind;
            ReadAt = readAt;
            Value = value;
        }

        /// <summary><see cref="GuestStepMarker.SysprepSealed"/> or <see cref="GuestStepMarker.WaagentDeprovisioned"/>.</summary>
        public string Kind { get; }

        /// <summary>The UTC time written with it (may be empty).</summary>
        public string ReadAt { get; }

        public string Value { get; }

        public bool IsSysprep => Kind == GuestStepMarker.SysprepSealed;

        /// <summary>"imagetools-guest-generalized = 'IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE 2026-…'"</summary>
        public override string ToString() => $"{GuestStepMarker.TagName} = '{Value}'";
    }
}
