using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
namespace ImpactAlliances.Core.Search;

/// <summary>How results are ordered.</summary>
public enum SearchSort
{
    /// <summary>Best match first.</summary>
    Relevance,
    /// <summary>Most recently updated first.</summary>
    Recent,
    /// <summary>By title, A to Z.</summary>
    Title,
    /// <summary>By start year, most recent first; cases without a year last.</summary>
    Year,
}

/// <summary>A search as a person or a client asks for it; <see cref="SearchRunner"/> normalizes it (page size, window).</summary>
public sealed record SearchRequest
{
    /// <summary>The text typed, in the syntax of <see cref="UserQuery"/>.</summary>
    public string? Query { get; init; }
    /// <summary>Selected facet values by facet key; values of one facet combine with OR, facets with AND.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>Facets whose selected values a case must all have, rather than any one of them.</summary>
    public IReadOnlyCollection<string> AllOf { get; init; } = [];
    /// <summary>1-based page.</summary>
    public int Page { get; init; } = 1;
    /// <summary>Results per page; null for the configured default.</summary>
    public int? Size { get; init; }
    /// <summary>Order; null for relevance with words to search and most recent without (none, or only excluded ones).</summary>
    public SearchSort? Sort { get; init; }
    /// <summary>Earliest start year.</summary>
    public int? YearFrom { get; init; }
    /// <summary>Latest start year.</summary>
    public int? YearTo { get; init; }
    /// <summary>Whether a year range keeps the cases whose start year is not known (the default), or leaves them out.</summary>
    public bool IncludeUndated { get; init; } = true;
    /// <summary>Search the words as typed, without spelling correction.</summary>
    public bool Literal { get; init; }
    /// <summary>
    /// Find only the cases holding every term of the query (each with its synonyms and word family), where a search
    /// otherwise finds those holding the rarer half of them: what a person counting cases asks for.
    /// </summary>
    public bool AllWords { get; init; }
}

