using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Web.Map;

/// <summary>The level a map counts at.</summary>
public enum MapLevel
{
    /// <summary>Regions (the <c>regions</c> facet).</summary>
    Regions,
    /// <summary>Départements (the <c>departments</c> facet).</summary>
    Departments,
}

/// <summary>An area of the map: the filter it stands for, its count and colour step, and its outline.</summary>
/// <param name="Facet">The facet key (<c>regions</c>, <c>departments</c>).</param>
/// <param name="Value">The facet value (<c>bretagne</c>, <c>35</c>).</param>
/// <param name="Label">French name.</param>
/// <param name="Count">Number of the current results there.</param>
/// <param name="Step">Colour step, 0 (no result) to <see cref="Choropleth.Steps"/>.</param>
/// <param name="D">SVG path data.</param>
/// <param name="Selected">Whether the filter is already selected.</param>
public sealed record ChoroplethArea(string Facet, string Value, string Label, int Count, int Step, string D, bool Selected)
{
    /// <summary>The frame of an overseas inset (x, y, width, height); null on the metropolitan map.</summary>
    public IReadOnlyList<double>? Box { get; init; }
}

/// <summary>A class of the legend: counts from <paramref name="From"/> to <paramref name="To"/>, drawn in colour step <paramref name="Step"/>.</summary>
public sealed record ChoroplethClass(int Step, int From, int To);

/// <summary>A choropleth of search results on the map of France, at one level, with its classes.</summary>
public sealed record Choropleth(MapLevel Level, IReadOnlyList<ChoroplethArea> Areas, IReadOnlyList<ChoroplethArea> Insets, IReadOnlyList<ChoroplethClass> Classes)
{
    /// <summary>Number of colour steps (CSS classes <c>map-c1</c> to <c>map-c5</c>; <c>map-c0</c> is no result).</summary>
    public const int Steps = 5;

    /// <summary>The facet a level counts with.</summary>
    public static string FacetOf(MapLevel level) => level == MapLevel.Regions ? CaseStudySchema.Regions.Key : CaseStudySchema.Departments.Key;

    /// <summary>
    /// Colours the map with the results' own counts (<see cref="ResultStatistics.Facets"/>, every filter applied, as the
    /// statistics page counts them): a map of « these results » that shaded a selected region's neighbours with the cases
    /// its filter leaves out (the filter panel's drill-sideways counts) contradicted its heading and the statistics.
    /// </summary>
    public static Choropleth Of(FranceMap map, ResultStatistics statistics, Taxonomy taxonomy, MapLevel level)
    {
        var facet = taxonomy[FacetOf(level)];
        var counts = statistics.Facet(facet.Key).Values.ToDictionary(v => v.Value);
        string ValueOf(string code, string region) => level == MapLevel.Regions ? FranceMap.RegionSlug(region) : code;
        ChoroplethArea Area(string value, string d) => counts.GetValueOrDefault(value) is { } count
            ? new(facet.Key, value, count.Label, count.Count, 0, d, count.Selected)
            : new(facet.Key, value, facet.Find(value)?.Label ?? value, 0, 0, d, false);

        var outlines = level == MapLevel.Regions ? map.Regions : map.Departments;
        var areas = outlines.Select(o => Area(ValueOf(o.Code, o.Code), o.D)).ToList();
        var insets = map.Insets.Select(i => Area(ValueOf(i.Code, i.Region), i.D) with { Box = i.Box }).ToList();
        var classes = ClassesOf(areas.Concat(insets).Select(a => a.Count));
        ChoroplethArea Coloured(ChoroplethArea a) => a with { Step = classes.FirstOrDefault(c => a.Count >= c.From && a.Count <= c.To)?.Step ?? 0 };
        return new Choropleth(level, areas.Select(Coloured).ToList(), insets.Select(Coloured).ToList(), classes);
    }

    /// <summary>Up to <see cref="Steps"/> classes of about as many areas each (quantiles of the non-zero counts).</summary>
    public static IReadOnlyList<ChoroplethClass> ClassesOf(IEnumerable<int> counts)
    {
        var sorted = counts.Where(c => c > 0).Order().ToList();
        var uppers = Enumerable.Range(1, Steps)
            .Select(k => sorted.Count == 0 ? 0 : sorted[(int)Math.Ceiling(k * sorted.Count / (double)Steps) - 1])
            .Where(upper => upper > 0)
            .Distinct()
            .ToList();
        var classes = new List<ChoroplethClass>(uppers.Count);
        var from = 1;
        for (var i = 0; i < uppers.Count; i++)
        {
            // Few classes spread over the whole scale, so that the lightest and darkest stay apart.
            var step = uppers.Count == 1 ? Steps : 1 + (int)Math.Round(i * (Steps - 1.0) / (uppers.Count - 1));
            classes.Add(new ChoroplethClass(step, from, uppers[i]));
            from = uppers[i] + 1;
        }
        return classes;
    }
}
