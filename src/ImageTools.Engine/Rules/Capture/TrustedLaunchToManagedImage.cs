namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>Managed images cannot carry Secure Boot / vTPM state: Trusted Launch and Confidential VM sources go to a gallery.</summary>
    internal sealed class TrustedLaunchToManagedImage : Rule<CaptureFacts>
    {
        public override string Reads => "securityProfile.securityType of the VM, or the disk's/snapshot's security profile";

        public override Finding? Evaluate(CaptureFacts facts)
        {
            if (!facts.SourceExists || facts.SourceSecurityType == "Standard")
                return null;
            return Refuse(
                $"'{facts.SourceId.Name}' uses {facts.SourceSecurityType} security; managed images cannot carry Secure Boot and vTPM state, so it cannot be captured as a managed image.",
                $"Publish it to an Azure Compute Gallery straight from the source instead: Publish-GalleryVersion -ResourceId {facts.SourceResourceId} -GalleryName <gallery> -DefinitionName <definition> (the definition's security type {facts.SourceSecurityType}).",
                facts.SourceResourceId);
        }
    }
}
