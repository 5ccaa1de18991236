using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// The state of the search page as it stands in the URL: text, selected facet values, sort and page.
/// Every link of the page is this state with one change, so a page can be shared, bookmarked and
/// reached with the back button.
/// </summary>
public sealed record SearchState
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
    /// Reads the state from a query string; anything malformed falls back to its default. <paramref name="ownKeys"/> are
    /// the parameters of the page or endpoint itself (the map's <c>niveau</c>, the export's <c>format</c>): known, not read here.
    /// </summary>
    public static SearchState FromQuery(IQueryCollection query, TimeProvider clock, params IReadOnlyCollection<string> ownKeys)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var facet in CaseStudySchema.Facets)
        {
            // Most requests filter on one facet or none: the others cost no query of their own.
            if (query[facet.Key].Count == 0)
            {
                continue;
            }
            var values = query[facet.Key].SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim())
                .Where(v => v.Length is > 0 and <= 100).Distinct().ToList();
            if (values.Count > 0)
            {
                filters[facet.Key] = values;
            }
        }
        var unread = new List<UnreadParameter>();
        var typed = Typed(query[QueryKey].FirstOrDefault());
        var cut = typed.Length > UserQuery.MaxLength;
        if (cut)
        {
            unread.Add(new(QueryKey, typed));
        }
        var state = new SearchState
        {
            Query = cut ? UserQuery.Cut(typed) : typed,
            Uncut = cut ? typed : null,
            Filters = filters,
            AllOf = query[AllKey].OfType<string>().Where(filters.ContainsKey).ToHashSet(),
            Sort = Read<SearchSort>(query, SortKey, unread, text => Enum.TryParse<SearchSort>(text, ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort : null),
            Page = Read<int>(query, PageKey, unread, text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : null) ?? 1,
            Size = int.TryParse(query[SizeKey].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0 ? size : null,
            YearFrom = NotLater(Read<int>(query, YearFromKey, unread, Year), LatestYear(clock), unread),
            YearTo = Read<int>(query, YearToKey, unread, Year),
            // The form sends a hidden 0 and, when its box is ticked, a 1 after it: the last one wins.
            IncludeUndated = query[UndatedKey].LastOrDefault() is not ("0" or "false"),
            Literal = query[LiteralKey].FirstOrDefault() is "1" or "true",
            AllWords = query[AllWordsKey].FirstOrDefault() is "1" or "true",
            Unread = unread,
        };
        // Misspelt names are noted last, after the values the state could not read (the list the state holds): the page
        // says them in that order.
        foreach (var (name, values) in query)
        {
            if (Meant(name, ownKeys) is { } meant)
            {
                unread.Add(new(name, string.Join(',', values.OfType<string>()), Meant: meant));
            }
        }
        return state;
    }

    /// <summary>
    /// The name the cases' files give the start year (<c>year: 2010</c>): not a parameter, as a facet's front-matter name is
    /// not. A reader who writes it means that one year (<see cref="UnreadParameter.Correction"/>), which a range of one year
    /// says; read as such, it would be a second URL for a state that has one.
    /// </summary>
    internal const string StartYearName = "year";

    /// <summary>The parameters of the search, every page's and endpoint's: the query string's keys and the facets'.</summary>
    private static readonly string[] SearchKeys =
        [QueryKey, PageKey, SizeKey, SortKey, YearFromKey, YearToKey, UndatedKey, LiteralKey, AllKey, AllWordsKey, .. CaseStudySchema.Facets.Select(f => f.Key)];

    /// <summary>
    /// The names a reader may write for a parameter, and the parameter each means: the keys themselves, and for a facet the
    /// key its cases' files write it under and its theme pages' French name (<c>scale</c>, <c>domaines</c>).
    /// </summary>
    private static readonly Dictionary<string, string> Spellings = SearchKeys.Select(k => (Name: k, Key: k))
        .Concat(CaseStudySchema.Facets.SelectMany(f => new[] { (Name: f.FrontMatterKey, f.Key), (Name: (string?)f.ThemeSegment, f.Key) })
            .Where(p => p.Name is not null).Select(p => (Name: p.Name!, p.Key)))
        .Append((Name: StartYearName, Key: StartYearName))
        .DistinctBy(p => p.Name).ToDictionary(p => p.Name, p => p.Key);

    /// <summary>
    /// Tracking parameters that links carry to any page (<c>utm_source</c>, <c>fbclid</c>): never a reader's mistake, so
    /// never reported, however close to a parameter of the search their names may be.
    /// </summary>
    private static readonly HashSet<string> Tracking = new(StringComparer.OrdinalIgnoreCase)
        { "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl" };

    /// <summary>
    /// The parameter a name the page does not know most likely means (<c>domaine</c>: <c>domains</c>), or null: a known
    /// name, a tracking parameter, a name of one or two characters (a script's <c>_=1700000000</c> cache breaker is
    /// not a typo of <c>q</c>), or one close to no parameter, which a page ignores as any site does.
    /// </summary>
    internal static string? Meant(string name, IReadOnlyCollection<string> ownKeys)
    {
        if (name.Length < 3 || SearchKeys.Contains(name, StringComparer.OrdinalIgnoreCase) || ownKeys.Contains(name, StringComparer.OrdinalIgnoreCase)
            || Tracking.Contains(name) || name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var lower = name.ToLowerInvariant();
        // A name spelt as the files or the theme pages write it is that one, not the closest key by edits (year_from for year).
        if (Spellings.TryGetValue(lower, out var spelt))
        {
            return spelt;
        }
        // Two edits in a name of three or four letters leave little of it: src, ref or amp are not sort, size or all.
        return ClosestMatch.Closest(lower, Spellings.Keys.Concat(ownKeys)) is { } closest
            && (lower.Length > 4 || closest.StartsWith(lower, StringComparison.Ordinal) || ClosestMatch.Distance(lower, closest, 1) <= 1)
            ? Spellings.GetValueOrDefault(closest, closest) : null;
    }

    /// <summary>
    /// <paramref name="query"/> with each misspelt parameter of <paramref name="unread"/> (<see cref="UnreadParameter.Meant"/>)
    /// replaced by the ones it was meant as (<see cref="UnreadParameter.Correction"/>): a facet's values join those given
    /// under its own name; a parameter of one value takes the corrected one's, so that the link does what its text says. The
    /// page links to it and the API's refusal names it.
    /// </summary>
    internal static QueryString Corrected(IEnumerable<KeyValuePair<string, StringValues>> query, IEnumerable<UnreadParameter> unread)
    {
        var misspelt = unread.Where(u => u.Meant is not null).ToList();
        var pairs = query.Where(p => !misspelt.Exists(u => string.Equals(u.Key, p.Key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))).ToList();
        foreach (var (key, value) in misspelt.SelectMany(u => u.Correction))
        {
            if (!CaseStudySchema.Facets.Any(f => f.Key == key))
            {
                pairs.RemoveAll(p => p.Key == key);
            }
            pairs.Add(new(key, value));
        }
        return QueryString.Create(pairs);
    }

    /// <summary>
    /// The URL of this page with the names of its misspelt parameters corrected (<see cref="Corrected"/>), on its first page:
    /// the search the reader meant; null when no name is misspelt.
    /// </summary>
    public string? CorrectedUrl()
    {
        if (!Unread.Any(u => u.Meant is not null))
        {
            return null;
        }
        var url = (this with { Page = 1 }).ToUrl();
        var start = url.IndexOf('?', StringComparison.Ordinal);
        return start < 0 ? $"{url}{Corrected([], Unread)}" : $"{url[..start]}{Corrected(QueryHelpers.ParseQuery(url[start..]), Unread)}";
    }

    /// <summary>A parameter's value as <paramref name="parse"/> reads it; a value it cannot read is noted in <paramref name="unread"/>.</summary>
    private static T? Read<T>(IQueryCollection query, string key, List<UnreadParameter> unread, Func<string?, T?> parse) where T : struct
    {
        var text = query[key].FirstOrDefault();
        var value = parse(text);
        if (value is null && !string.IsNullOrWhiteSpace(text))
        {
            unread.Add(new(key, text));
        }
        return value;
    }

    /// <summary>
    /// The text searched, each character a content file may not hold either (<see cref="ContentFile.IsInvisible"/>: controls,
    /// direction marks, zero-width spaces, U+FFFE, U+FFFF) turned into a space: it means nothing in a search, and XML (the
    /// feed) cannot hold most of them.
    /// </summary>
    private static string Typed(string? text) => text is null ? ""
        : ContentFile.FirstInvisible(text) >= 0 ? new string([.. text.Select(c => ContentFile.IsInvisible(c) ? ' ' : c)]).Trim() : text.Trim();

    /// <summary>A start year, or null when it is later than <paramref name="latest"/>: that is noted in <paramref name="unread"/>.</summary>
    private static int? NotLater(int? year, int latest, List<UnreadParameter> unread)
    {
        if (year <= latest || year is null)
        {
            return year;
        }
        unread.Add(new(YearFromKey, year.Value.ToString(CultureInfo.InvariantCulture), latest));
        return null;
    }

    private static int? Year(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= FirstYear and <= LastYear ? year : null;

    /// <summary>
    /// Whether a query string holds what <see cref="ToUrl"/> never writes: the empty fields a GET form
    /// submits, or the form's pair of <c>undated</c> values. The page redirects such a request to its clean URL.
    /// </summary>
    public static bool NeedsCleaning(IQueryCollection query) => query.Any(p =>
        p.Value.Any(string.IsNullOrWhiteSpace) || (p.Key == UndatedKey && (p.Value.Count != 1 || p.Value[0] != "0")));

    /// <summary>
    /// Whether the year range runs backwards (<c>year_from</c> after <c>year_to</c>): the API refuses it; the pages
    /// leave it out of the search (<see cref="ToRequest"/>) and say so, as for an unknown filter value.
    /// </summary>
    public bool YearsInverted => YearFrom > YearTo;

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

    /// <summary>The URL of the search page in this state; defaults are left out to keep links short.</summary>
    public string ToUrl() => Url(html: false).ToString();

    /// <summary>
    /// The <c>href</c> of <see cref="Toggle"/>: the URL of that state, written without making it, already encoded for
    /// an HTML attribute (the one character to encode is the pairs' <c>&amp;</c>: values are percent-encoded).
    /// </summary>
    public IHtmlContent ToggleHref(string facet, string value) => new Href(this, facet, value);

    /// <summary>Writes the <c>href</c> of <see cref="ToggleHref"/> into <paramref name="writer"/>: a facet value's link (<see cref="FacetValueList"/>).</summary>
    internal void WriteToggleHref(TextWriter writer, string facet, string value) => Url(html: true, firstPage: true, facet, value).WriteTo(writer);

    /// <summary>Writes the <c>href</c> of <see cref="With"/>, as <see cref="ToggleHref"/> does: a result's chip (<see cref="HitList"/>).</summary>
    internal void WriteWithHref(TextWriter writer, string facet, string value) =>
        Url(html: true, firstPage: true, facet, IsSelected(facet, value) ? null : value).WriteTo(writer);

    /// <summary>
    /// A link of <see cref="ToggleHref"/>, written only when the page is: into the response's writer, with no string of
    /// its own. The facet values' and the chips' links, about 250 a page, are written by the code that writes their
    /// lists (<see cref="FacetValueList"/>, <see cref="HitList"/>): the view flushes its writer after each such piece.
    /// </summary>
    private sealed class Href(SearchState state, string facet, string value) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => state.WriteToggleHref(writer, facet, value);

        public override string ToString() => state.Url(html: true, firstPage: true, facet, value).ToString();
    }

    /// <remarks>
    /// A result page writes a link for every facet value and every chip, about 250 of them: each is written straight
    /// into one builder kept per thread, values encoded as <see cref="QueryHelpers.AddQueryString(string, string, string)"/>
    /// does, with <paramref name="toggled"/> selected or deselected in <paramref name="facet"/> instead of a copy of the
    /// state with its filters.
    /// </remarks>
    private UrlBuilder Url(bool html, bool firstPage = false, string? facet = null, string? toggled = null)
    {
        var own = Path.IndexOf('?', StringComparison.Ordinal);
        var url = UrlBuilder.Start(own < 0 ? Path : Path[..own], html);
        url.Add(QueryKey, Query);
        var removes = toggled is not null && IsSelected(facet!, toggled);
        // Indexed loops: a foreach over these read-only lists would allocate an enumerator each, twice per link. A search
        // with no filter, or none requiring all its values (all of the mix), looks no facet up: a page writes 250 links.
        var facets = CaseStudySchema.Facets;
        var anyFilter = Filters.Count > 0;
        for (var d = 0; d < facets.Count; d++)
        {
            var key = facets[d].Key;
            var isToggled = toggled is not null && key == facet;
            if (anyFilter && Filters.TryGetValue(key, out var values))
            {
                for (var i = 0; i < values.Count; i++)
                {
                    if (!(isToggled && removes && values[i] == toggled))
                    {
                        url.Add(key, values[i]);
                    }
                }
            }
            if (isToggled && !removes)
            {
                url.Add(key, toggled!);
            }
        }
        for (var d = 0; d < facets.Count && AllOf.Count > 0; d++)
        {
            var key = facets[d].Key;
            var selected = (Filters.GetValueOrDefault(key)?.Count ?? 0) + (toggled is not null && key == facet ? (removes ? -1 : 1) : 0);
            if (AllOf.Contains(key) && selected > 0)
            {
                url.Add(AllKey, key);
            }
        }
        url.Add(YearFromKey, YearFrom);
        url.Add(YearToKey, YearTo);
        url.Add(UndatedKey, IncludeUndated ? "" : "0");
        url.Add(LiteralKey, Literal ? "1" : "");
        url.Add(AllWordsKey, AllWords ? "1" : "");
        url.Add(SortKey, Sort?.ToString().ToLowerInvariant() ?? "");
        url.Add(SizeKey, Size);
        url.Add(PageKey, Page > 1 && !firstPage ? Page : null);
        if (own >= 0)
        {
            url.AddEncoded(Path.AsSpan(own + 1));
        }
        return url;
    }

    /// <summary>
    /// A query string written pair by pair into a builder kept per thread, values percent-encoded into it without
    /// a string of their own; empty values are left out.
    /// </summary>
    private readonly struct UrlBuilder
    {
        [ThreadStatic]
        private static StringWriter? t_cached;

        private readonly StringWriter _writer;
        private readonly int _pathLength;
        private readonly string _separator;

        private UrlBuilder(StringWriter writer, int pathLength, string separator) => (_writer, _pathLength, _separator) = (writer, pathLength, separator);

        private StringBuilder Text => _writer.GetStringBuilder();

        public static UrlBuilder Start(string path, bool html)
        {
            var writer = t_cached ?? new StringWriter(new StringBuilder(256), CultureInfo.InvariantCulture);
            t_cached = null;
            writer.GetStringBuilder().Clear().Append(path);
            return new UrlBuilder(writer, path.Length, html ? "&amp;" : "&");
        }

        public void Add(string key, string value)
        {
            if (value.Length > 0)
            {
                Text.Append(Text.Length == _pathLength ? "?" : _separator).Append(key).Append('=');
                UrlEncoder.Default.Encode(_writer, value);
            }
        }

        /// <summary>A pair already encoded (<c>niveau=departements</c>), as it is.</summary>
        public void AddEncoded(ReadOnlySpan<char> pair) => Text.Append(Text.Length == _pathLength ? "?" : _separator).Append(pair);

        public void Add(string key, int? value)
        {
            if (value is { } number)
            {
                Text.Append(Text.Length == _pathLength ? "?" : _separator).Append(key).Append('=').Append(CultureInfo.InvariantCulture, $"{number}");
            }
        }

        public override string ToString()
        {
            var url = Text.ToString();
            Release();
            return url;
        }

        /// <summary>Writes the URL without making a string of it.</summary>
        public void WriteTo(TextWriter writer)
        {
            foreach (var chunk in Text.GetChunks())
            {
                writer.Write(chunk.Span);
            }
            Release();
        }

        private void Release()
        {
            if (Text.Capacity <= 1024)
            {
                t_cached = _writer;
            }
        }
    }

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

/// <summary>A parameter of the URL the state does not apply as given (<see cref="SearchState.Unread"/>).</summary>
/// <param name="Key">The parameter's key.</param>
/// <param name="Value">Its value as given.</param>
/// <param name="Latest">For a start year later than the current one, the current year; otherwise null (the value is not read at all).</param>
/// <param name="Meant">For a parameter the page does not know, the one its name is close to (<c>domains</c> for <c>domaine</c>); its values are then joined by commas.</param>
public sealed record UnreadParameter(string Key, string Value, int? Latest = null, string? Meant = null)
{
    /// <summary>
    /// For a misspelt parameter, the pairs it was meant as: its value under the name meant (<c>domaine=emploi</c>:
    /// <c>domains=emploi</c>); for <c>year</c>, that one year as the statistics page links a year (<see cref="SearchState.WithYear"/>):
    /// <c>year_from</c> and <c>year_to</c>, without the cases with no start year (most of those a range of one year keeps).
    /// Empty for a parameter that is not misspelt.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Correction => Meant switch
    {
        null => [],
        SearchState.StartYearName => [new(SearchState.YearFromKey, Value), new(SearchState.YearToKey, Value), new(SearchState.UndatedKey, "0")],
        _ => [new(Meant, Value)],
    };

    /// <summary>The <see cref="Correction"/> as a query string writes it, unencoded and short: what a page or a refusal names.</summary>
    public string CorrectionText => string.Join('&', Correction.Select(p => $"{p.Key}={(p.Value.Length > 40 ? $"{p.Value[..40]}…" : p.Value)}"));
}
