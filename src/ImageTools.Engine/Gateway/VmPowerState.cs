namespace ImageTools.Engine.Gateway
{
    /// <summary>A VM's power state, read from its instance view's PowerState/&lt;state&gt; status.</summary>
    internal enum VmPowerState
    {
        Unknown,
        Starting,
        Running,
        Stopping,
        Stopped,
        Deallocating,
        Deallocated,
    }
}
