using ImpactAlliances.Core.Content;
using Lucene.Net.Analysis;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// The topic facet values a query's words name: "mobilité" names the domain Mobilité, "insertion" the
/// domain Emploi et insertion, "mécénat" the type Mécénat. A case tagged with that value matches the
/// word even when its text uses other words (a garage for poor workers is about mobility).
/// </summary>
public sealed class FacetTerms
{
    /// <summary>The facets whose labels name topics.</summary>
    public static readonly IReadOnlyList<string> TopicFacets = ["domains", "partnership_types"];

    private readonly Dictionary<string, List<(string Facet, string Value)>> _byTerms;

    private FacetTerms(Dictionary<string, List<(string Facet, string Value)>> byTerms) => _byTerms = byTerms;

    /// <summary>No facet terms.</summary>
    public static readonly FacetTerms Empty = new([]);

    /// <summary>Analyses the topic facets' labels; a label of the form "A et B" names its value by A and by B.</summary>
    public static FacetTerms Build(Taxonomy taxonomy, Analyzer analyzer)
    {
        var byTerms = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var facet in TopicFacets.Select(taxonomy.Find).OfType<TaxonomyFacet>())
        {
            foreach (var value in facet.Values)
            {
                foreach (var part in value.Label.Split(" et ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var key = Key(TermAnalysis.Terms(analyzer, part));
                    if (key.Length > 0)
                    {
                        (byTerms.TryGetValue(key, out var list) ? list : byTerms[key] = []).Add((facet.Key, value.Slug));
                    }
                }
            }
        }
        return new FacetTerms(byTerms);
    }

    /// <summary>The facet values exactly named by these analysed terms.</summary>
    public IReadOnlyList<(string Facet, string Value)> Named(IEnumerable<string> terms) =>
        _byTerms.GetValueOrDefault(Key(terms)) ?? [];

    private static string Key(IEnumerable<string> terms) => string.Join(' ', terms);
}
