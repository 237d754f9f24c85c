using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using ImageTools.Engine;
using ImageTools.Engine.Connection;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Hosting;
using ImageTools.Jobs;

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
        private bool _azReuseTried;

        /// <summary>Also registered by the module initializer; this covers hosts that skip it.</summary>
        static ImageToolsCmdlet() => Loading.DependencyResolver.Register();

        /// <summary>What the operation acts on, for the one confirmation asked before an -AsJob job starts.</summary>
        protected virtual string JobTarget => MyInvocation.MyCommand.Name;

        /// <summary>
        /// Runs an engine operation over the session's connection (reusing an Az.Accounts sign-in
        /// when there is none): in the pipeline, or with -AsJob as a background job, confirmed
        /// once here beforehand since nothing inside a job can prompt (JobPolicy decides). When the
        /// plan may hold an irreversible step (<paramref name="highImpactPlan"/>), that one
        /// consent is asked as high impact, as the step itself would be in the pipeline.
        /// </summary>
        protected void RunEngine(Func<ImageToolsEngine, IOperationHost, Task> operation, bool force = false, bool asJob = false,
            bool highImpactPlan = false)
        {
            ReuseAzSignIn();
            switch (JobPolicy.Decide(asJob, force, CmdletHost.IsConfirmRequested(this), CmdletHost.IsWhatIfRequested(this)))
            {
                case JobStart.RunInPipeline:
                case JobStart.WhatIfInPipeline:
                    Pump(host => operation(ImageToolsEngine.FromSession(), host), force);
                    return;
                case JobStart.ConfirmThenStart:
                    if (!ConsentToJob(force, highImpactPlan))
                        return;
                    break;
            }
            ImageToolsEngine engine;
            try { engine = ImageToolsEngine.FromSession(); }
            catch (ImageToolsException error)
            {
                WriteError(CmdletHost.ToErrorRecord(error));
                return;
            }
            var job = new ImageToolsJob(JobPolicy.Command(MyInvocation.MyCommand.Name, JobTarget), GetType().FullName!,
                CmdletHost.IsInteractiveHost(this));
            JobRepository.Add(job);
            job.Start(host => operation(engine, host));
            WriteObject(job);
        }

        private bool ConsentToJob(bool force, bool highImpact)
        {
            string action = JobPolicy.ConsentAction(MyInvocation.MyCommand.Name);
            try
            {
                var host = new CmdletHost(this, force);
                return highImpact ? host.ConfirmHighImpact(JobTarget, action) : host.ShouldProcess(JobTarget, action);
            }
            catch (ImageToolsException error)
            {
                WriteError(CmdletHost.ToErrorRecord(error));
                return false;
            }
        }

        /// <summary>
        /// With no ImageTools connection yet, a connected Az.Accounts context (Get-AzContext) becomes
        /// the session's; the engine decides how (AzContextReuse). Nothing happens when Az.Accounts
        /// is not loaded or not connected: the operation then says to run Connect-ImageTools.
        /// </summary>
        private void ReuseAzSignIn()
        {
            // Once per invocation: a reuse that did not work is not retried for every pipeline item.
            if (AzContextReuse.SessionConnected || _azReuseTried)
                return;
            _azReuseTried = true;
            AzContextInfo? context = ReadAzContext();
            if (context != null)
                Pump(host => AzContextReuse.ConnectAsync(context, host, System.Environment.GetEnvironmentVariable));
        }

        private const string AzContextScript =
            "if (Get-Module -Name Az.Accounts) { $c = Get-AzContext -ErrorAction SilentlyContinue; " +
            "if ($c -and $c.Subscription) { @{ SubscriptionId = [string]$c.Subscription.Id; TenantId = [string]$c.Tenant.Id; " +
            "AccountId = [string]$c.Account.Id; AccountType = [string]$c.Account.Type; Environment = [string]$c.Environment.Name } } }";

        private AzContextInfo? ReadAzContext()
        {
            try
            {
                foreach (PSObject result in InvokeCommand.InvokeScript(AzContextScript))
                {
                    if (result?.BaseObject is Hashtable table)
                    {
                        string Field(string name) => Convert.ToString(table[name]) ?? "";
                        return new AzContextInfo
                        {
                            SubscriptionId = Field("SubscriptionId"), TenantId = Field("TenantId"), AccountId = Field("AccountId"),
                            AccountType = Field("AccountType"), Environment = Field("Environment"),
                        };
                    }
                }
            }
            catch (RuntimeException error)
            {
                WriteVerbose($"Az.Accounts' context could not be read: {error.Message}");
            }
            return null;
        }

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
        [ArgumentCompleter(typeof(Completion.ResourceGroupCompleter))]
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

        protected override string JobTarget => Target.ToString();

        /// <summary>The resource as the user named it.</summary>
        protected ResourceReference Target => ParameterSetName == ByIdSet
            ? ResourceReference.FromId(ResourceId)
            : ResourceReference.FromName(ResourceGroupName, Name);
    }
}
