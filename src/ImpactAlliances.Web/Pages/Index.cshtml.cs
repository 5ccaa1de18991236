using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Api;
using ImpactAlliances.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.WebUtilities;

namespace ImpactAlliances.Web.Pages;

/// <summary>The search page: box, facets with counts, results, paging; all state in the URL.</summary>
[OutputCache(PolicyName = ApiEndpoints.SearchPages)]
public sealed class IndexModel(ICaseStudySearch search, TimeProvider clock) : PageModel
{
    /// <summary>The state read from the URL.</summary>
    public SearchState State { get; private set; } = new();

    /// <summary>The answer.</summary>
    public SearchResult Result { get; private set; } = null!;

    /// <summary>The latest year a range may start from (<see cref="SearchState.LatestYear"/>): the year fields' bound.</summary>
    public int LatestYear => SearchState.LatestYear(clock);

    /// <summary>The earliest start year of the cases served, or null: the first year field's placeholder.</summary>
    public int? EarliestYear => search.Served.EarliestYear;

    /// <summary>
    /// The state as searched: its misspelt words corrected, so that the count is said « pour » the words that found its
    /// cases, not « pour « mobilté solidaire » » above « Résultats pour « mobilité solidaire » ».
    /// </summary>
    public SearchState Searched => State with { Query = Result.SearchedQuery };

    /// <summary>
    /// How many cases the page lists, in words (« Aucun exemple », « 12 exemples »): the title, the description and the
    /// heading; a widened search's list goes past the cases holding the essential words, which <see cref="CountedSaid"/> names.
    /// </summary>
    public string CountSaid => Wording.Count(Result.Total);

    /// <summary>After the words searched, how many of the cases listed hold the essential words (a widened search), or nothing.</summary>
    public string CountedSaid => Wording.OfWhichEssential(Result);

    /// <summary>What was searched, as the count is said « pour » it, or nothing when no word was searched.</summary>
    public string QuerySaid => Result.NothingSearched ? "" : Wording.ForQuery(Searched);

    /// <summary>Runs the search the URL describes, or sends a URL with empty fields (a form sent without the page's script) to its clean form.</summary>
    public IActionResult OnGet()
    {
        State = SearchState.FromQuery(Request.Query, clock);
        if (SearchState.NeedsCleaning(Request.Query))
        {
            // A misspelt name goes along, which the state does not hold: the clean page says it and links to the search meant;
            // so does an undated value that is neither 0 nor 1, which the clean page says it did not apply.
            return Redirect(QueryHelpers.AddQueryString(State.ToUrl(),
                State.Unread.Where(u => (u.Meant is not null || u.Key == SearchState.UndatedKey) && u.Value.Length > 0)
                    .Select(u => KeyValuePair.Create(u.Key, (string?)u.Value))));
        }
        Result = search.Search(State.ToRequest());
        return Page();
    }

    /// <summary>
    /// The page's title: what was searched, the filters, the years and the page, so that tabs, history and
    /// bookmarks tell searches apart.
    /// </summary>
    public string Title()
    {
        if (!State.HasCriteria && Result.Page == 1)
        {
            return "Rechercher un exemple d'alliance";
        }
        var parts = new List<string>
        {
            CountSaid + QuerySaid + CountedSaid,
        };
        parts.AddRange(Result.Facets.Where(f => f.Values.Any(v => v.Selected))
            .Select(f => $"{f.Label} : {string.Join(", ", f.Values.Where(v => v.Selected).Select(v => v.Label))}"));
        if (Result.Years.From is not null || Result.Years.To is not null)
        {
            parts.Add($"années {Result.Years.From?.ToString(Formats.French) ?? "…"}–{Result.Years.To?.ToString(Formats.French) ?? "…"}"
                + (Result.IncludeUndated ? "" : " (cas datés seulement)"));
        }
        if (Result.Page > 1)
        {
            parts.Add($"page {Result.Page}");
        }
        return string.Join(" · ", parts);
    }
}
