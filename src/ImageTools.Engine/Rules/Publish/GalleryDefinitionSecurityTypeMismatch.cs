using System;
using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// The definition's security type fits the source: a Trusted Launch source needs a
    /// TrustedLaunch(-Supported) definition, a Confidential VM source a ConfidentialVM(-Supported)
    /// one, and a TrustedLaunch or ConfidentialVM definition takes no standard VM.
    /// </summary>
    internal sealed class GalleryDefinitionSecurityTypeMismatch : DefinitionPropertyRule
    {
        public override string Reads => "definition features SecurityType; the source's security profile";
        protected override string Property => "security type";
        protected override string Parameter => "-SecurityType";
        protected override string? StatedValue(PublishFacts facts) => PublishFacts.Stated(facts.Request.SecurityType);
        protected override string DefinitionValue(GalleryDefinitionState definition) => definition.SecurityType;
        protected override string SourceValue(PublishFacts facts) => facts.Source.SecurityType;

        protected override bool Fits(string definition, string source, PublishFacts facts)
        {
            if (Is(source, "TrustedLaunch"))
                return Is(definition, "TrustedLaunch") || Is(definition, "TrustedLaunchSupported") || Is(definition, "TrustedLaunchAndConfidentialVmSupported");
            if (Is(source, "ConfidentialVM"))
                return Is(definition, "ConfidentialVM") || Is(definition, "ConfidentialVmSupported") || Is(definition, "TrustedLaunchAndConfidentialVmSupported");
            if (facts.Source.Kind == Operations.SourceKind.VirtualMachine)
                return !Is(definition, "TrustedLaunch") && !Is(definition, "ConfidentialVM");
            return true;
        }

        private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
