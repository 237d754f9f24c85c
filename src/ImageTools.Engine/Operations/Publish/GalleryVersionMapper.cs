using System;
using System.Globalization;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Rules.Publish;
using ImageTools.Models;

namespace ImageTools.Engine.Operations.Publish
{
    /// <summary>A gallery version record to the flat object Publish-GalleryVersion emits.</summary>
    internal static class GalleryVersionMapper
    {
        public static GalleryVersionInfo ToInfo(GalleryVersionState version, PublishFacts facts)
        {
            return new GalleryVersionInfo
            {
                Id = version.Id.Id,
                SubscriptionId = version.Id.SubscriptionId,
                ResourceGroupName = version.Id.ResourceGroupName,
                Name = version.Name,
                Location = version.Location,
                Tags = new System.Collections.Generic.Dictionary<string, string>(version.Tags, StringComparer.OrdinalIgnoreCase),
                ProvisioningState = version.ProvisioningState,
                GalleryName = facts.GalleryName,
                DefinitionName = facts.DefinitionName,
                DefinitionId = facts.DefinitionId.Id,
                SourceId = version.SourceId.Length > 0 ? version.SourceId : facts.Source.Id.Id,
                OsType = facts.TargetOsType,
                OsState = facts.TargetOsState,
                HyperVGeneration = facts.TargetHyperVGeneration,
                SecurityType = facts.TargetSecurityType,
                ExcludeFromLatest = version.ExcludeFromLatest,
                EndOfLifeDate = version.EndOfLifeDate?.ToString("o", CultureInfo.InvariantCulture) ?? "",
                PublishedDate = version.PublishedDate?.ToString("o", CultureInfo.InvariantCulture) ?? "",
                ReplicationState = version.ReplicationState,
                TargetRegions = version.Regions.Select(r => new RegionReplicationInfo
                {
                    Name = r.Name,
                    ReplicaCount = r.ReplicaCount,
                    StorageAccountType = r.StorageAccountType,
                    ExcludeFromLatest = r.ExcludeFromLatest,
                    State = r.State,
                    Progress = r.Progress,
                    Details = r.Details,
                }).ToArray(),
            };
        }
    }
}
