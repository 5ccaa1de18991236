using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Api;
using ImpactAlliances.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace ImpactAlliances.Web.Pages.Themes;

/// <summary>One theme: a facet value's definition, its number of cases and its cases, most recent first.</summary>
[OutputCache(PolicyName = ApiEndpoints.SearchPages)]
public sealed class ThemeModel(ICaseStudySearch search, TimeProvider clock) : PageModel
{
    /// <summary>The facet of the theme.</summary>
    public TaxonomyFacet Facet { get; private set; } = null!;

    /// <summary>The value of the theme.</summary>
    public TaxonomyValue Value { get; private set; } = null!;

    /// <summary>The family the value belongs to (domains), or null.</summary>
    public TaxonomyValue? Family { get; private set; }

    /// <summary>The other values of the same family.</summary>
    public IReadOnlyList<TaxonomyValue> Siblings { get; private set; } = [];

    /// <summary>The state of the page (its paging), for the pager.</summary>
    public SearchState State { get; private set; } = new();

    /// <summary>The theme's cases.</summary>
    public SearchResult Result { get; private set; } = null!;

    /// <summary>The theme as a search: its filter alone, for the links to the search page and the export.</summary>
    public SearchState AsSearch { get; private set; } = new();

    /// <summary>
    /// The search the URL asks beside the theme (words, other filters, years), which a theme's page does not run: the page
    /// says so and links to it in the search, the theme's filter kept; null when the URL asks none.
    /// </summary>
    public SearchState? AskedSearch { get; private set; }

    /// <summary>Shows the theme, or 404 for an unknown facet or value.</summary>
    public IActionResult OnGet(string? facet, string? value)
    {
        // Segments of white space only reach here as null.
        var key = string.IsNullOrWhiteSpace(facet) || string.IsNullOrWhiteSpace(value) ? null : ThemeRoutes.FacetOf(facet);
        var taxonomyFacet = key is null ? null : search.Taxonomy.Find(key);
        if (taxonomyFacet?.Find(value!) is not { } found)
        {
            return NotFound();
        }
        (Facet, Value) = (taxonomyFacet, found);
        Family = taxonomyFacet.Families.FirstOrDefault(f => f.Slug == found.Parent);
        Siblings = Family is null ? [] : taxonomyFacet.Values.Where(v => v.Parent == Family.Slug && v.Slug != found.Slug).ToList();
        var asked = SearchState.FromQuery(Request.Query, clock);
        AsSearch = SearchState.For(key!, found.Slug);
        var askedInTheme = asked.HasCriteria ? (asked with { Page = 1, Size = null, Sort = null }).With(key!, found.Slug) : null;
        // The theme's own filter alone (« ?domains=mobilite » on Mobilité's page) asks what the page shows.
        AskedSearch = askedInTheme?.ToUrl() == AsSearch.ToUrl() ? null : askedInTheme;
        // The page reads only its paging and order: of what the URL got wrong, it notes only those.
        State = asked.WithoutFilters() with
        {
            Path = Request.Path, Query = "", Page = asked.Page,
            Unread = [.. asked.Unread.Where(u => (u.Meant ?? u.Key) is SearchState.PageKey or SearchState.SizeKey or SearchState.SortKey)],
        };
        Result = search.Search(new SearchRequest
        {
            Filters = new Dictionary<string, IReadOnlyList<string>> { [key!] = [found.Slug] },
            Page = State.Page,
            Size = State.Size,
            Sort = State.Sort ?? SearchSort.Recent,
        });
        return Page();
    }
}
