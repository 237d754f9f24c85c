namespace ImageTools.Engine.Gateway
{
    /// <summary>The scale set resource type, as ids name it.</summary>
    internal static class ScaleSetIds
    {
        public const string ScaleSets = "Microsoft.Compute/virtualMachineScaleSets";
    }
}
