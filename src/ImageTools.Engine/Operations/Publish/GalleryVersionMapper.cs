using System;
using System.Collections.Generic;
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

        /// <summary>The version as the PUT sends it: the planned regions with their storage types.</summary>
        public static GalleryVersionSpec ToSpec(PublishFacts facts) => new GalleryVersionSpec
        {
            DefinitionId = facts.DefinitionId,
            Name = facts.VersionName!,
            Location = facts.TargetLocation,
            SourceId = facts.Source.Id,
            SourceIsDisk = facts.Source.IsDisk,
            ExcludeFromLatest = facts.Request.ExcludeFromLatest,
            EndOfLifeDate = facts.Request.EndOfLifeDate,
            Tags = new Dictionary<string, string>(facts.Request.Tags ?? new Dictionary<string, string>()),
            TargetRegions = facts.Regions.Select(r => new GalleryRegionState
            {
                Name = r.Name,
                ReplicaCount = r.ReplicaCount,
                StorageAccountType = r.StorageAccountType.Length > 0
                    ? PublishFacts.StorageAccountTypes.First(t => string.Equals(t, r.StorageAccountType, StringComparison.OrdinalIgnoreCase))
                    : "",
                ExcludeFromLatest = r.ExcludeFromLatest,
            }).ToList(),
        };
    }
}
