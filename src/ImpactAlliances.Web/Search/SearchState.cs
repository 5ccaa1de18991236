using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// The state of the search page as it stands in the URL: text, selected facet values, sort and page.
/// Every link of the page is this state with one change, so a page can be shared, bookmarked and
/// reached with the back button.
/// </summary>
public sealed partial record SearchState
{
    /// <summary>Query-string keys.</summary>
    public const string QueryKey = "q", PageKey = "page", SizeKey = "size", SortKey = "sort",
        YearFromKey = "year_from", YearToKey = "year_to", UndatedKey = "undated", LiteralKey = "literal", AllKey = "all",
        AllWordsKey = "all_words";

    /// <summary>The text searched and shown: the text typed (<see cref="TypedQuery"/>), cut between words at <see cref="UserQuery.MaxLength"/>.</summary>
    public string Query { get; init; } = "";

    /// <summary>
    /// The text as typed, uncut: what the API searches (the search cuts it as <see cref="Query"/> is cut) and answers as
    /// <c>query</c>, beside the text searched. The same as <see cref="Query"/> unless the URL's text was too long.
    /// </summary>
    public string TypedQuery => Uncut ?? Query;

    /// <summary>The text typed when <see cref="Query"/> is its cut, else null: a state reads the same whether it was cut or never typed long.</summary>
    private string? Uncut { get; init; }
    /// <summary>Selected values by facet key, in the order they were chosen.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>Facets whose selected values a case must all have (<c>all=actors</c>), rather than any one of them.</summary>
    public IReadOnlySet<string> AllOf { get; init; } = new HashSet<string>();
    /// <summary>Requested order, or null for the default.</summary>
    public SearchSort? Sort { get; init; }
    /// <summary>1-based page.</summary>
    public int Page { get; init; } = 1;
    /// <summary>Requested page size, or null for the default.</summary>
    public int? Size { get; init; }
    /// <summary>Earliest start year, or null.</summary>
    public int? YearFrom { get; init; }
    /// <summary>Latest start year, or null.</summary>
    public int? YearTo { get; init; }
    /// <summary>Whether a year range keeps the cases without a known start year (the default; <c>undated=0</c> leaves them out).</summary>
    public bool IncludeUndated { get; init; } = true;
    /// <summary>Search the words as typed, without spelling correction.</summary>
    public bool Literal { get; init; }
    /// <summary>Find only the cases holding every term of the query (<see cref="SearchRequest.AllWords"/>).</summary>
    public bool AllWords { get; init; }
    /// <summary>
    /// The page the state's links lead to: the search page, a theme page, or a page with a parameter of its own that its
    /// links keep, written after the search's (the map by département: <c>/carte?niveau=departements</c>).
    /// </summary>
    public string Path { get; init; } = "/";
    /// <summary>
    /// What the URL asked that the state does not do: a year, page or sort that means nothing (<c>year_to=1</c>,
    /// <c>page=abc</c>) read as its default, a start year later than the current one (no case can have started then:
    /// applied, it would leave only the undated ones), a text longer than <see cref="UserQuery.MaxLength"/> cut there, and a
    /// parameter the page does not know whose name is close to one it knows (<c>domaine=emploi</c>: the reader meant a filter).
    /// The pages say so (<see cref="Wording.Unread"/>), as for an unknown filter value: a filter dropped without a word
    /// gives results that are not the ones asked for.
    /// </summary>
    public IReadOnlyList<UnreadParameter> Unread { get; init; } = [];

    /// <summary>
    /// The first and last years of a range, for the pages, the API and the form's fields alike: four digits. A start year
    /// is also no later than <see cref="LatestYear"/>.
    /// </summary>
    public const int FirstYear = 1000, LastYear = 9999;

    /// <summary>
    /// The latest year a range may start from: the current year, read from the site's clock. The API refuses a later
    /// <c>year_from</c> and the pages leave it out, as a year that is not one.
    /// </summary>
    public static int LatestYear(TimeProvider clock) => clock.GetUtcNow().Year;

    /// <summary>
    /// Whether the year range runs backwards (<c>year_from</c> after <c>year_to</c>): the API refuses it; the pages
    /// leave it out of the search (<see cref="ToRequest"/>) and say so, as for an unknown filter value.
    /// </summary>
    public bool YearsInverted => YearFrom > YearTo;

    /// <summary>
    /// Whether the pages have something to say of the URL's parameters (<see cref="Unread"/>, <see cref="YearsInverted"/>;
    /// filter values the taxonomy lacks are the search result's <c>UnknownFilters</c>): the partial view that says it writes
    /// nothing otherwise, and is not rendered for nothing.
    /// </summary>
    public bool SaysParameters => Unread.Count > 0 || YearsInverted;

    /// <summary>The state with its year range the right way round; back to page 1.</summary>
    public SearchState WithYearsSwapped() => this with { YearFrom = YearTo, YearTo = YearFrom, Page = 1 };

    /// <summary>Whether the URL asked for anything beyond the defaults.</summary>
    public bool HasCriteria => Query.Length > 0 || Filters.Count > 0 || YearFrom is not null || YearTo is not null;

