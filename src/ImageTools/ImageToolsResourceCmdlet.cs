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
