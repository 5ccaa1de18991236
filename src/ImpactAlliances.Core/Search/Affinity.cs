using ImpactAlliances.Core.Schema;
namespace ImpactAlliances.Core.Search;

/// <summary>A case close to another, and what they share.</summary>
public sealed record RelatedCase(SearchHit Hit, Affinity Shared);

/// <summary>
/// What two cases share, as labels: their common domains, their partnership type when the same, whether their actor
/// profiles are the same set, and their common regions (or <see cref="RegionsDiffer"/>: both name regions, none in common).
/// The site words it (the web project's <c>Wording</c>).
/// </summary>
public sealed record Affinity(IReadOnlyList<string> Domains, string? PartnershipType, bool SameActors, IReadOnlyList<string> Regions, bool RegionsDiffer)
{
    /// <summary>What <paramref name="other"/> shares with <paramref name="source"/>, from both cases' facet labels.</summary>
    public static Affinity Between(IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> source, IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> other)
    {
        var regions = Common(source, other, CaseStudySchema.Regions.Key);
        return new Affinity(
            Common(source, other, CaseStudySchema.Domains.Key),
            Common(source, other, CaseStudySchema.PartnershipTypes.Key) is [var type] ? type : null,
            Values(source, CaseStudySchema.Actors.Key) is { Count: > 0 } actors && actors.SetEquals(Values(other, CaseStudySchema.Actors.Key)),
            regions,
            regions.Count == 0 && Values(source, CaseStudySchema.Regions.Key).Count > 0 && Values(other, CaseStudySchema.Regions.Key).Count > 0);
    }

    private static List<string> Common(IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> a, IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> b, string key)
    {
        var other = Values(b, key);
        return (a.GetValueOrDefault(key) ?? []).Where(v => other.Contains(v.Value)).Select(v => v.Label).ToList();
    }

    private static HashSet<string> Values(IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> facets, string key) =>
        (facets.GetValueOrDefault(key) ?? []).Select(v => v.Value).ToHashSet();
}