    /// <summary>The state without the year range; back to page 1.</summary>
    public SearchState WithoutYears() => this with { YearFrom = null, YearTo = null, IncludeUndated = true, Page = 1 };

    /// <summary>The state searching other text, keeping the filters; back to page 1.</summary>
    public SearchState WithQuery(string query, bool literal = false) => this with { Query = query, Uncut = null, Literal = literal, Page = 1 };

    /// <summary>The state without any filter (facets, years), the text searched the same way; back to page 1.</summary>
    public SearchState WithoutFilters() =>
        WithoutYears() with { Filters = new Dictionary<string, IReadOnlyList<string>>(), AllOf = new HashSet<string>() };

    /// <summary>The state finding only the cases holding every term of the query, or not; back to page 1.</summary>
    public SearchState WithAllWords(bool allWords) => this with { AllWords = allWords, Page = 1 };

    /// <summary>Selects every value of a group (a domain family), or deselects them all when all are selected.</summary>
    public SearchState ToggleAll(string facet, IReadOnlyList<string> values)
    {
        var current = Filters.GetValueOrDefault(facet) ?? [];
        var next = values.All(current.Contains)
            ? current.Where(v => !values.Contains(v)).ToList()
            : [.. current, .. values.Where(v => !current.Contains(v))];
        return WithFilter(facet, next);
    }

    /// <summary>The request the searcher runs.</summary>
    public SearchRequest ToRequest() => new()
    {
        Query = Query, Filters = Filters, AllOf = AllOf, Page = Page, Size = Size, Sort = Sort,
        YearFrom = YearsInverted ? null : YearFrom, YearTo = YearsInverted ? null : YearTo,
        IncludeUndated = IncludeUndated, Literal = Literal, AllWords = AllWords,
    };

    /// <summary>Whether a value is selected.</summary>
    public bool IsSelected(string facet, string value) => Filters.GetValueOrDefault(facet)?.Contains(value) ?? false;

    /// <summary>The state with a value selected if it was not, deselected if it was; back to page 1.</summary>
    public SearchState Toggle(string facet, string value)
    {
        var current = Filters.GetValueOrDefault(facet) ?? [];
        var next = current.Contains(value) ? current.Where(v => v != value).ToList() : [.. current, value];
        return WithFilter(facet, next);
    }

    /// <summary>The state with a value selected, whether it was or not; back to page 1: a result's chip, a suggestion or a map's area.</summary>
    public SearchState With(string facet, string value) => IsSelected(facet, value) ? this with { Page = 1 } : Toggle(facet, value);

    /// <summary>The state with no value of one facet selected; back to page 1.</summary>
    public SearchState Clear(string facet) => WithFilter(facet, []);

    /// <summary>The state with only one value selected in one facet and no text: a facet badge's link.</summary>
    public static SearchState For(string facet, string value) => new SearchState().WithFilter(facet, [value]);

    /// <summary>The search of a phrase as written (in quotes): a case's index term, the cases it describes.</summary>
    public static SearchState ForPhrase(string phrase) => new() { Query = $"\"{phrase}\"" };

    /// <summary>
    /// The state keeping, of its results, those that also have every one of <paramref name="values"/>: how a
    /// statistic's link adds its filter to the current ones; back to page 1. When the facet already requires
    /// all its values, or has at most one, the values join them; when it accepts any of several values,
    /// the link keeps the given values only (exact when they are among the selected ones).
    /// </summary>
    public SearchState Narrowed(string facet, params IReadOnlyList<string> values)
    {
        var current = Filters.GetValueOrDefault(facet) ?? [];
        var next = AllOf.Contains(facet) || current.Count <= 1 ? current.Union(values).ToList() : values.Distinct().ToList();
        var allOf = AllOf.Where(f => f != facet).ToHashSet();
        if (next.Count > 1)
        {
            allOf.Add(facet);
        }
        return WithFilter(facet, next) with { AllOf = allOf };
    }

    /// <summary>The state keeping the results that started in one year, without the undated ones; back to page 1.</summary>
    public SearchState WithYear(int year) => this with { YearFrom = year, YearTo = year, IncludeUndated = false, Page = 1 };

    /// <summary>The state where a case must have every one of a facet's selected values; back to page 1.</summary>
    public SearchState AllOfValues(string facet) => this with { AllOf = AllOf.Append(facet).ToHashSet(), Page = 1 };

    /// <summary>The state where any one of a facet's selected values will do again; back to page 1.</summary>
    public SearchState AnyOf(string facet) => this with { AllOf = AllOf.Where(f => f != facet).ToHashSet(), Page = 1 };

    /// <summary>The state on another page.</summary>
    public SearchState WithPage(int page) => this with { Page = page };

    /// <summary>The state in another order, back to page 1.</summary>
    public SearchState WithSort(SearchSort sort) => this with { Sort = sort, Page = 1 };

    private SearchState WithFilter(string facet, List<string> values)
    {
        var filters = Filters.ToDictionary();
        if (values.Count == 0)
        {
            filters.Remove(facet);
            return this with { Filters = filters, AllOf = AllOf.Where(f => f != facet).ToHashSet(), Page = 1 };
        }
        filters[facet] = values;
        return this with { Filters = filters, Page = 1 };
    }
}
