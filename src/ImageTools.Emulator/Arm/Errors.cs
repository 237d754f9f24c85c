using System.Text.Json.Nodes;

namespace ImageTools.Emulator.Arm;

/// <summary>An ARM error: HTTP status plus the <c>error</c> object of the envelope.</summary>
internal sealed class ArmError
{
    public ArmError(int status, string code, string message, string? target = null, JsonArray? details = null)
    {
        Status = status; Code = code; Message = message; Target = target; Details = details;
    }

    public int Status { get; }
    public string Code { get; }
    public string Message { get; }
    public string? Target { get; }
    public JsonArray? Details { get; }

    /// <summary>The <c>error</c> object (code, message, target?, details?).</summary>
    public JsonObject ToErrorObject()
    {
        var error = new JsonObject { ["code"] = Code, ["message"] = Message };
        if (Target is not null) error["target"] = Target;
        if (Details is not null) error["details"] = Details.DeepClone();
        return error;
    }

    /// <summary>The ARM envelope <c>{"error":{…}}</c>, the only error body the emulator writes.</summary>
    public JsonObject ToEnvelope() => new() { ["error"] = ToErrorObject() };

    public ArmException AsException() => new(this);
}

/// <summary>Thrown by handlers; the pipeline turns it into the envelope.</summary>
internal sealed class ArmException : Exception
{
    public ArmException(ArmError error) : base(error.Message) { Error = error; }
    public ArmError Error { get; }
}

/// <summary>
/// Catalogue of the ARM answers the emulator gives. Texts follow ARM-REFERENCE.md / RULES.md;
/// where no published text exists the wording is ARM-like and marked as such in the README.
/// </summary>
internal static class ArmErrors
{
    private const string NotFoundFix = "For more details please go to https://aka.ms/ARMResourceNotFoundFix";

