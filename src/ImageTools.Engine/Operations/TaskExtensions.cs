using System;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Operations
{
    internal static class TaskExtensions
    {
        public static async Task AsTask(this System.Runtime.CompilerServices.YieldAwaitable yield, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            await yield;
            ct.ThrowIfCancellationRequested();
        }
    }
}
