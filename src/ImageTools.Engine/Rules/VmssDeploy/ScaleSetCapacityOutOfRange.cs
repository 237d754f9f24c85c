using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.VmssDeploy
{
    /// <summary>
    /// sku.capacity is at most 1000 (ARM: OutOfRange) and at least 1 (ARM takes 0, an empty scale set, which
    /// is not made from an image); a Rolling batch is 5 to 100 percent of the instances.
    /// </summary>
    internal sealed class ScaleSetCapacityOutOfRange : Rule<VmssDeployFacts>
    {
        public const int MaxCapacity = 1000;

        public override string Reads => "-Capacity, -MaxBatchInstancePercent";

        public override Finding? Evaluate(VmssDeployFacts facts)
        {
            var request = facts.Request;
            if (request.Capacity < 1 || request.Capacity > MaxCapacity)
                return Refuse($"-Capacity {request.Capacity} is out of range: a scale set made from an image holds 1 to {MaxCapacity} instances.",
                    $"Pass -Capacity between 1 and {MaxCapacity}.", request.Name, FailureCategory.InvalidArgument);
            if (facts.IsRolling && (request.MaxBatchInstancePercent < 5 || request.MaxBatchInstancePercent > 100))
                return Refuse($"-MaxBatchInstancePercent {request.MaxBatchInstancePercent} is out of range: a rolling batch is 5 to 100 percent of the instances.",
                    "Pass -MaxBatchInstancePercent between 5 and 100.", request.Name, FailureCategory.InvalidArgument);
            return null;
        }
    }
}