/// <summary>The answer to a search.</summary>
public sealed record SearchResult(
    string Query,
    int Total,
    int Page,
    int Size,
    SearchSort Sort,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<FacetResult> Facets)
{
    /// <summary>Misspelt words that were replaced; empty when the query was searched as typed.</summary>
    public IReadOnlyList<Correction> Corrections { get; init; } = [];

    /// <summary>
    /// Whether the query was read as a question in English, some of its words written by no case, and so searched as typed,
    /// not corrected word by word: the cases are written in French, which the page says and the API's <c>query_in_english</c>.
    /// </summary>
    public bool QueryInEnglish { get; init; }

    /// <summary>
    /// Words of French that no case writes, searched as typed (not misspelt, so not replaced), each with the closest word of
    /// the cases, and each typed word once however many times the query types it: what the page offers as « Vouliez-vous
    /// dire … ? » and the API lists as <c>did_you_mean</c>. Given every place the query types one (the corrector's
    /// <c>Offered</c>), which <see cref="OfferedQuery"/> replaces.
    /// </summary>
    public IReadOnlyList<Correction> Offered
    {
        get => _offered;
        init => (_offeredWhereTyped, _offered) = (value, [.. value.DistinctBy(o => o.From)]);
    }

    private readonly IReadOnlyList<Correction> _offered = [], _offeredWhereTyped = [];

    /// <summary>
    /// The query as it was searched: cut to <see cref="UserQuery.MaxLength"/> (<see cref="UserQuery.Cut"/>) and corrected;
    /// equal to <see cref="Query"/> when neither.
    /// </summary>
    public string SearchedQuery => UserQuery.ReplaceWords(UserQuery.Cut(Query), Corrections);

    /// <summary>
    /// Few cases held enough of the rarer words (<see cref="StrictTotal"/>): they come first, followed by the
    /// cases holding some of the words. <see cref="Total"/> counts both, for paging; the facets count only the first
    /// when there are any (<see cref="Counted"/>).
    /// </summary>
    public bool Relaxed { get; init; }

    /// <summary>When <see cref="Relaxed"/>, how many cases held enough of the rarer words.</summary>
    public int StrictTotal { get; init; }

    /// <summary>
    /// The cases the facets, the year counts, the exports, the statistics and the map count: those holding enough of
    /// the words. Only when none does are the cases holding some of them counted (<see cref="Total"/>).
    /// </summary>
    public int Counted => Relaxed && StrictTotal > 0 ? StrictTotal : Total;

    /// <summary>When <see cref="Relaxed"/>, the cases listed after those counted, holding only some of the words.</summary>
    public int Partial => Total - Counted;

    /// <summary>
    /// How many of the cases counted hold every term of the query, when some may hold only part of them (the search
    /// asks for the rarer half, or was widened); null when the search already required every term
    /// (<see cref="SearchRequest.AllWords"/>, or terms all required anyway), or found nothing.
    /// </summary>
    public int? AllWordsTotal { get; init; }

    /// <summary>
    /// Whether requiring every term (<see cref="SearchRequest.AllWords"/>) finds fewer cases than the search otherwise would:
    /// not for one word, a phrase, or terms the search requires anyway.
    /// </summary>
    public bool AllWordsNarrows { get; init; }

    /// <summary>
    /// When none of the cases counted holds every term (<see cref="AllWordsTotal"/> 0): the clauses of the query, as typed
    /// (corrected), that no case within the filters holds, so that a page can say which part of the question its cases miss
    /// (« covoiturage solidaire » in Corse among universities finds student groceries holding only « solidaire »).
    /// </summary>
    public IReadOnlyList<string> TermsHeldByNone { get; init; } = [];

    /// <summary>
    /// When none of the cases counted holds every term and filters or a year range are applied: how many cases hold every
    /// term without them (the filters, not the words, being what left none).
    /// </summary>
    public int? AllWordsWithoutFilters { get; init; }

    /// <summary>
    /// A query was typed but holds no word to search (punctuation, an emoji, only small or stop words, a lone operator):
    /// every case matches, and the page says why rather than claiming them all « pour » that query.
    /// </summary>
    public bool NothingSearched { get; init; }

    /// <summary>
    /// The query only excludes words (« -vélo »): every case it finds scores the same, so they come in the order of their
    /// last update, as without a query.
    /// </summary>
    public bool OnlyExclusions { get; init; }

    /// <summary>
    /// Nothing in the query weighs (no query, <see cref="NothingSearched"/> or <see cref="OnlyExclusions"/>): every case
    /// found scores the same, the default order is the last update's, and ordering by relevance would change nothing.
    /// Set from the query searched (<see cref="TextQuery.NothingWeighs"/>, which decides it); the API's JSON is
    /// its own contract and does not carry it.
    /// </summary>
    public bool NothingWeighs { get; init; }

    /// <summary>The year range applied, if any.</summary>
    public (int? From, int? To) Years { get; init; }

    /// <summary>Whether the year range kept the cases without a known start year.</summary>
    public bool IncludeUndated { get; init; } = true;

    /// <summary>How many cases counted (<see cref="Counted"/>) have no known start year, whatever the year range.</summary>
    public int Undated { get; init; }

    /// <summary>With no result: how many results each facet's filter would give if removed (and the year range).</summary>
    public IReadOnlyList<FilterRemoval> FilterRemovals { get; init; } = [];

    /// <summary>With no result: other queries worth trying, with their number of results.</summary>
    public IReadOnlyList<QuerySuggestion> QuerySuggestions { get; init; } = [];

    /// <summary>The facet values, places and organisations the query's words named.</summary>
    public IReadOnlyList<Concept> Concepts { get; init; } = [];

    /// <summary>Filter values of the request that the taxonomy does not have: they were not applied.</summary>
    public IReadOnlyList<UnknownFilter> UnknownFilters { get; init; } = [];

    /// <summary>
    /// The départements and regions of the places the query named, then the scale it named, not yet selected, with the results
    /// they would keep.
    /// </summary>
    public IReadOnlyList<OfferedFilter> OfferedFilters { get; init; } = [];

    /// <summary>The query as typed (cut) with every offered word (<see cref="Offered"/>) put in wherever it was typed: the search the page offers.</summary>
    public string OfferedQuery => UserQuery.ReplaceWords(UserQuery.Cut(Query), _offeredWhereTyped);

    /// <summary>Number of pages, at least 1.</summary>
    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);

    /// <summary>Whether any facet value is selected.</summary>
    public bool HasFilters => Facets.Any(f => f.Values.Any(v => v.Selected));
}

