using System.Globalization;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.UpdateVersion
{
    /// <summary>ARM: "The end of life date of the gallery image version must be in the future."</summary>
    internal sealed class UpdateEndOfLifeInPast : Rule<UpdateVersionFacts>
    {
        public override string Reads => "-EndOfLifeDate; the clock";

        public override Finding? Evaluate(UpdateVersionFacts facts)
        {
            var eol = facts.Request.EndOfLifeDate;
            return eol == null || eol.Value > facts.Now ? null : Refuse(
                $"-EndOfLifeDate {eol.Value.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture)} is not in the future; the end of life date of a gallery image version must be in the future.",
                "Give a future date (for example (Get-Date).AddMonths(6)); to retire the version now, take it out of latest (Update-GalleryVersion -ExcludeFromLatest) or remove it (Remove-GalleryVersion).",
                facts.VersionId, FailureCategory.InvalidArgument);
        }
    }
}
