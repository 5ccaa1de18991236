using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ImpactAlliances.Web.Pages;

/// <summary>The search page: box, facets with counts, results, paging; all state in the URL.</summary>
public sealed class IndexModel(ICaseStudySearch search) : PageModel
{
    /// <summary>The state read from the URL.</summary>
    public SearchState State { get; private set; } = new();

    /// <summary>The answer.</summary>
    public SearchResult Result { get; private set; } = null!;

    /// <summary>Runs the search the URL describes.</summary>
    public void OnGet()
    {
        State = SearchState.FromQuery(Request.Query);
        Result = search.Search(State.ToRequest());
    }
}
