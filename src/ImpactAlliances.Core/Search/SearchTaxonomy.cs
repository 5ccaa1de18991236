using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Places;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// The taxonomy the search facets count on: the content's, plus what follows from it and the official split,
/// which editors neither write nor choose: the regions' « National / sans région » bucket, and the départements,
/// grouped by region (their families), for the région › département drill-down.
/// </summary>
public static class SearchTaxonomy
{
    /// <summary>The content taxonomy extended for searching; case files are still validated against the content's.</summary>
    public static Taxonomy Of(Taxonomy content, PlaceGazetteer gazetteer)
    {
        var regions = content[CaseStudySchema.Regions.Key];
        var noRegion = new TaxonomyValue(CaseStudySchema.NoRegion, "National / sans région",
            "Alliances qui ne citent aucune région : nationales, internationales ou sans lieu précis.", null);
        var withBucket = new TaxonomyFacet(regions.Key, regions.Label, regions.Description, [.. regions.Values, noRegion], regions.Families);
        var departments = new TaxonomyFacet(CaseStudySchema.Departments.Key, "Départements",
            "Départements où l'alliance agit, d'après le lieu indiqué (commune ou département).",
            gazetteer.Places
                .Where(p => p.Kind == PlaceKind.Department && regions.Contains(p.Region))
                .Select(p => new TaxonomyValue(p.Code, p.Name, null, p.Region))
                .ToList(),
            regions.Values);
        return new Taxonomy(content.Facets.Where(f => f.Key != regions.Key).Append(withBucket).Append(departments));
    }
}
