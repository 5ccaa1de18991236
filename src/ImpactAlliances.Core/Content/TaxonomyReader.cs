using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Schema;
using YamlDotNet.RepresentationModel;

namespace ImpactAlliances.Core.Content;

/// <summary>Reads <c>taxonomy.yml</c>, reporting every problem with its line.</summary>
public static class TaxonomyReader
{
    /// <summary>
    /// The facets a taxonomy must define: every facet of the registry (those the site derives with their label
    /// only), and SDG labels.
    /// </summary>
    public static readonly IReadOnlyList<string> RequiredFacets = [.. CaseStudySchema.FacetKeys, "sdgs"];

    /// <summary>Reads a taxonomy file; the result is null when it has errors.</summary>
    public static Taxonomy? Read(string path, ICollection<ContentDiagnostic> diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Add(new(path, 1, DiagnosticSeverity.Error, "fichier de taxonomie introuvable"));
            return null;
        }
        return ContentFile.ReadText(path, diagnostics) is { } text ? Parse(path, text, diagnostics) : null;
    }

    /// <summary>Parses taxonomy YAML text; <paramref name="path"/> only names it in diagnostics.</summary>
    public static Taxonomy? Parse(string path, string text, ICollection<ContentDiagnostic> diagnostics)
    {
        var errorsBefore = diagnostics.Count;
        var root = YamlNodes.LoadMapping(path, text, lineOffset: 0, diagnostics);
        if (root is null)
        {
            return null;
        }
        var facets = new List<TaxonomyFacet>();
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (valueNode is not YamlMappingNode facetNode)
            {
                diagnostics.Add(YamlNodes.Error(path, valueNode, 0, $"la facette {key} contient les champs label et values"));
                continue;
            }
            facets.Add(ReadFacet(path, key, facetNode, diagnostics));
        }
        foreach (var required in RequiredFacets.Where(r => facets.All(f => f.Key != r)))
        {
            diagnostics.Add(new(path, 1, DiagnosticSeverity.Error, $"facette manquante : {required}"));
        }
        return diagnostics.Count > errorsBefore ? null : new Taxonomy(facets);
    }

    private static TaxonomyFacet ReadFacet(string path, string key, YamlMappingNode node, ICollection<ContentDiagnostic> diagnostics)
    {
        var label = YamlNodes.Scalar(node, "label");
        if (string.IsNullOrWhiteSpace(label))
        {
            diagnostics.Add(YamlNodes.Error(path, node, 0, $"la facette {key} n'a pas de label"));
        }
        var dimension = CaseStudySchema.Facets.FirstOrDefault(f => f.Key == key);
        var values = ReadValues(path, key, node, "values", diagnostics);
        // A facet the site derives (départements, from the places) takes its values from elsewhere; the others list theirs.
        var derived = dimension is { FrontMatterKey: null };
        if (values.Count == 0 && !derived)
        {
            diagnostics.Add(YamlNodes.Error(path, node, 0, $"la facette {key} doit avoir au moins une valeur"));
        }
        else if (values.Count > 0 && derived)
        {
            diagnostics.Add(YamlNodes.Error(path, node, 0, $"la facette {key} est déduite des lieux des cas : elle n'a qu'un label et une description, pas de valeurs"));
        }
        var otherwise = ReadValues(path, key, node, "otherwise", diagnostics);
        var otherwiseNode = node.Children.TryGetValue(new YamlScalarNode("otherwise"), out var found) ? found : node;
        if (dimension?.Otherwise is { } slug && (otherwise.Count != 1 || otherwise[0].Slug != slug))
        {
            diagnostics.Add(YamlNodes.Error(path, otherwiseNode, 0, $"la facette {key} doit nommer la valeur des cas qui n'en ont aucune : otherwise: [ {{ slug: {slug}, label: \"…\" }} ]"));
        }
        else if (dimension?.Otherwise is null && otherwise.Count > 0)
        {
            diagnostics.Add(YamlNodes.Error(path, otherwiseNode, 0, $"la facette {key} n'accepte pas de valeur otherwise"));
        }
        else if (otherwise.Count == 1 && values.Any(v => v.Slug == otherwise[0].Slug))
        {
            // Listed among the values, case files could write it, and the search would list it twice.
            diagnostics.Add(YamlNodes.Error(path, otherwiseNode, 0, $"la valeur « {otherwise[0].Slug} » de {key} est à la fois dans values et dans otherwise"));
        }
        var families = ReadValues(path, key, node, "families", diagnostics);
        foreach (var value in values.Where(v => v.Parent is not null && families.All(f => f.Slug != v.Parent)))
        {
            diagnostics.Add(YamlNodes.Error(path, node, 0, $"la valeur « {value.Slug} » de {key} a un parent inconnu « {value.Parent} »{ClosestMatch.Hint(value.Parent!, families.Select(f => f.Slug))}"));
        }
        return new TaxonomyFacet(key, label ?? key, YamlNodes.Scalar(node, "description"), values, families) { Otherwise = otherwise };
    }

    private static List<TaxonomyValue> ReadValues(string path, string facet, YamlMappingNode node, string listKey, ICollection<ContentDiagnostic> diagnostics)
    {
        var values = new List<TaxonomyValue>();
        if (!node.Children.TryGetValue(new YamlScalarNode(listKey), out var listNode))
        {
            return values;
        }
        if (listNode is not YamlSequenceNode sequence)
        {
            diagnostics.Add(YamlNodes.Error(path, listNode, 0, $"{facet}.{listKey} doit être une liste"));
            return values;
        }
        foreach (var item in sequence)
        {
            var slug = item is YamlMappingNode m ? YamlNodes.Scalar(m, "slug") : null;
            var label = item is YamlMappingNode m2 ? YamlNodes.Scalar(m2, "label") : null;
            if (string.IsNullOrWhiteSpace(slug) || string.IsNullOrWhiteSpace(label))
            {
                diagnostics.Add(YamlNodes.Error(path, item, 0, $"chaque valeur de {facet}.{listKey} a un slug et un label : - {{ slug: …, label: \"…\" }}"));
                continue;
            }
            if (values.Any(v => v.Slug == slug))
            {
                diagnostics.Add(YamlNodes.Error(path, item, 0, $"valeur « {slug} » en double dans {facet}"));
                continue;
            }
            var map = (YamlMappingNode)item;
            var terms = map.Children.TryGetValue(new YamlScalarNode("terms"), out var termsNode) && termsNode is YamlSequenceNode list
                ? list.OfType<YamlScalarNode>().Select(t => t.Value ?? "").Where(t => t.Length > 0).ToList()
                : [];
            values.Add(new TaxonomyValue(slug, label, YamlNodes.Scalar(map, "description"), YamlNodes.Scalar(map, "parent")) { Terms = terms });
        }
        return values;
    }
}
