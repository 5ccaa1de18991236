using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// When the pages say how many of the cases found hold every term of the search (<c>_AllWordsNote</c>): the view's two
/// cases, read here so that a page renders the view only when it says something (it says nothing on most pages).
/// </summary>
public static class AllWordsNote
{
    /// <summary>Every term is required, and that finds fewer cases than the search otherwise would: the way back is offered.</summary>
    public static bool Narrowed(SearchState state, SearchResult result) => state.AllWords && result.AllWordsNarrows;

    /// <summary>
    /// How many of the cases counted hold every term, when fewer than all do and the search was not widened from none
    /// (which its own note says); null when the note does not say it.
    /// </summary>
    public static int? Holding(SearchResult result) =>
        result.AllWordsTotal is { } allWords && allWords < result.Counted && !(result.Relaxed && result.StrictTotal == 0) ? allWords : null;

    /// <summary>Whether the note says anything.</summary>
    public static bool Says(SearchState state, SearchResult result) => Narrowed(state, result) || Holding(result) is not null;
}
