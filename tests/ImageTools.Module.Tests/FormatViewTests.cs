using System.Reflection;
using System.Xml.Linq;

namespace ImageTools.Module.Tests;

/// <summary>ImageTools.format.ps1xml: a table view for every output type, over real properties.</summary>
public class FormatViewTests
{
    private static ModuleSurface Surface => ModuleSurface.Instance;
    private static readonly XDocument Format = XDocument.Load(Path.Combine(Paths.Stage, "ImageTools.format.ps1xml"));

    private static IEnumerable<XElement> Views => Format.Descendants("View");
    private static string TypeOf(XElement view) => view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;

    private static IEnumerable<Type> ModelTypes => Surface.Engine.GetExportedTypes()
        .Where(t => t.Namespace == "ImageTools.Models" && t.IsClass && !t.IsAbstract);

    [Fact]
    public void Every_model_type_has_a_table_view()
    {
        var viewed = Views.Where(v => v.Element("TableControl") != null).Select(TypeOf).ToHashSet();
        Assert.NotEmpty(ModelTypes);
        Assert.All(ModelTypes, t => Assert.Contains(t.FullName!, viewed));
    }

    [Fact]
    public void Every_cmdlet_output_type_has_a_view()
    {
        var viewed = Views.Select(TypeOf).ToHashSet();
        foreach (var c in Surface.Cmdlets)
            Assert.All(c.OutputTypes, t => Assert.Contains(t.FullName!, viewed));
    }

    [Fact]
    public void Views_name_existing_types_and_properties_with_one_header_per_column()
    {
        foreach (var view in Views)
        {
            var type = Surface.Engine.GetType(TypeOf(view), throwOnError: false);
            Assert.True(type != null, $"view {view.Element("Name")?.Value} selects unknown type {TypeOf(view)}");
            var properties = type!.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet();
            var items = view.Descendants("TableColumnItem").ToList();
            Assert.Equal(view.Descendants("TableColumnHeader").Count(), items.Count);
            foreach (var name in items.Select(i => i.Element("PropertyName")?.Value).Where(n => n != null))
                Assert.Contains(name!, properties);
        }
    }
}
