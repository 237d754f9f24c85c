using System.Linq;

namespace ImageTools.Engine.Rules.RemoveVersions
{
    /// <summary>
    /// A version to remove is what a VM or scale set in the subscription was built from
    /// (storageProfile.imageReference: the version's id, or the definition's with that exactVersion).
    /// Refused for versions named; with -Force it is a warning and the version goes.
    /// </summary>
    internal sealed class VersionInUse : Rule<RemoveVersionsFacts>
    {
        public override string Reads => "the subscription's VMs and scale sets: storageProfile.imageReference id and exactVersion";

        public override Finding? Evaluate(RemoveVersionsFacts facts)
        {
            var used = (facts.IsPruning ? facts.ToRemove : facts.Candidates).Where(v => facts.UsedBy(v).Count > 0).ToList();
            if (used.Count == 0)
                return null;
            var text = string.Join("; ", used.Select(v => $"'{v.Name}' by {RemoveVersionsFacts.Describe(facts.UsedBy(v))}"));
            if (facts.Request.Force)
                return Warn($"Removing versions that machines were built from (-Force): {text}. They keep running; reimaging them or scaling out their scale sets will fail.",
                    null, used[0].Id);
            return Refuse($"Versions in use: {text}. Reimaging those machines or scaling out their scale sets needs the version.",
                "Move the machines to a newer version first, or pass -Force to remove it anyway.", used[0].Id);
        }
    }
}
