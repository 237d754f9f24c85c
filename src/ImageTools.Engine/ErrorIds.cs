namespace ImageTools.Engine
{
    /// <summary>
    /// Every error id that is not a rule's (a rule's id is its class name, set in Rules/Rule.cs).
    /// Each becomes the first part of a FullyQualifiedErrorId: never rename one (scripts catch them).
    /// An ARM refusal after the preflight keeps ARM's own code (e.g. OperationNotAllowed).
    /// </summary>
    public static class ErrorIds
    {
        // ---- arguments and ids ----

        /// <summary>-ResourceId is not an ARM resource id.</summary>
        public const string InvalidResourceId = nameof(InvalidResourceId);

        /// <summary>-ResourceId names a type the command does not take.</summary>
        public const string UnsupportedSourceType = nameof(UnsupportedSourceType);

        /// <summary>Neither -ResourceId nor -ResourceGroupName and -Name.</summary>
        public const string MissingResource = nameof(MissingResource);

        /// <summary>A time limit that is not a positive time span of at most 24 days.</summary>
        public const string InvalidTimeout = nameof(InvalidTimeout);

        /// <summary>Invoke-VmGeneralize -SnapshotRetentionDays outside 1 to 3650.</summary>
        public const string SnapshotRetentionOutOfRange = nameof(SnapshotRetentionOutOfRange);

        /// <summary>-Tag beyond ARM's limits (count, name length or characters, value length).</summary>
        public const string InvalidTag = nameof(InvalidTag);

        /// <summary>New-VmFromImage -Count below 1.</summary>
        public const string CountOutOfRange = nameof(CountOutOfRange);

        /// <summary>Update-GalleryVersion was given no version, or several.</summary>
        public const string SingleVersionRequired = nameof(SingleVersionRequired);

        /// <summary>Remove-GalleryVersion -KeepLatest below 0.</summary>
        public const string KeepLatestOutOfRange = nameof(KeepLatestOutOfRange);

        /// <summary>-TargetRegion written in a form that is not a region.</summary>
        public const string TargetRegionInvalid = nameof(TargetRegionInvalid);

        // ---- signing in ----

        public const string NotConnected = nameof(NotConnected);
        public const string UnknownEnvironment = nameof(UnknownEnvironment);
        public const string UnknownCredentialKind = nameof(UnknownCredentialKind);
        public const string MissingCredentialParameter = nameof(MissingCredentialParameter);
        public const string CredentialUnavailable = nameof(CredentialUnavailable);
        public const string AuthenticationFailed = nameof(AuthenticationFailed);
        public const string SubscriptionUnreachable = nameof(SubscriptionUnreachable);
        public const string CertificateNotFound = nameof(CertificateNotFound);
        public const string CertificateThumbprintInvalid = nameof(CertificateThumbprintInvalid);
        public const string EmulatorConnectionFileUnreadable = nameof(EmulatorConnectionFileUnreadable);
        public const string EmulatorConnectionFileInvalid = nameof(EmulatorConnectionFileInvalid);

        // ---- while running (after the preflight) ----

        /// <summary>A step did not finish within its time limit; rerunning resumes.</summary>
        public const string OperationTimedOut = nameof(OperationTimedOut);

        /// <summary>Ctrl+C or Stop-Job; rerunning resumes.</summary>
        public const string OperationStopped = nameof(OperationStopped);

        public const string VmNotFound = nameof(VmNotFound);
        public const string SysprepFailed = nameof(SysprepFailed);
        public const string SysprepTimedOut = nameof(SysprepTimedOut);
        public const string SysprepNotSealed = nameof(SysprepNotSealed);
        public const string DeprovisionFailed = nameof(DeprovisionFailed);
        public const string DeprovisionNotConfirmed = nameof(DeprovisionNotConfirmed);
        public const string GeneralizeNotConfirmed = nameof(GeneralizeNotConfirmed);
        public const string ImageNotSucceeded = nameof(ImageNotSucceeded);

        /// <summary>A snapshot copy (CopyStart) to the target region stopped with copyCompletionError.</summary>
        public const string SnapshotCopyFailed = nameof(SnapshotCopyFailed);
        public const string GalleryVersionNotFound = nameof(GalleryVersionNotFound);
        public const string GalleryVersionFailed = nameof(GalleryVersionFailed);
        public const string GalleryReplicationFailed = nameof(GalleryReplicationFailed);

        /// <summary>A version Azure did not finish creating within -ReplicationTimeout; the remedy names the next version number.</summary>
        public const string GalleryVersionStuck = nameof(GalleryVersionStuck);

        /// <summary>A version created but not replicated everywhere within -ReplicationTimeout; a rerun waits again.</summary>
        public const string GalleryReplicationTimedOut = nameof(GalleryReplicationTimedOut);
        public const string VmCreateFailed = nameof(VmCreateFailed);

        /// <summary>A listing (Get-ImageToolsSnapshot): read only, its result emitted under -WhatIf too.</summary>
        public const string ListingOnly = nameof(ListingOnly);

        /// <summary>-OlderThan must be a positive time span.</summary>
        public const string InvalidAge = nameof(InvalidAge);

        /// <summary>A scale set's rolling upgrade ended Faulted (ARM's error kept in the message).</summary>
        public const string RollingUpgradeFaulted = nameof(RollingUpgradeFaulted);

        /// <summary>A scale set's rolling upgrade was cancelled before its last batch.</summary>
        public const string RollingUpgradeCancelled = nameof(RollingUpgradeCancelled);

        // ---- the module ----

        /// <summary>A step needs a prompt this host cannot show (a runbook, -NonInteractive); nothing was written.</summary>
        public const string ConfirmationRequired = nameof(ConfirmationRequired);

        /// <summary>A background job failed with something other than an ImageTools error.</summary>
        public const string UnexpectedFailure = nameof(UnexpectedFailure);
    }
}
