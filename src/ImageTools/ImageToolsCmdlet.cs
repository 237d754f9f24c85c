using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine;
using ImageTools.Engine.Connection;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations;
using ImageTools.Engine.Requests;
using ImageTools.Hosting;
using ImageTools.Jobs;

namespace ImageTools
{
    /// <summary>
    /// What every ImageTools cmdlet shares: the engine prepares the operation (read-only) while
    /// this pipeline thread writes what it reports; the plan is shown and asked here, step by step
    /// (<see cref="Confirmation"/>); then the engine executes while this thread writes its
    /// reports. An engine refusal becomes a non-terminating ErrorRecord for this pipeline item;
    /// Ctrl+C cancels the engine's token.
    /// </summary>
    public abstract class ImageToolsCmdlet : PSCmdlet
    {
        public const string ByNameSet = "ByName";
        public const string ByIdSet = "ById";

        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private bool _azReuseTried;

        /// <summary>Also registered by the module initializer; this covers hosts that skip it.</summary>
        static ImageToolsCmdlet() => Loading.DependencyResolver.Register();

        /// <summary>What the operation acts on, for the one confirmation asked before an -AsJob job starts.</summary>
        protected virtual string JobTarget => MyInvocation.MyCommand.Name;

        /// <summary>
        /// Prepares, reviews and executes an engine operation over the session's connection (reusing
        /// an Az.Accounts sign-in when there is none). With -AsJob (not under -WhatIf) one consent is
        /// asked here first, for the whole operation, since nothing inside a job can prompt: as high
        /// impact when the plan may hold an irreversible step (<paramref name="highImpactPlan"/>),
        /// as the step itself would be in the pipeline; -Force (without -Confirm) skips it.
        /// </summary>
        protected void RunOperation(Func<ImageToolsEngine, IOperationSink, CancellationToken, Task<PreparedOperation>> prepare, bool force = false,
            bool asJob = false, bool highImpactPlan = false)
        {
            ReuseAzSignIn();
            var confirmation = new Confirmation(this, force);
            Guarded(() =>
            {
                if (asJob && !confirmation.WhatIf)
                {
                    StartJob(prepare, confirmation, highImpactPlan);
                    return;
                }
                var engine = ImageToolsEngine.FromSession();
                var sink = new CmdletSink(this, confirmation.Interactive);
                var prepared = Relay(s => prepare(engine, s, _stop.Token), sink);
                if (OperationReview.Review(prepared, sink, confirmation.WhatIf, confirmation.Confirm))
                    Relay(s => prepared.ExecuteAsync(s, _stop.Token), sink);
            });
        }

        private void StartJob(Func<ImageToolsEngine, IOperationSink, CancellationToken, Task<PreparedOperation>> prepare, Confirmation confirmation,
            bool highImpact)
        {
            if (!confirmation.Forced)
            {
                string action = HostPolicy.JobConsentAction(MyInvocation.MyCommand.Name);
                if (!(highImpact ? confirmation.ConfirmHighImpact(JobTarget, action) : confirmation.Confirm(JobTarget, action)))
                    return;
            }
            var engine = ImageToolsEngine.FromSession();
            var job = new ImageToolsJob($"{MyInvocation.MyCommand.Name} {JobTarget}".Trim(), GetType().FullName!, confirmation.Interactive);
            JobRepository.Add(job);
            job.Start((sink, ct) => prepare(engine, sink, ct));
            WriteObject(job);
        }

        /// <summary>Runs engine work on the thread pool and writes what it reports here, on the pipeline thread.</summary>
        private T Relay<T>(Func<IOperationSink, Task<T>> work, IOperationSink sink) =>
            SinkRelay.Run(work, sink, () => _stop.Cancel());

        /// <summary>Runs engine work that needs no confirmation (signing in), its refusals written as ErrorRecords.</summary>
        protected void RunRelayed(Func<IOperationSink, CancellationToken, Task> work) =>
            Guarded(() => Relay<bool>(async sink =>
            {
                await work(sink, _stop.Token).ConfigureAwait(false);
                return true;
            }, new CmdletSink(this, Confirmation.IsInteractiveHost(this))));

        /// <summary>The one mapping of an engine failure: an ErrorRecord for this item; Ctrl+C stops the pipeline.</summary>
        private void Guarded(Action body)
        {
            try
            {
                body();
            }
            catch (ImageToolsException error)
            {
                WriteError(CmdletSink.ToErrorRecord(error));
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
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
                RunRelayed((sink, ct) => AzContextReuse.ConnectAsync(context, sink, System.Environment.GetEnvironmentVariable, ct));
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

        protected override void StopProcessing() => _stop.Cancel();

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
}
