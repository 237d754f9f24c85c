namespace ImageTools.Engine.Catalog
{
    /// <summary>One listed resource: its name (what completion offers), id, group, location and a short detail for the tooltip.</summary>
    public sealed class CatalogEntry
    {
        public CatalogEntry(string name, string id, string resourceGroupName, string location, string detail = "")
        {
            Name = name;
            Id = id;
            ResourceGroupName = resourceGroupName;
            Location = location;
            Detail = detail;
        }

        public string Name { get; }
        public string Id { get; }
        public string ResourceGroupName { get; }
        public string Location { get; }
        public string Detail { get; }

        public override string ToString() => Name;
    }
}
