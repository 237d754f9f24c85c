using System;
using Azure;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// A long-running operation Azure accepted that then ended Failed (or Canceled): the failure
    /// is the operation's, read from its status, not a refusal of the request. Raised by
    /// <see cref="ArmCall.CompleteAsync(Azure.ResourceManager.ArmOperation, Azure.Core.DelayStrategy?, System.Threading.CancellationToken)"/>
    /// and mapped by <see cref="ArmCall"/> through <see cref="ArmErrors.FromFailedOperation"/>.
    /// </summary>
    internal sealed class LongRunningOperationFailure : Exception
    {
        public LongRunningOperationFailure(RequestFailedException failure) : base(failure.Message, failure)
        {
            Failure = failure;
        }

        public RequestFailedException Failure { get; }
    }
}
