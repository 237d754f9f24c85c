using System.Collections.Generic;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>
    /// Managed images are generalized only: ARM refuses a managed image whose OS disk is declared
    /// Specialized (400 InvalidParameter "The value of parameter osDisk.osState is invalid.").
    /// A specialized disk or snapshot (-OsState Specialized, or the engine's pre-generalize
    /// snapshots) goes to a Compute Gallery instead, whose Specialized definitions take a VM, a
    /// snapshot or a disk directly; the remedy is that command for the source at hand.
    /// </summary>
    internal sealed class SpecializedManagedImage : Rule<CaptureFacts>
    {
        public override string Reads => "-OsState; the snapshot's imagetools-snapshot-of tag (a pre-generalize snapshot is Specialized); the disk's imagetools-os-state tag";

        public override Finding? Evaluate(CaptureFacts facts)
        {
            if (!facts.SourceExists || facts.Kind == CaptureSourceKind.VirtualMachine)
                return null;
            // -OsState Generalized on a pre-generalize snapshot is OsStateRequired's mismatch, not this.
            bool given = !string.IsNullOrWhiteSpace(facts.Request.OsState);
            bool stated = given && string.Equals(facts.Request.OsState!.Trim(), "Specialized", System.StringComparison.OrdinalIgnoreCase);
            bool inferred = !given && facts.SourceOsState == "Specialized";
            if (!stated && !inferred)
                return null;
            var kind = facts.Kind.ToString().ToLowerInvariant();
            var why = inferred
                ? $"{char.ToUpperInvariant(kind[0])}{kind.Substring(1)} '{facts.SourceId.Name}' is specialized: {facts.SourceOsStateReason}"
                : $"-OsState Specialized was given for {kind} '{facts.SourceId.Name}'";
            return Refuse(
                $"{why}, and Azure has no specialized managed images: ARM refuses them (\"The value of parameter osDisk.osState is invalid.\"). Specialized images exist only in an Azure Compute Gallery.",
                $"Publish it as a specialized gallery version instead: {GalleryCommand(facts)}. VMs are then made from it with New-VmFromImage without -Credential (one copy unless -AllowSpecializedCopies).",
                facts.SourceResourceId, FailureCategory.InvalidArgument);
        }

        /// <summary>The Publish-GalleryVersion command for this source, with what the facts already know filled in.</summary>
        internal static string GalleryCommand(CaptureFacts facts)
        {
            var parts = new List<string>
            {
                "Publish-GalleryVersion", "-ResourceId", facts.SourceResourceId.Id,
                "-GalleryName", "<gallery>", "-DefinitionName", "<definition>", "-OsState", "Specialized",
            };
            if (facts.TargetOsType.Length > 0)
                parts.AddRange(new[] { "-OsType", facts.TargetOsType });
            if (facts.TargetHyperVGeneration.Length > 0)
                parts.AddRange(new[] { "-HyperVGeneration", facts.TargetHyperVGeneration });
            parts.AddRange(new[] { "-Publisher", "<publisher>", "-Offer", "<offer>", "-Sku", "<sku>" });
            return string.Join(" ", parts);
        }
    }
}
