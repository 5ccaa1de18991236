using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// The taxonomy the search facets count on: the content's, plus what follows from it and the official split,
/// which editors neither write nor choose: the regions' « National / sans région » value (its <c>otherwise</c>),
/// and the départements, grouped by region (their families), for the région › département drill-down. Labels
/// are the content's (<c>taxonomy.yml</c>).
/// </summary>
public static class SearchTaxonomy
{
    /// <summary>The content taxonomy extended for searching; case files are still validated against the content's.</summary>
    public static Taxonomy Of(Taxonomy content, PlaceGazetteer gazetteer)
    {
        var regions = content[CaseStudySchema.Regions.Key];
        var withOtherwise = new TaxonomyFacet(regions.Key, regions.Label, regions.Description, [.. regions.Values, .. regions.Otherwise], regions.Families);
        var declared = content[CaseStudySchema.Departments.Key];
        var departments = new TaxonomyFacet(declared.Key, declared.Label, declared.Description,
            gazetteer.Places
                .Where(p => p.Kind == PlaceKind.Department && regions.Contains(p.Region))
                .Select(p => new TaxonomyValue(p.Code, p.Name, null, p.Region))
                .ToList(),
            regions.Values);
        return new Taxonomy(content.Facets.Where(f => f.Key != regions.Key && f.Key != departments.Key).Append(withOtherwise).Append(departments));
    }
}
