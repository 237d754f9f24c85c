using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules
{
    /// <summary>How a finding affects the operation.</summary>
    public enum FindingSeverity
    {
        /// <summary>The operation must not start: nothing is written.</summary>
        Refusal,

        /// <summary>The operation goes on; the user is told.</summary>
        Warning,

        /// <summary>The work is already done (a rerun converges): the current state is returned, nothing is written.</summary>
        AlreadyDone,
    }
}
