using System;
using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>
    /// The size must boot the source's Hyper-V generation: its SKU's HyperVGenerations capability
    /// lists it (Standard_A1_v2 boots V1 only, Standard_D2s_v6 V2 only). ARM refuses the VM PUT
    /// ("The selected VM size '…' cannot boot Hypervisor Generation '2'."); this says so before any
    /// write, with the sizes of the location that fit. Skipped when the SKUs were not read, do not
    /// list the size or its generations, or the source does not state its generation.
    /// </summary>
    internal sealed class VmSizeGenerationMismatch : Rule<DeployFacts>
    {
        private const int SuggestionCount = 8;

        public override string Reads => "the location's VM SKUs (HyperVGenerations) and the source's Hyper-V generation";

        public override Finding? Evaluate(DeployFacts facts)
        {
            var sku = facts.Sku;
            var generation = Normalize(facts.Source.HyperVGeneration);
            if (sku == null || sku.HyperVGenerations.Count == 0 || generation.Length == 0)
                return null;
            if (sku.HyperVGenerations.Any(g => string.Equals(Normalize(g), generation, StringComparison.OrdinalIgnoreCase)))
                return null;

            var cores = facts.Size?.Cores ?? 0;
            var offered = facts.Sizes.Count == 0 ? null : facts.Sizes.Select(s => s.Name).ToList();
            var fitting = facts.Skus
                .Where(s => s.HyperVGenerations.Any(g => string.Equals(Normalize(g), generation, StringComparison.OrdinalIgnoreCase)))
                .Where(s => offered == null || offered.Contains(s.Name, StringComparer.OrdinalIgnoreCase))
                .Select(s => (s.Name, Cores: facts.Sizes.FirstOrDefault(z => string.Equals(z.Name, s.Name, StringComparison.OrdinalIgnoreCase))?.Cores ?? 0))
                .OrderBy(s => Math.Abs(s.Cores - cores)).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
                .Take(SuggestionCount)
                .Select(s => s.Name)
                .ToList();
            var source = facts.Source.Name.Length > 0 ? facts.Source.Name : facts.Source.Id.Name;
            return Refuse(
                $"VM size '{sku.Name}' cannot boot Hyper-V generation {generation}, the generation of '{source}': in '{facts.TargetLocation}' the size boots {string.Join(", ", sku.HyperVGenerations)} only.",
                fitting.Count == 0
                    ? $"Choose a -Size that boots {generation} (Get-AzComputeResourceSku -Location {facts.TargetLocation}, capability HyperVGenerations)."
                    : $"Choose a -Size that boots {generation}, for example {string.Join(", ", fitting)}.",
                sku.Name, FailureCategory.InvalidArgument);
        }

        /// <summary>"Gen2", "2", "v2" → "V2".</summary>
        private static string Normalize(string? generation)
        {
            var g = (generation ?? "").Trim();
            if (g.StartsWith("Gen", StringComparison.OrdinalIgnoreCase))
                g = g.Substring(3);
            if (g.StartsWith("V", StringComparison.OrdinalIgnoreCase))
                g = g.Substring(1);
            return g.Length == 0 ? "" : "V" + g;
        }
    }
}