/// <summary>A filter value the taxonomy does not have, and the closest value it has.</summary>
/// <param name="Facet">The facet key (the URL parameter).</param>
/// <param name="FacetLabel">The facet's French label.</param>
/// <param name="Value">The value as given.</param>
/// <param name="Suggestion">The value it most likely means (<see cref="ValueGuess"/>), when there is one.</param>
public sealed record UnknownFilter(string Facet, string FacetLabel, string Value, FacetLabel? Suggestion)
{
    /// <summary>The filter values the taxonomy does not have, each with the closest value it has.</summary>
    public static IReadOnlyList<UnknownFilter> In(Content.Taxonomy taxonomy, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var unknown = new List<UnknownFilter>();
        // Most searches have no filter: asked twice per request (the API's refusal, the search), no facet is looked at then.
        if (filters.Count == 0)
        {
            return unknown;
        }
        foreach (var facet in CaseStudySchema.Facets.Select(f => taxonomy[f.Key]))
        {
            foreach (var value in (filters.GetValueOrDefault(facet.Key) ?? []).Where(v => v.Length > 0 && !facet.Contains(v)))
            {
                // One value to offer: a name shared by several (« alpes ») offers none.
                var suggestion = ValueGuess.For(facet, value) is { Values: [var guess] } ? new FacetLabel(guess.Slug, guess.Label) : null;
                unknown.Add(new UnknownFilter(facet.Key, facet.Label, value, suggestion));
            }
        }
        return unknown;
    }
}

/// <summary>
/// A filter offered because the query named a place in it or a scale: "Filtrer sur la région Bretagne ?", "Filtrer sur l'échelle
/// Internationale ?".
/// </summary>
/// <param name="Facet">The facet key (<c>departments</c>, <c>regions</c> or <c>scales</c>).</param>
/// <param name="Value">The value's slug.</param>
/// <param name="Label">The value's label.</param>
/// <param name="Count">How many of the current results it keeps.</param>
public sealed record OfferedFilter(string Facet, string Value, string Label, int Count);

/// <summary>What removing one filter would give.</summary>
/// <param name="Key">Facet key, <see cref="Years"/> for the year range, or <see cref="All"/>.</param>
/// <param name="Label">The facet's label (taxonomy); null for the year range and for all filters, which the site words.</param>
/// <param name="Values">Labels of the selected values.</param>
/// <param name="Count">Results without that filter.</param>
public sealed record FilterRemoval(string Key, string? Label, IReadOnlyList<string> Values, int Count)
{
    /// <summary>The key of the removal of the year range.</summary>
    public const string Years = "years";

    /// <summary>The key of the removal of every filter at once.</summary>
    public const string All = "all";
}

/// <summary>A query to try instead, and its number of results.</summary>
public sealed record QuerySuggestion(string Query, int Count);

/// <summary>One result.</summary>
public sealed record SearchHit(
    string Slug,
    string Title,
    string Summary,
    string? Snippet,
    DateOnly Updated,
    int? Year,
    IReadOnlyList<string> Organisations,
    IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> Facets,
    float Score);

/// <summary>A facet value with its French label.</summary>
public sealed record FacetLabel(string Value, string Label);

/// <summary>The counts of one facet, and the families its values are grouped in (domains).</summary>
public sealed record FacetResult(string Key, string Label, IReadOnlyList<FacetCount> Values)
{
    /// <summary>Groups of values, in taxonomy order; empty when the facet has none.</summary>
    public IReadOnlyList<FacetFamily> Families { get; init; } = [];
}

/// <summary>A family of values: its slug, label and the slugs of its values.</summary>
public sealed record FacetFamily(string Slug, string Label, IReadOnlyList<string> Values);

/// <summary>One facet value: how many results it would give, and whether it is selected.</summary>
public sealed record FacetCount(string Value, string Label, int Count, bool Selected);
