using System.Globalization;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>-EndOfLifeDate must be in the future.</summary>
    internal sealed class GalleryVersionEndOfLifeInPast : Rule<PublishFacts>
    {
        public override string Reads => "-EndOfLifeDate; the clock";

        public override Finding? Evaluate(PublishFacts facts)
        {
            var eol = facts.Request.EndOfLifeDate;
            return eol == null || eol.Value > facts.Now ? null : Refuse(
                $"-EndOfLifeDate {eol.Value.ToString("u", CultureInfo.InvariantCulture)} is not in the future.",
                "Give a future end-of-life date, or omit -EndOfLifeDate.",
                facts.VersionId, FailureCategory.InvalidArgument);
        }
    }
}
