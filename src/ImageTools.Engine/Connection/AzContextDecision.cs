using System;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Engine.Connection
{
    /// <summary>Whether an Az.Accounts sign-in is reused, how, and why.</summary>
    public sealed class AzContextDecision
    {
        public AzContextDecision(ConnectRequest? request, string reason)
        {
            Request = request;
            Reason = reason;
        }

        /// <summary>The connection to open; null when the Az context is not reused.</summary>
        public ConnectRequest? Request { get; }

        /// <summary>One sentence for the verbose stream.</summary>
        public string Reason { get; }
    }
}
