using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Web.Search;

/// <summary>The French URL segment of each facet's theme pages (<c>/themes/domaines/mobilite</c>).</summary>
public static class ThemeRoutes
{
    private static readonly Dictionary<string, string> SegmentByFacet = CaseStudySchema.Facets.ToDictionary(f => f.Key, f => f.ThemeSegment);

    private static readonly Dictionary<string, string> FacetBySegment = SegmentByFacet.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>The facets that have theme pages, in schema order.</summary>
    public static IEnumerable<string> Facets => CaseStudySchema.FacetKeys;

    /// <summary>The address of a value's theme page.</summary>
    public static string Url(string facet, string value) => $"/themes/{SegmentByFacet[facet]}/{Uri.EscapeDataString(value)}";

    /// <summary>The facet key of a URL segment, or null.</summary>
    public static string? FacetOf(string segment) => FacetBySegment.GetValueOrDefault(segment);
}