    // ---- front door -------------------------------------------------------------------------
    public static ArmError AuthenticationMissing() => new(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
    public static ArmError AuthenticationMalformed() => new(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is provided in an invalid format.");
    public static ArmError MissingApiVersion() => new(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
    public static ArmError InvalidApiVersion(string v) => new(400, "InvalidApiVersionParameter", $"The api-version '{v}' is invalid. The supported versions are '2023-09-01,2023-07-01,2023-04-02,2022-12-01,2022-09-01,2022-03-03,2021-04-01'.");
    public static ArmError InvalidRequestContent(string detail) => new(400, "InvalidRequestContent", $"The request content was invalid and could not be deserialized: '{detail}'.");
    public static ArmError MissingBody() => new(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized: 'Request body is missing or empty.'.");
    public static ArmError MethodNotAllowed(string method) => new(405, "MethodNotAllowed", $"The requested resource does not support http method '{method}'.");
    public static ArmError InvalidResourceType(string ns, string type, string apiVersion) => new(404, "InvalidResourceType", $"The resource type '{type}' could not be found in the namespace '{ns}' for api version '{apiVersion}'.");
    public static ArmError InvalidResourceNamespace(string ns) => new(404, "InvalidResourceNamespace", $"The resource namespace '{ns}' is invalid.");
    public static ArmError NoRoute(string path) => new(404, "NotFound", $"No HTTP resource was found that matches the request URI '{path}'.");
    public static ArmError SubscriptionNotFound(string sub) => new(404, "SubscriptionNotFound", $"The subscription '{sub}' could not be found.");
    public static ArmError Internal(string traceId) => new(500, "InternalServerError", $"Encountered internal server error. Diagnostic information: timestamp '{DateTime.UtcNow:yyyyMMddTHHmmssZ}', tracking id '{traceId}'.");
    public static ArmError Throttled(string group, int allowed, int measured) => Throttled(group, allowed, measured, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(30));

    /// <summary>Compute's throttling error for a policy whose window opened at <paramref name="start"/>.</summary>
    public static ArmError Throttled(string group, int allowed, int measured, DateTimeOffset start, TimeSpan window)
    {
        var detail = new JsonObject
        {
            ["operationGroup"] = group,
            ["startTime"] = Json.Timestamp(start),
            ["endTime"] = Json.Timestamp(start + window),
            ["allowedRequestCount"] = allowed,
            ["measuredRequestCount"] = measured,
        }.ToJsonString();
        return new(429, "OperationNotAllowed", "The server rejected the request because too many requests have been received for this subscription.",
            details: new JsonArray(new JsonObject { ["code"] = "TooManyRequests", ["target"] = group, ["message"] = detail }));
    }

    /// <summary>A subscription read/write/delete budget exhausted (ARM front door).</summary>
    public static ArmError SubscriptionThrottled(string kind, string subscriptionId, int limit, TimeSpan window, long retryAfterSeconds) =>
        new(429, "SubscriptionRequestsThrottled", $"Number of {kind} requests for subscription '{subscriptionId}' exceeded the limit of '{limit}' for time interval '{(int)window.TotalHours:00}:{window.Minutes:00}:{window.Seconds:00}'. Please try again after '{retryAfterSeconds}' seconds.");

    // ---- tags (ARM front door) --------------------------------------------------------------
    public static ArmError TooManyTags(int count, int max) => new(400, "InvalidTags", $"Too many tags specified. Requested tag count - '{count}'. Maximum number of tags allowed - '{max}'.");
    public static ArmError TagNameEmpty() => new(400, "InvalidTagName", "The tag name must be non-null, non-empty and non-whitespace only. Please provide an actual value.");
    public static ArmError TagNameCharacters(IEnumerable<string> names) => new(400, "InvalidTagNameCharacters", $"The tag names '{string.Join(", ", names)}' have reserved characters '<,>,%,&,\\,?,/' or control characters.");
    public static ArmError TagNameTooLong(IEnumerable<string> names, int max) => new(400, "InvalidTagName", $"Tag key too large. Following tag name '{string.Join(", ", names)}' exceeded the maximum length. Maximum allowed length for tag name - '{max}' characters.");
    public static ArmError TagValueTooLong(IEnumerable<string> values, int max) => new(400, "InvalidTagValueLength", $"Tag value too large. Following tag value '{string.Join(", ", values)}' exceeded the maximum length. Maximum allowed length for tag value - '{max}' characters.");

    // ---- generic resources ------------------------------------------------------------------
    public static ArmError ResourceGroupNotFound(string rg) => new(404, "ResourceGroupNotFound", $"Resource group '{rg}' could not be found.");
    public static ArmError ResourceNotFound(string typeAndName, string rg) => new(404, "ResourceNotFound", $"The Resource '{typeAndName}' under resource group '{rg}' was not found. {NotFoundFix}");
    public static ArmError ParentResourceNotFound(string parentName) => new(404, "ParentResourceNotFound", $"Can not perform requested operation on nested resource. Parent resource '{parentName}' not found.");
    public static ArmError CannotDeleteNested() => new(409, "CannotDeleteResource", "Can not delete resource before nested resources are deleted.");
    public static ArmError LocationNotAvailable(string location, string type, IEnumerable<string> regions) => new(400, "LocationNotAvailableForResourceType", $"The provided location '{location}' is not available for resource type '{type}'. List of available regions for the resource type is '{string.Join(",", regions)}'.");
    public static ArmError MissingLocation() => new(400, "LocationRequired", "The location property is required for this definition.");
    public static ArmError InvalidResourceName(string name, string type) => new(400, "InvalidResourceName", $"Resource name {name} is invalid. The name can be up to 80 characters long. It must begin with a word character, and it must end with a word character or with '_'. The name may contain word characters or '.', '-', '_'.");
    public static ArmError InvalidResourceGroupName(string rg) => new(400, "InvalidResourceGroupNameFormat", $"The provided resource group name '{rg}' has these invalid characters: '{new string(rg.Where(c => !(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '(' or ')')).Distinct().ToArray())}'. The name can only be a letter, digit, '-', '.', '(', ')' or '_'.");
    public static ArmError InvalidParameter(string message, string? target) => new(400, "InvalidParameter", message, target);
    public static ArmError BadRequest(string message, string? target = null) => new(400, "BadRequest", message, target);
    public static ArmError OperationNotAllowed(string message) => new(409, "OperationNotAllowed", message);
    public static ArmError Conflict(string message) => new(409, "Conflict", message);
    public static ArmError PropertyChangeNotAllowed(string property) => new(409, "PropertyChangeNotAllowed", $"Changing property '{property}' is not allowed.", property);
    public static ArmError LinkedInvalidPropertyId(string id) => new(400, "LinkedInvalidPropertyId", $"Property id '{id}' at path 'properties' is invalid. Expect fully qualified resource Id that start with '/subscriptions/{{subscriptionId}}' or '/providers/{{resourceProviderNamespace}}/'.");

    // ---- virtual machines -------------------------------------------------------------------
    public static ArmError NotAllowedWhileRunning(string op, string vm) => OperationNotAllowed($"Operation '{op}' is not allowed on VM '{vm}' since the VM is running. Please power off explicitly in case you shut down the VM from inside the guest operating system.");
    public static ArmError NotAllowedGeneralized(string op, string vm) => OperationNotAllowed($"Operation '{op}' is not allowed on VM '{vm}' since the VM is generalized.");
    public static ArmError NotAllowedDeallocated(string op, string vm) => OperationNotAllowed($"Operation '{op}' is not allowed on VM '{vm}' since the VM is either deallocated or marked to be deallocated.");
    public static ArmError NotAllowedInProgress(string op, string vm) => OperationNotAllowed($"Operation '{op}' is not allowed on VM '{vm}' since another operation is in progress.");
    public static ArmError RequiresRunning() => OperationNotAllowed("The operation requires the VM to be running (or set to run).");
    public static ArmError CreateImageRequiresGeneralized(string vm) => OperationNotAllowed($"The operation 'Create Image' requires the Virtual Machine '{vm}' to be Generalized.");
    public static ArmError ManagedImageFromTrustedLaunch(string securityType) => OperationNotAllowed($"Creation of managed images are not supported for virtual machine with {securityType} security type.");
    /// <summary>A managed image whose OS disk is declared Specialized: ARM supports specialized images only in a Compute Gallery.</summary>
    public static ArmError ImageOsStateSpecialized() => InvalidParameter("The value of parameter osDisk.osState is invalid.", "osDisk.osState");
    public static ArmError OsProfileMissing() => InvalidParameter("Required parameter 'osProfile' is missing (null).", "osProfile");
    public static ArmError OsProfileNotAllowed() => InvalidParameter("Parameter 'osProfile' is not allowed.", "osProfile");
    public static ArmError OsProfileChange() => PropertyChangeNotAllowed("osProfile");
    public static ArmError WindowsComputerName() => InvalidParameter("Windows computer name cannot be more than 15 characters long, be entirely numeric, or contain the following characters: ` ~ ! @ # $ % ^ & * ( ) = + _ [ ] { } \\ | ; : . ' \" , < > / ?.", "computerName");
    public static ArmError LinuxComputerName() => InvalidParameter("Linux host name cannot exceed 64 characters in length or contain the following characters: ` ~ ! @ # $ % ^ & * ( ) = + _ [ ] { } \\ | ; : ' \" , < > / ?.", "computerName");
    public static ArmError AdminUsernameNotAllowed() => InvalidParameter("The Admin Username specified is not allowed.", "adminUsername");
    public static ArmError AdminUsernameTooLong(int max) => InvalidParameter($"The Admin Username specified is too long. It can be at most {max} characters long.", "adminUsername");
    public static ArmError AdminUsernameRequired() => InvalidParameter("Required parameter 'adminUsername' is missing (null).", "adminUsername");
    public static ArmError AdminPasswordRequired() => InvalidParameter("Required parameter 'adminPassword' is missing (null).", "adminPassword");
    public static ArmError PasswordComplexity(int min, int max) => InvalidParameter($"The supplied password must be between {min}-{max} characters long and must satisfy at least 3 of password complexity requirements from the following:\r\n1) Contains an uppercase character\r\n2) Contains a lowercase character\r\n3) Contains a numeric digit\r\n4) Contains a special character\r\n5) Control characters are not allowed", "adminPassword");
    public static ArmError PasswordDisallowed() => InvalidParameter("The supplied password is not allowed because it is a commonly used password. Please choose a different password.", "adminPassword");
    public static ArmError VmSizeNotAvailable(string size, string location) => InvalidParameter($"The requested VM size {size} is not available in the current region. The sizes available in the current region are: {string.Join(",", Compute.VmSizes.All.Select(s => s.Name))}. Find out more on the available VM sizes in each region at https://aka.ms/azure-regions.", "vmSize");
    public static ArmError SizeCannotBootGeneration(string size, int gen) => BadRequest($"The selected VM size '{size}' cannot boot Hypervisor Generation '{gen}'. If this was a Create operation please check that the Hypervisor Generation of the Image matches the Hypervisor Generation of the selected VM Size. If this was an Update operation please select a Hypervisor Generation '{gen}' VM Size. For more information, see https://aka.ms/azuregen2vm");
    public static ArmError TrustedLaunchNotSupportedForImage() => BadRequest("Use of TrustedLaunch setting is not supported for the provided image. Please select Trusted Launch Supported Gen2 OS Image. For more information, see https://aka.ms/TrustedLaunch-FAQ.");
    public static ArmError ConfidentialVmSizeNotSupported(string size) => BadRequest($"The VM size '{size}' is not supported for creation of VMs and Virtual Machine Scale Set with 'ConfidentialVM' security type.");
    public static ArmError SecurityEncryptionTypeMissing() => InvalidParameter("Required parameter 'osDisk.managedDisk.securityProfile.securityEncryptionType' is missing (null).", "osDisk.managedDisk.securityProfile.securityEncryptionType");
    public static ArmError SecurityEncryptionTypeWithoutConfidentialVm() => InvalidParameter("SecurityEncryptionType can only be specified when SecurityType is set to ConfidentialVM.", "osDisk.managedDisk.securityProfile.securityEncryptionType");
    public static ArmError SecurityEncryptionTypeInvalid(string value) => InvalidParameter($"The value '{value}' of parameter 'osDisk.managedDisk.securityProfile.securityEncryptionType' is invalid. Allowed values are 'VMGuestStateOnly', 'DiskWithVMGuestState', 'NonPersistedTPM'.", "osDisk.managedDisk.securityProfile.securityEncryptionType");
    public static ArmError ConfidentialVmRequiresVTpm() => InvalidParameter("vTpmEnabled must be true for a VM with SecurityType ConfidentialVM.", "securityProfile.uefiSettings.vTpmEnabled");
    public static ArmError DiskWithVmGuestStateRequiresSecureBoot() => InvalidParameter("secureBootEnabled must be true when securityEncryptionType is DiskWithVMGuestState.", "securityProfile.uefiSettings.secureBootEnabled");
    public static ArmError ConfidentialVmNotSupportedForImage() => BadRequest("Use of ConfidentialVM setting is not supported for the provided image. Please select a Confidential VM capable image.");
    public static ArmError ImageRequiresSecurityType(string securityType) => BadRequest($"The provided gallery image only supports creation of VMs and VM scale sets with '{securityType}' security type.");
    public static ArmError UefiSettingsRequireSecurityType() => InvalidParameter("UefiSettings can only be specified when SecurityType is set to TrustedLaunch or ConfidentialVM.", "securityProfile.uefiSettings");
    public static ArmError InvalidSecurityType(string value) => InvalidParameter($"The value '{value}' of parameter 'securityProfile.securityType' is invalid. Allowed values are 'TrustedLaunch', 'ConfidentialVM'.", "securityProfile.securityType");
    public static ArmError PlatformImageNotFound(string urn, string location) => new(404, "PlatformImageNotFound", $"The platform image '{urn}' is not available. Verify that all fields in the storage profile are correct. For more details about storage profile information, please refer to https://aka.ms/storageprofile");
    public static ArmError ArtifactNotFound(string location) => new(404, "NotFound", "Artifact: VMImage was not found.");
    public static ArmError ManagedImageNotFound(string id, string location) => new(404, "NotFound", $"The Image '{id}' cannot be found in '{location}' region.");
    public static ArmError ManagedImageWrongRegion(string id, string location) => InvalidParameter($"The Image '{id}' cannot be found in '{location}' region.", "imageReference");
    public static ArmError GalleryImageNotAvailable(string id, string location) => new(404, "GalleryImageNotFound", $"The gallery image {id} is not available in {location} region. Please contact image owner to replicate to this region, or change your requested region.");
    public static ArmError ImageReferenceMissing() => InvalidParameter("Required parameter 'imageReference' is missing (null).", "imageReference");
    public static ArmError NicNotFound(string nicId, string vmId) => new(400, "InvalidResourceReference", $"Resource {nicId} referenced by resource {vmId} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.");
    public static ArmError NicInUse(string nicId, string otherVm) => new(400, "NicInUse", $"Network Interface {nicId} is used by existing resource {otherVm}. In order to use this network interface, you must first delete or disassociate the resource.");
    public static ArmError NetworkProfileRequired() => InvalidParameter("Required parameter 'networkProfile' is missing (null).", "networkProfile");
    public static ArmError NicLocationMismatch(string nicId, string nicLocation, string vmLocation) => InvalidParameter($"The network interface '{nicId}' is in location '{nicLocation}', which is different from the virtual machine location '{vmLocation}'.", "networkProfile.networkInterfaces");
    public static ArmError QuotaExceeded(string quotaName, string location, long limit, long usage, long required) => OperationNotAllowed(
        $"Operation could not be completed as it results in exceeding approved {quotaName} quota. Additional details - Deployment Model: Resource Manager, Location: {location}, Current Limit: {limit}, Current Usage: {usage}, Additional Required: {required}, (Minimum) New Limit Required: {usage + required}. Submit a request for Quota increase at https://aka.ms/ProdportalCRP/#blade/Microsoft_Azure_Capacity/UsageAndQuota.ReactView by specifying parameters listed in the 'Details' section for deployment to succeed. Please read more about quota limits at https://docs.microsoft.com/en-us/azure/azure-supportability/per-vm-quota-requests");
    public static ArmError RunCommandInProgress() => Conflict("Run command extension execution is in progress. Please wait for completion before invoking a run command.");
    public static ArmError RunCommandOsMismatch(string commandOs, string vmOs) => Conflict($"Run command OS type '{commandOs}' does not match the target OS {vmOs}.");
    public static ArmError RunCommandNotFound() => new(404, "NotFound", "The entity was not found in this Azure location.");
    public static ArmError VmAgentNotReady(string vm) => new(409, "VMAgentStatusCommunicationError", $"VM '{vm}' has not reported status for VM agent or extensions. Verify that the OS is up and healthy, the VM has a running VM agent, and that it can establish outbound connections to Azure storage. Please refer to https://aka.ms/vmextensionwindowstroubleshoot for additional VM agent troubleshooting information.");
    public static ArmError ScriptRequired() => InvalidParameter("Required parameter 'script' is missing (null).", "script");
    public static ArmError DiskAttached(string disk, string vmId) => OperationNotAllowed($"Disk {disk} is attached to VM {vmId}.");

    // ---- images -----------------------------------------------------------------------------
    public static ArmError ImageHyperVMismatch(string requested, string sourceGen, string sourceKind) => InvalidParameter($"The Input HyperVGeneration property: '{requested}' does not match with the HyperVGeneration property: '{sourceGen}' belonging to source: '{sourceKind}'.", "hyperVGeneration");
    public static ArmError ImageSourceRequired() => InvalidParameter("Either 'sourceVirtualMachine' or 'storageProfile' must be specified.", "sourceVirtualMachine");
    public static ArmError ImageOsTypeRequired() => InvalidParameter("Required parameter 'osType' is missing (null).", "storageProfile.osDisk.osType");
    public static ArmError ImageOsStateRequired() => InvalidParameter("Required parameter 'osState' is missing (null).", "storageProfile.osDisk.osState");
    public static ArmError ImageSourceUnmanagedVm(string vm) => OperationNotAllowed($"The operation 'Create Image' is not supported for Virtual Machine '{vm}' with unmanaged disks in this image type.");

    // ---- disks ------------------------------------------------------------------------------
    public static ArmError DiskSizeRequired() => InvalidParameter("Required parameter 'diskSizeGB' is missing (null).", "diskSizeGB");
    public static ArmError CreateOptionInvalid(string option) => InvalidParameter($"The value '{option}' of parameter 'creationData.createOption' is not supported.", "creationData.createOption");
    public static ArmError SourceResourceRequired() => InvalidParameter("Required parameter 'creationData.sourceResourceId' is missing (null).", "creationData.sourceResourceId");

    // ---- galleries --------------------------------------------------------------------------
    public static ArmError GalleryNameInvalid() => InvalidParameter("Gallery name is invalid. Allowed characters are English alphanumeric characters, with underscores, and periods allowed in the middle, up to 80 characters total. All other special characters, including dashes, are disallowed.", "galleryName");
    public static ArmError GalleryImageNameInvalid() => InvalidParameter("The gallery image name is invalid. It must match the regex '^[^_\\W][\\w-._]{0,79}(?<![-.])$'.", "galleryImageName");
    public static ArmError VersionNameInvalid() => InvalidParameter("The image version name is invalid. The image version name should follow Major(int).Minor(int).Patch(int) format, where int is between 0 and 2,147,483,647 (inclusive). For e.g: 1.0.0, 2018.12.1 etc.", "galleryImageVersionName");
    public static ArmError IdentifierTooLong(string field, int max) => InvalidParameter($"The value of parameter galleryImage.properties.identifier.{field} is too long. The maximum length is {max}.", $"galleryImage.properties.identifier.{field}");
    public static ArmError IdentifierRequired(string field) => InvalidParameter($"Required parameter 'galleryImage.properties.identifier.{field}' is missing (null).", $"galleryImage.properties.identifier.{field}");
    public static ArmError DuplicateIdentifier(string name, string publisher, string offer, string sku) => Conflict($"Gallery image: {name} identified by (publisher:{publisher}, offer:{offer}, sku:{sku}) already exists. Please use a different combination of publisher, offer and sku.");
    public static ArmError GalleryImageChange(string property) => PropertyChangeNotAllowed($"galleryImage.properties.{property}");
    public static ArmError GalleryImageRequired(string property) => InvalidParameter($"Required parameter 'galleryImage.properties.{property}' is missing (null).", $"galleryImage.properties.{property}");
    public static ArmError EnumValueInvalid(string value, string parameter, params string[] allowed) => InvalidParameter($"The value '{value}' of parameter '{parameter}' is not valid. Allowed values are: {string.Join(", ", allowed)}.", parameter);
    public static ArmError OsStateMismatch(string sourceId, string sourceState, string parentState) => BadRequest($"The resource with id '{sourceId}' has a different OS state ['{sourceState}'] than the parent gallery image OS state ['{parentState}'].");
    public static ArmError OsTypeMismatch(string sourceId, string sourceOs, string parentOs) => BadRequest($"The resource with id '{sourceId}' has a different OS type ['{sourceOs}'] than the parent gallery image OS type ['{parentOs}'].");
    public static ArmError HyperVGenerationMismatch(string sourceId, string sourceGen, string parentGen) => Conflict($"The resource with id '{sourceId}' has a different Hypervisor generation ['{sourceGen}'] than the parent gallery image Hypervisor generation ['{parentGen}'].");
    public static ArmError SecurityTypeSourceMismatch(string sourceId, string imageSecurity) => BadRequest($"The source '{sourceId}' is not compatible with the parent gallery image security type '{imageSecurity}'. A gallery image with security type '{imageSecurity}' must be created from a source with a matching security profile.");
    public static ArmError DuplicateRegions() => InvalidParameter("Duplicate regions are not allowed in target publishing regions.", "galleryImageVersion.properties.publishingProfile.targetRegions");
    public static ArmError SourceRegionMissing(IEnumerable<string> regions, string sourceRegion) => InvalidParameter($"Gallery image version publishing profile regions '{string.Join(", ", regions)}' must contain the location of image version '{sourceRegion}'.", "galleryImageVersion.properties.publishingProfile.targetRegions");
    public static ArmError OutOfRange(long value, string parameter, long min, long max) => InvalidParameter($"The value {value} of parameter {parameter} is out of range. The value must be between {min} and {max}, inclusive.", parameter);
    public static ArmError EndOfLifeInPast() => InvalidParameter("The end of life date of the gallery image version must be in the future.", "galleryImageVersion.properties.publishingProfile.endOfLifeDate");
    public static ArmError VersionSourceRequired() => InvalidParameter("Required parameter 'galleryImageVersion.properties.storageProfile.source' or 'osDiskImage.source' is missing (null).", "galleryImageVersion.properties.storageProfile");
    public static ArmError VersionSourceNotFound(string id) => new(404, "NotFound", $"The resource '{id}' referenced as the source of the gallery image version was not found.");
    public static ArmError VersionSourceNotSupported(string id) => InvalidParameter($"The source '{id}' is not a supported source for a gallery image version. Supported sources are managed images, virtual machines, managed disks, snapshots and gallery image versions.", "galleryImageVersion.properties.storageProfile.source.id");
    public static ArmError VersionExistsDifferentSource() => new(409, "PropertyChangeNotAllowed", "Changing property 'galleryImageVersion.properties.storageProfile.source.id' is not allowed.", "galleryImageVersion.properties.storageProfile.source.id");
    // ---- disk swap and restore ----------------------------------------------------------------------
    /// <summary>OS disk swap needs a deallocated VM (os-disk-swap.md); wording: ErrTable's "not deallocated" template, op name ARM-like.</summary>
    public static ArmError SwapRequiresDeallocated(string vm) => OperationNotAllowed($"Operation 'Swap OS disk' is not allowed on VM '{vm}' since the VM is not deallocated.");
    /// <summary>Portal/ARM text seen in MicrosoftDocs/SupportArticles-docs#338; code ARM-like.</summary>
    public static ArmError SwapGenerationMismatch(string generation) => OperationNotAllowed($"swapping os disk is not supported since HyperVisor property on the OSDISK and the VM do not match. please make sure the Hypervisor property on the OSDisk is HyperVisor Generation {generation}");
    public static ArmError DiskAlreadyAttached(string disk, string vmId) => OperationNotAllowed($"Disk {disk} is already attached to VM {vmId}.");
    /// <summary>ARM-like.</summary>
    public static ArmError DiskNotReadyForAttach(string disk, string state) => OperationNotAllowed($"Disk {disk} cannot be attached to a virtual machine while its state is {state}. Finish the upload and revoke access first.");

    // ---- snapshot copy (CopyStart) --------------------------------------------------------------------
    /// <summary>ARM-like (the rule: azure-docs disks-copy-incremental-snapshot-across-regions.md, SDK docs of CopyStart).</summary>
    public static ArmError CopyStartOnlyForIncrementalSnapshots() => InvalidParameter("CopyStart is only supported for creating an incremental snapshot from an incremental snapshot.", "creationData.createOption");
    public static ArmError CopyStartNotForDisks() => InvalidParameter("CopyStart is only supported for snapshots.", "creationData.createOption");
    /// <summary>ARM-like.</summary>
    public static ArmError CopyAcrossRegions(string sourceLocation, string location) => InvalidParameter($"The source resource is in region '{sourceLocation}', which is different from the region '{location}' of the resource to create. Use createOption CopyStart to copy an incremental snapshot to another region.", "creationData.sourceResourceId");
    /// <summary>ARM-like ("You can only copy one incremental snapshot of a particular disk at a time").</summary>
    public static ArmError CopyOfDiskInProgress(string sourceDiskId, string copyId) => new(409, "Conflict", $"Another copy of an incremental snapshot of disk '{sourceDiskId}' is in progress ('{copyId}'). Only one incremental snapshot of a disk can be copied at a time.");
    /// <summary>ARM-like.</summary>
    public static ArmError SnapshotCopyInProgress(string snapshot) => OperationNotAllowed($"The snapshot '{snapshot}' cannot be used as a source until its copy has completed (completionPercent 100).");

    // ---- disk upload ------------------------------------------------------------------------------------
    /// <summary>Published text (Azure CLI/PowerShell transcripts, e.g. MicrosoftDocs/azure-docs#58853).</summary>
    public static ArmError UploadSizeNotMiB(long bytes) => new(400, "BadRequest", $"The upload size in bytes {bytes} - 512 bytes for the VHD footer ({bytes - 512} in this case) must be a multiple of MiB.");
    /// <summary>ARM-like (limits from the 2023-04-02 spec's description of uploadSizeBytes).</summary>
    public static ArmError UploadSizeOutOfRange(long bytes) => new(400, "BadRequest", $"The upload size in bytes {bytes} is out of range. It must be between 20972032 (20 MiB + 512 bytes for the VHD footer) and 35183298347520 (32 TiB + 512 bytes for the VHD footer).");
    public static ArmError UploadSizeRequired() => InvalidParameter("Required parameter 'creationData.uploadSizeBytes' is missing (null).", "creationData.uploadSizeBytes");
    /// <summary>ARM-like.</summary>
    public static ArmError AccessNotAllowed(string disk, string access, string state) => new(409, "OperationNotAllowed", $"Granting '{access}' access to disk '{disk}' is not allowed while its state is '{state}'.");
    public static ArmError AccessInvalid(string access) => InvalidParameter($"The value '{access}' of parameter 'access' is invalid. Allowed values are 'None', 'Read', 'Write'.", "access");

    // ---- scale sets ---------------------------------------------------------------------------------------
    public static ArmError ScaleSetOrchestrationModeChange() => PropertyChangeNotAllowed("orchestrationMode");
    /// <summary>ARM-like.</summary>
    public static ArmError RollingUpgradeInProgress(string vmss) => new(409, "Conflict", $"A rolling upgrade is already in progress on virtual machine scale set '{vmss}'.");
    public static ArmError RollingUpgradeNotFound(string vmss) => new(404, "NotFound", $"No rolling upgrade has been run on virtual machine scale set '{vmss}'.");
}
