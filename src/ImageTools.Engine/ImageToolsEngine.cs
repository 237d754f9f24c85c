using System;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Engine
{
    /// <summary>
    /// The one object behind every cmdlet. Each method reads the real state first, runs the
    /// preflight (every applicable rule, before any write), then performs the steps, asking
    /// the host before each write and reporting through it. Results are also written to
    /// host.WriteObject as they complete (New-VmFromImage emits each VM as it is ready).
    /// </summary>
    public sealed class ImageToolsEngine
    {
        // CONTRACT ONLY: the engine team fills these in (see the issue "Invoke-VmGeneralize and
        // New-CapturedImage on the state-validating engine").

        /// <summary>Signs in, checks the subscription is reachable, and stores the session context.</summary>
        public static Task<ConnectionInfo> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken) =>
            throw new NotImplementedException();

        /// <summary>The engine over the session's connection; a clear error says what to run when there is none.</summary>
        public static ImageToolsEngine FromSession() => throw new NotImplementedException();

        public Task<VmInfo?> GeneralizeAsync(GeneralizeRequest request, IOperationHost host) =>
            throw new NotImplementedException();

        public Task<ImageInfo?> CaptureAsync(CaptureRequest request, IOperationHost host) =>
            throw new NotImplementedException();

        public Task<GalleryVersionInfo?> PublishAsync(PublishRequest request, IOperationHost host) =>
            throw new NotImplementedException();

        public Task DeployAsync(DeployRequest request, IOperationHost host) =>
            throw new NotImplementedException();
    }
}
