using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>An image from a disk or snapshot needs its OS type: the disk's own, or -OsType; the two must agree.</summary>
    internal sealed class OsTypeRequired : Rule<CaptureFacts>
    {
        public override string Reads => "osType of the disk/snapshot; -OsType";

        public override Finding? Evaluate(CaptureFacts facts)
        {
            if (!facts.SourceExists || facts.Kind == CaptureSourceKind.VirtualMachine)
                return null;
            var requested = facts.Request.OsType?.Trim() ?? "";
            if (requested.Length > 0 && !requested.Equals("Windows", StringComparison.OrdinalIgnoreCase) && !requested.Equals("Linux", StringComparison.OrdinalIgnoreCase))
                return Refuse($"-OsType '{requested}' is not an OS type; use Windows or Linux.", "Pass -OsType Windows or -OsType Linux.",
                    facts.SourceResourceId, FailureCategory.InvalidArgument);
            if (facts.TargetOsType.Length == 0)
                return Refuse(
                    $"{facts.Kind} '{facts.SourceId.Name}' does not record its OS type, and none was given.",
                    "Pass -OsType Windows or -OsType Linux.", facts.SourceResourceId, FailureCategory.InvalidArgument);
            if (requested.Length > 0 && facts.SourceOsType.Length > 0 && !requested.Equals(facts.SourceOsType, StringComparison.OrdinalIgnoreCase))
                return Refuse(
                    $"-OsType {requested} does not match the OS type {facts.SourceOsType} recorded on {facts.Kind.ToString().ToLowerInvariant()} '{facts.SourceId.Name}'.",
                    "Omit -OsType (the source's is used).", facts.SourceResourceId, FailureCategory.InvalidArgument);
            return null;
        }
    }
}
