using System;
using System.Collections.Generic;
using System.Net;

namespace ImageTools.Engine.Requests
{
    /// <summary>How the guest is generalized from inside.</summary>
    public enum GeneralizeMethod
    {
        /// <summary>Sysprep on Windows, waagent deprovisioning on Linux.</summary>
        Auto,
        Sysprep,
        Deprovision,
    }
}
