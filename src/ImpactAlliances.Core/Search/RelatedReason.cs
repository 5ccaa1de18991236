namespace ImpactAlliances.Core.Search;

/// <summary>A case close to another, and why, in French ("même domaine (Mobilité) et mêmes types d'acteurs, autre région").</summary>
public sealed record RelatedCase(SearchHit Hit, string Reason);

/// <summary>Says in words what two cases share.</summary>
internal static class RelatedReason
{
    public static string Of(IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> source, IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> other)
    {
        var shared = new List<string>();
        var domains = Common(source, other, CaseStudySchema.Domains.Key);
        if (domains.Count > 0)
        {
            shared.Add(domains.Count == 1 ? $"même domaine ({domains[0]})" : $"mêmes domaines ({string.Join(", ", domains)})");
        }
        if (Common(source, other, CaseStudySchema.PartnershipTypes.Key) is [var type])
        {
            shared.Add($"même type de partenariat ({type})");
        }
        if (Values(source, CaseStudySchema.Actors.Key) is { Count: > 0 } actors && actors.SetEquals(Values(other, CaseStudySchema.Actors.Key)))
        {
            shared.Add("mêmes types d'acteurs");
        }
        var regions = Common(source, other, CaseStudySchema.Regions.Key);
        var territory = regions.Count > 0 ? $"même région ({string.Join(", ", regions)})"
            : Values(source, CaseStudySchema.Regions.Key).Count > 0 && Values(other, CaseStudySchema.Regions.Key).Count > 0 ? "autre région"
            : null;
        var reason = shared.Count switch
        {
            0 => "contenu proche",
            1 => shared[0],
            _ => $"{string.Join(", ", shared.SkipLast(1))} et {shared[^1]}",
        };
        return territory is null ? Capitalise(reason) : Capitalise($"{reason}, {territory}");
    }

    private static List<string> Common(IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> a, IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> b, string key)
    {
        var other = Values(b, key);
        return (a.GetValueOrDefault(key) ?? []).Where(v => other.Contains(v.Value)).Select(v => v.Label).ToList();
    }

    private static HashSet<string> Values(IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> facets, string key) =>
        (facets.GetValueOrDefault(key) ?? []).Select(v => v.Value).ToHashSet();

    private static string Capitalise(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);
}
