using System.Runtime.CompilerServices;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Search;

/// <summary>Facet counts and filters as pages show them: values with their labels, selections, place filters.</summary>
internal static class FacetPresentation
{
    /// <summary>
    /// For each facet of the registry, which of its values the filters select (null when none): the shape the
    /// collector counts with. Unknown values are ignored rather than matching nothing, so an old link still shows results.
    /// </summary>
    public static bool[]?[] Selected(Taxonomy taxonomy, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var selected = new bool[]?[CaseStudySchema.Facets.Count];
        for (var d = 0; d < selected.Length; d++)
        {
            if (filters.GetValueOrDefault(CaseStudySchema.Facets[d].Key) is not { Count: > 0 } values)
            {
                continue;
            }
            var facet = taxonomy[CaseStudySchema.Facets[d].Key];
            var positions = values.Select(facet.IndexOf).Where(p => p >= 0).ToList();
            if (positions.Count > 0)
            {
                selected[d] = new bool[facet.Values.Count];
                positions.ForEach(p => selected[d]![p] = true);
            }
        }
        return selected;
    }

    /// <summary>One zeroed count per value of each facet of the registry: what a collector counts into.</summary>
    public static int[][] EmptyCounts(Taxonomy taxonomy) =>
        CaseStudySchema.Facets.Select(f => new int[taxonomy[f.Key].Values.Count]).ToArray();

    /// <summary>Each facet's counted values, selected first then by count, with their families.</summary>
    public static List<FacetResult> Results(Taxonomy taxonomy, int[][] counts, bool[]?[] selected)
    {
        var results = new List<FacetResult>(counts.Length);
        var largest = 0;
        foreach (var facetCounts in counts)
        {
            largest = Math.Max(largest, facetCounts.Length);
        }
        var buffer = largest <= 256 ? stackalloc long[256] : new long[largest];
        for (var d = 0; d < counts.Length; d++)
        {
            var facet = taxonomy[CaseStudySchema.Facets[d].Key];
            var (facetCounts, facetSelected) = (counts[d], selected[d]);
            // Positions first, records only for the values shown: most of a hundred départements count nothing. Each
            // position is sorted by one key (selected, then count, then the taxonomy's order, as a stable sort keeps it),
            // without the sorter, key arrays and delegates that a LINQ ordering makes for each facet of each search.
            var keys = buffer[..facetCounts.Length];
            var shown = 0;
            for (var i = 0; i < facetCounts.Length; i++)
            {
                var isSelected = facetSelected?[i] == true;
                if (facetCounts[i] > 0 || isSelected)
                {
                    keys[shown++] = ((isSelected ? 1L : 0L) << 62) | ((long)facetCounts[i] << 24) | (long)(MaxValues - i);
                }
            }
            keys = keys[..shown];
            keys.Sort();
            var values = new List<FacetCount>(shown);
            for (var k = shown - 1; k >= 0; k--)
            {
                var i = MaxValues - (int)(keys[k] & MaxValues);
                values.Add(new FacetCount(facet.Values[i].Slug, facet.Values[i].Label, facetCounts[i], facetSelected?[i] == true));
            }
            results.Add(new FacetResult(facet.Key, facet.Label, values) { Families = FamiliesOf.GetValue(facet, Families) });
        }
        return results;
    }

    // The sort key of a shown value keeps its position in its low 24 bits: far more values than a facet has.
    private const int MaxValues = (1 << 24) - 1;

    // A facet's families never change: made once per taxonomy, not once per search.
    private static readonly ConditionalWeakTable<TaxonomyFacet, IReadOnlyList<FacetFamily>> FamiliesOf = new();

    private static IReadOnlyList<FacetFamily> Families(TaxonomyFacet facet) => facet.Families
        .Select(f => new FacetFamily(f.Slug, f.Label, facet.Values.Where(v => v.Parent == f.Slug).Select(v => v.Slug).ToList()))
        .ToList();

    /// <summary>A case's facet values with their labels, for every facet of the registry.</summary>
    public static Dictionary<string, IReadOnlyList<FacetLabel>> Labels(Taxonomy taxonomy, IReadOnlyDictionary<string, IReadOnlyList<string>> values) =>
        CaseStudySchema.Facets.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetLabel>)(values.GetValueOrDefault(f.Key) ?? [])
                .Select(v => new FacetLabel(v, taxonomy[f.Key].Find(v)?.Label ?? v))
                .ToList());

    /// <summary>
    /// The département (of a département or commune the query named) and the region of each place the query named, then the
    /// scale it named by its terms (« pays du Sud »), unless already selected, when some results are there: « du 59 » offers the
    /// Nord before the Hauts-de-France.
    /// </summary>
    public static List<OfferedFilter> OfferedFilters(IReadOnlyList<Concept> concepts, IReadOnlyList<FacetResult> facets)
    {
        var places = concepts.OfType<PlaceConcept>().Select(p => p.Place).ToList();
        var departments = places.Where(p => p.Kind != PlaceKind.Region).Select(p => p.Kind == PlaceKind.Department ? p.Code : p.Department);
        var scales = concepts.OfType<FacetConcept>().Where(c => c.Facet == CaseStudySchema.Scales.Key).Select(c => c.Value);
        return Offered(CaseStudySchema.Departments.Key, departments).Concat(Offered(CaseStudySchema.Regions.Key, places.Select(p => p.Region)))
            .Concat(Offered(CaseStudySchema.Scales.Key, scales)).ToList();

        IEnumerable<OfferedFilter> Offered(string facet, IEnumerable<string> values)
        {
            var counted = facets.FirstOrDefault(f => f.Key == facet)?.Values ?? [];
            return values.Distinct()
                .Select(value => counted.FirstOrDefault(v => v.Value == value))
                .Where(v => v is { Selected: false, Count: > 0 })
                .Select(v => new OfferedFilter(facet, v!.Value, v.Label, v.Count));
        }
    }
}
