using System.Management.Automation;
using ImageTools.Engine;
using ImageTools.Engine.Connection;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>Disconnect-ImageTools: forgets the session's sign-in; emits the connection it forgot.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ImageTools", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ConnectionInfo))]
    public sealed class DisconnectImageToolsCommand : ImageToolsCmdlet
    {
        protected override void ProcessRecord()
        {
            if (!AzContextReuse.SessionConnected)
            {
                WriteVerbose("ImageTools is not connected: nothing to forget.");
                return;
            }
            if (!ShouldProcess("the ImageTools session", "Forget the sign-in"))
                return;
            ConnectionInfo? forgotten = ImageToolsEngine.Disconnect();
            if (forgotten != null)
                WriteObject(forgotten);
        }
    }
}
