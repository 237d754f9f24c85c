using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using ImageTools.Engine;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Hosting;

namespace ImageTools
{
    /// <summary>
    /// What every ImageTools cmdlet shares: it hands a request to the engine, which runs on the
    /// thread pool while this (pipeline) thread pumps its host calls. An engine refusal becomes a
    /// non-terminating ErrorRecord for this pipeline item; Ctrl+C cancels the engine's token.
    /// </summary>
    public abstract class ImageToolsCmdlet : PSCmdlet
    {
        public const string ByNameSet = "ByName";
        public const string ByIdSet = "ById";

        private volatile HostPump? _pump;

        /// <summary>Also registered by the module initializer; this covers hosts that skip it.</summary>
        static ImageToolsCmdlet() => Loading.DependencyResolver.Register();

        /// <summary>Runs an engine operation over the session's connection.</summary>
        protected void RunEngine(Func<ImageToolsEngine, IOperationHost, Task> operation, bool force = false) =>
            Pump(host => operation(ImageToolsEngine.FromSession(), host), force);

        /// <summary>Runs engine work with the host pump, mapping its failures onto PowerShell's.</summary>
        protected void Pump(Func<IOperationHost, Task> work, bool force = false)
        {
            using (var pump = new HostPump(new CmdletHost(this, force)))
            {
                _pump = pump;
                try
                {
                    pump.Run(work);
                }
                catch (ImageToolsException error)
                {
                    WriteError(CmdletHost.ToErrorRecord(error));
                }
                catch (OperationCanceledException) when (pump.Cancellation.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                finally
                {
                    _pump = null;
                }
            }
        }

        protected override void StopProcessing() => _pump?.Cancel();

        /// <summary>-Tag @{...} as the engine's string map.</summary>
        protected static Dictionary<string, string> ToTags(Hashtable? tags)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (tags != null)
                foreach (DictionaryEntry entry in tags)
                    result[Convert.ToString(entry.Key) ?? ""] = Convert.ToString(entry.Value) ?? "";
            return result;
        }
    }

    /// <summary>A cmdlet acting on one existing resource: by -ResourceGroupName/-Name, or by -ResourceId from the pipeline.</summary>
    public abstract class ImageToolsResourceCmdlet : ImageToolsCmdlet
    {
        [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string ResourceGroupName { get; set; } = "";

        [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>Binds Id from Get-AzVM, Get-AzImage, Get-AzGalleryImageVersion and ImageTools' outputs, or a plain id string.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string ResourceId { get; set; } = "";

        [Parameter]
        public string? SubscriptionId { get; set; }

        /// <summary>The resource as the user named it.</summary>
        protected ResourceReference Target => ParameterSetName == ByIdSet
            ? ResourceReference.FromId(ResourceId)
            : ResourceReference.FromName(ResourceGroupName, Name);
    }
}
