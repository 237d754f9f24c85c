using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// Azure answered with an error. The ARM error code and message are kept as the service
    /// sent them (the rule id is the ARM code, e.g. OperationNotAllowed or ResourceNotFound).
    /// </summary>
    public sealed class AzureRequestException : ImageToolsException
    {
        public AzureRequestException(string ruleId, string message, string? remedy, string? targetId, FailureCategory category,
            int status, string armCode, string armMessage, Exception inner)
            : base(ruleId, message, remedy, targetId, category, inner)
        {
            Status = status;
            ArmCode = armCode;
            ArmMessage = armMessage;
        }

        /// <summary>The HTTP status (0 when the service could not be reached).</summary>
        public int Status { get; }

        /// <summary>error.code of the ARM error envelope.</summary>
        public string ArmCode { get; }

        /// <summary>error.message of the ARM error envelope.</summary>
        public string ArmMessage { get; }
    }
}
