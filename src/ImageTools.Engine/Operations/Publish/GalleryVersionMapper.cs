using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Operations.GalleryVersions;
using ImageTools.Engine.Rules.Publish;
using ImageTools.Models;

namespace ImageTools.Engine.Operations.Publish
{
    /// <summary>A gallery version record to the flat object the gallery version cmdlets emit.</summary>
    internal static class GalleryVersionMapper
    {
        /// <summary>A version as Get-, Update- and Remove-GalleryVersion show it: its definition's facts, and where `latest` resolves to it.</summary>
        public static GalleryVersionInfo ToInfo(GalleryVersionState version, DefinitionVersions listing)
        {
            var definition = listing.Definition ?? new GalleryDefinitionState();
            var info = Map(version, listing.GalleryName, listing.DefinitionName, listing.DefinitionId, version.SourceId);
            info.OsType = definition.OsType;
            info.OsState = definition.OsState;
            info.HyperVGeneration = definition.HyperVGeneration;
            info.SecurityType = definition.SecurityType;
            info.LatestIn = listing.RegionsWhereLatest(version.Name).ToArray();
            info.IsLatest = info.LatestIn.Length > 0;
            return info;
        }

        public static GalleryVersionInfo ToInfo(GalleryVersionState version, PublishFacts facts)
        {
            var info = Map(version, facts.GalleryName, facts.DefinitionName, facts.DefinitionId,
                version.SourceId.Length > 0 ? version.SourceId : facts.Source.Id.Id);
            info.OsType = facts.TargetOsType;
            info.OsState = facts.TargetOsState;
            info.HyperVGeneration = facts.TargetHyperVGeneration;
            info.SecurityType = facts.TargetSecurityType;
            return info;
        }

        private static GalleryVersionInfo Map(GalleryVersionState version, string galleryName, string definitionName, ArmId definitionId, string sourceId)
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
                GalleryName = galleryName,
                DefinitionName = definitionName,
                DefinitionId = definitionId.Id,
                SourceId = sourceId,
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
