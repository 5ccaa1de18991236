using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ImpactAlliances.Web.Pages.Themes;

/// <summary>All themes: every value of every facet with its number of cases.</summary>
public sealed class IndexModel(ICaseStudySearch search) : PageModel
{
    /// <summary>The vocabularies.</summary>
    public Taxonomy Taxonomy { get; private set; } = null!;

    /// <summary>Number of cases of each value, by facet key and value.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, int>> Counts { get; private set; } = null!;

    /// <summary>Number of cases in all.</summary>
    public int Total { get; private set; }

    /// <summary>Counts every value over the whole corpus.</summary>
    public void OnGet()
    {
        var result = search.Search(new SearchRequest { Size = 1 });
        Taxonomy = search.Taxonomy;
        Total = result.Total;
        Counts = result.Facets.ToDictionary(f => f.Key, f => f.Values.ToDictionary(v => v.Value, v => v.Count));
    }

    /// <summary>The number of cases of a value (0 when none).</summary>
    public int CountOf(string facet, string value) => Counts[facet].GetValueOrDefault(value);
}
