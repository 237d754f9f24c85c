using System;

namespace ImageTools.Engine.Hosting
{
    /// <summary>Error categories the cmdlets map onto PowerShell's ErrorCategory by name.</summary>
    public enum FailureCategory
    {
        InvalidArgument,
        InvalidOperation,
        ResourceUnavailable,
        ObjectNotFound,
        ResourceExists,
        PermissionDenied,
        QuotaExceeded,
        OperationTimeout,
        OperationStopped,
        ConnectionError,
        NotSpecified,
    }
}
