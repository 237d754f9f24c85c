namespace ImageTools.Engine.Gateway
{
    /// <summary>One location of a subscription: its normalised name ("eastus") and display name ("East US").</summary>
    internal sealed class RegionState
    {
        public string Name { get; set; } = "";
        public string DisplayName { get; set; } = "";
    }
}
