using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Rules.Deploy;

namespace ImageTools.Engine.Operations.Deploy
{
    /// <summary>
    /// What a location offers a deployment, read once per run for VMs and scale sets alike: its VM
    /// sizes, its compute usages (vCPU quota) and its VM SKUs (family, Hyper-V generations).
    /// </summary>
    internal sealed class DeployLocationReader
    {
        private readonly OperationRun _run;
        private readonly IDeployGateway _deploy;

        public DeployLocationReader(OperationRun run, IDeployGateway deploy)
        {
            _run = run;
            _deploy = deploy;
        }

        public IReadOnlyList<VmSizeState> Sizes { get; private set; } = Array.Empty<VmSizeState>();
        public IReadOnlyList<UsageState> Usages { get; private set; } = Array.Empty<UsageState>();
        public IReadOnlyList<VmSkuState> Skus { get; private set; } = Array.Empty<VmSkuState>();

        /// <summary>
        /// The location's VM sizes, vCPU usage and SKUs, side by side. <paramref name="usages"/> false leaves the usage
        /// unread, for a step that creates no VM (the quota check needs it only when instances are made).
        /// </summary>
        public async Task ReadAsync(string subscriptionId, string location, TimeSpan timeout, bool usages = true)
        {
            if (location.Length == 0)
                return;
            var sizesRead = _run.StepAsync($"listing the VM sizes of '{location}'", timeout, ct => _deploy.ListVmSizesAsync(subscriptionId, location, ct));
            var usagesRead = usages
                ? _run.StepAsync($"reading the vCPU usage of '{location}'", timeout, ct => _deploy.ListUsagesAsync(subscriptionId, location, ct))
                : Task.FromResult<IReadOnlyList<UsageState>>(Array.Empty<UsageState>());
            var skusRead = ReadSkusAsync(subscriptionId, location, timeout);
            await Task.WhenAll(sizesRead, usagesRead, skusRead).ConfigureAwait(false);
            (Sizes, Usages, Skus) = (sizesRead.Result, usagesRead.Result, skusRead.Result);
        }

        /// <summary>Says in verbose when the size's vCPU family quota is not the one its SKU names.</summary>
        public void NoteFamily(DeployFacts facts)
        {
            if (facts.Size == null || facts.FamilyFromSku)
                return;
            var quota = facts.Family != null ? $"'{facts.Family.Name}', derived from the size name." : "not checked (no usage row matches the size name).";
            _run.Sink.WriteVerbose(facts.Sku == null
                ? $"The resource SKUs of '{facts.TargetLocation}' do not say the family of '{facts.Size.Name}': its vCPU family quota is {quota}"
                : $"The family '{facts.Sku.Family}' of '{facts.Size.Name}' is not in the usages of '{facts.TargetLocation}': its vCPU family quota is {quota}");
        }

        /// <summary>
        /// The location's VM SKUs. A failed read (after the SDK's retries) does not stop the run: the
        /// family quota falls back to the name-derived family and the generation check is left to
        /// ARM, which says so in verbose.
        /// </summary>
        public async Task<IReadOnlyList<VmSkuState>> ReadSkusAsync(string subscriptionId, string location, TimeSpan timeout)
        {
            try
            {
                return await _run.StepAsync($"reading the VM SKUs of '{location}'", timeout, ct => _deploy.ListVmSkusAsync(subscriptionId, location, ct)).ConfigureAwait(false);
            }
            catch (AzureRequestException e)
            {
                _run.Sink.WriteVerbose($"The resource SKUs of '{location}' could not be read ({e.Message}); the size's generations are not checked before the VM PUT.");
                return Array.Empty<VmSkuState>();
            }
        }
    }
}
