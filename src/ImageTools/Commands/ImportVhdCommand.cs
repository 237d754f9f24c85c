using System.Collections;
using System.Management.Automation;
using ImageTools.Completion;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>Import-Vhd: a local fixed-size VHD uploaded into a new managed disk, or a VHD blob of a storage account imported into one; checked before anything is created.</summary>
    [Cmdlet(VerbsData.Import, "Vhd", DefaultParameterSetName = ByPathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DiskInfo))]
    public sealed class ImportVhdCommand : ImageToolsCmdlet
    {
        public const string ByPathSet = "ByPath";
        public const string ByUriSet = "ByUri";

        [Parameter(ParameterSetName = ByPathSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "LocalFilePath")] [ValidateNotNullOrEmpty] public string Path { get; set; } = "";
        /// <summary>A VHD page blob already in a storage account; with a read SAS its footer and partitions are checked before the disk is made.</summary>
        [Parameter(ParameterSetName = ByUriSet, Mandatory = true)]
        [Alias("BlobUri")] [ValidateNotNullOrEmpty] public string SourceUri { get; set; } = "";
        [Parameter(ParameterSetName = ByUriSet, Mandatory = true)]
        [ValidateNotNullOrEmpty] public string StorageAccountId { get; set; } = "";
        [Parameter(Mandatory = true)] [ValidateNotNullOrEmpty] [ArgumentCompleter(typeof(ResourceGroupCompleter))] public string ResourceGroupName { get; set; } = "";
        [Parameter] [Alias("DiskName")] public string? Name { get; set; }
        [Parameter(Mandatory = true)] [ValidateNotNullOrEmpty] [ArgumentCompleter(typeof(LocationCompleter))] public string Location { get; set; } = "";
        [Parameter] [ValidateSet("Windows", "Linux")] public string? OsType { get; set; }
        [Parameter] [ValidateSet("V1", "V2")] public string? HyperVGeneration { get; set; }
        [Parameter] [ValidateSet("Generalized", "Specialized")] public string? OsState { get; set; }
        [Parameter] [ValidateSet("Standard_LRS", "StandardSSD_LRS", "Premium_LRS", "StandardSSD_ZRS", "Premium_ZRS")] public string SkuName { get; set; } = "Standard_LRS";
        [Parameter] public Hashtable? Tag { get; set; }
        [Parameter] public string? SubscriptionId { get; set; }
        [Parameter] public SwitchParameter AsJob { get; set; }

        protected override string JobTarget => ParameterSetName == ByUriSet ? SourceUri.Split('?')[0] : System.IO.Path.GetFileName(Path);

        protected override void ProcessRecord()
        {
            var request = new ImportRequest
            {
                SubscriptionId = SubscriptionId, Path = ParameterSetName == ByPathSet ? GetUnresolvedProviderPathFromPSPath(Path) : "",
                SourceUri = ParameterSetName == ByUriSet ? SourceUri : null, StorageAccountId = ParameterSetName == ByUriSet ? StorageAccountId : null, ResourceGroupName = ResourceGroupName, DiskName = Name,
                Location = Location, OsType = OsType, HyperVGeneration = HyperVGeneration, OsState = OsState, SkuName = SkuName, Tags = ToTags(Tag),
            };
            RunOperation((engine, sink, ct) => engine.PrepareImportAsync(request, sink, ct), asJob: AsJob);
        }
    }
}
