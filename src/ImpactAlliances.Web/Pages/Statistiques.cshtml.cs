using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ImpactAlliances.Web.Pages;

/// <summary>The statistics of the current results: same URL parameters as the search page.</summary>
public sealed class StatistiquesModel(ICaseStudySearch search, TimeProvider clock) : PageModel
{
    /// <summary>The search state read from the URL; its links lead to the search page.</summary>
    public SearchState State { get; private set; } = new();

    /// <summary>The counts.</summary>
    public ResultStatistics Statistics { get; private set; } = null!;

    /// <summary>Counts the results the URL describes.</summary>
    public void OnGet()
    {
        State = SearchState.FromQuery(Request.Query, clock);
        Statistics = search.Statistics(State.ToRequest());
    }
}
