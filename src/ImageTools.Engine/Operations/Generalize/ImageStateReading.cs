namespace ImageTools.Engine.Operations.Generalize
{
    /// <summary>One reading of the guest's ImageState, or why there was none.</summary>
    internal sealed class ImageStateReading
    {
        public string ImageState { get; set; } = "";
        public bool SysprepExited { get; set; }

        /// <summary>The power state of a guest that stopped (run commands refused), else empty.</summary>
        public string StoppedIn { get; set; } = "";

        /// <summary>Why the read failed (the ARM code), when it did.</summary>
        public string Why { get; set; } = "";

        /// <summary>A running guest whose agent did not answer: the ARM code and the agent status; else empty.</summary>
        public string Silent { get; set; } = "";

        /// <summary>The reading in a run command's output (ImageState, and whether Sysprep's process is gone).</summary>
        public static ImageStateReading From(string stdout) => new ImageStateReading
        {
            ImageState = GuestScripts.ParseImageState(stdout),
            SysprepExited = stdout.Contains(GuestScripts.SysprepNotRunning),
        };
    }
}
