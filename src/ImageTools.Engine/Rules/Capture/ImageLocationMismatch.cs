using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>A managed image is made in its source's region.</summary>
    internal sealed class ImageLocationMismatch : Rule<CaptureFacts>
    {
        public override string Reads => "location of the source; -Location";

        public override Finding? Evaluate(CaptureFacts facts)
        {
            if (!facts.SourceExists || string.IsNullOrWhiteSpace(facts.Request.Location) ||
                Same(facts.Request.Location!, facts.SourceLocation))
                return null;
            return Refuse(
                $"-Location {facts.Request.Location} differs from the location {facts.SourceLocation} of the source '{facts.SourceId.Name}'; a managed image is created in its source's region.",
                $"Omit -Location (the image goes to {facts.SourceLocation}); to use the image elsewhere, publish it to a gallery with a target region there (Publish-GalleryVersion -TargetRegion).",
                facts.SourceResourceId, FailureCategory.InvalidArgument);
        }

        private static bool Same(string a, string b) =>
            string.Equals(a.Replace(" ", ""), b.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
    }
}
