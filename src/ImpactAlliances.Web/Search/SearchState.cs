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
            if (MisspeltParameters.Meant(name, ownKeys) is { } meant)
            {
                unread.Add(new(name, string.Join(',', values.OfType<string>()), Meant: meant));
            }
        }
        return state;
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
    /// The links of a page's lists (a result list's chips, the facets' values), each this state with one value toggled: the
    /// text, the filters and the options are percent-encoded once, not again for each link.
    /// </summary>
    internal LinkWriter Links() => new(this);

    /// <summary>
    /// Writes the <c>href</c>s of <see cref="WriteToggleHref"/> and <see cref="WriteWithHref"/> for many values of one
    /// state, the same bytes: the pairs that do not depend on the value toggled are encoded when the list starts,
    /// then copied into each link. A list of links writes about ninety (the facets) or a hundred and fifty (the chips),
    /// and encoding the text again for each was most of their cost. A state whose facets require all their values
    /// (<c>all=</c>, whose pairs depend on the value toggled) writes each link as <see cref="Url"/> does.
    /// </summary>
    internal sealed class LinkWriter
    {
        private readonly SearchState _state;
        private readonly bool _writesEachUrl;
        // The path and the text's pair: what every link starts with.
        private readonly string _head = "";
        private readonly bool _headHasPair;
        // By facet of CaseStudySchema.Facets: the selected values' pairs (null for an empty value), or null when none.
        private readonly Pair?[]?[] _selected = [];
        // By facet: the start of a pair of the facet, its value to be encoded after it.
        private readonly Pair[] _toggled = [];
        // The pairs after the facets' on a first page: years, options, order, size, the path's own pairs.
        private readonly Pair[] _options = [];

        /// <summary>A pair as it is written first (after <c>?</c>) or after another (after <c>&amp;amp;</c>): one piece each.</summary>
        internal sealed record Pair(string First, string Next)
        {
            public static Pair Of(string text) => new("?" + text, "&amp;" + text);
        }

        /// <summary>
        /// A facet's value and its pair as a link adds it, percent-encoded once (null for an empty value, which a link leaves
        /// out): a result's chip, kept with its case's markup (<see cref="HitList"/>). Made only from the value, so the pair
        /// a link writes is always the value's.
        /// </summary>
        internal sealed class EncodedValue(string facet, string value)
        {
            public string Facet { get; } = facet;

            public string Value { get; } = value;

            public Pair? Pair { get; } = Encoded(facet, value) is { } pair ? Pair.Of(pair) : null;
        }

        /// <summary>The state whose links this writes.</summary>
        public SearchState State => _state;

        public LinkWriter(SearchState state)
        {
            _state = state;
            _writesEachUrl = state.AllOf.Count > 0;
            if (_writesEachUrl)
            {
                return;
            }
            var own = state.Path.IndexOf('?', StringComparison.Ordinal);
            var path = own < 0 ? state.Path : state.Path[..own];
            var query = Encoded(QueryKey, state.Query);
            (_head, _headHasPair) = query is null ? (path, false) : (path + "?" + query, true);
            var facets = CaseStudySchema.Facets;
            _selected = new Pair?[]?[facets.Count];
            _toggled = new Pair[facets.Count];
            for (var d = 0; d < facets.Count; d++)
            {
                var key = facets[d].Key;
                _toggled[d] = Pair.Of(key + "=");
                if (state.Filters.Count > 0 && state.Filters.TryGetValue(key, out var values))
                {
                    _selected[d] = [.. values.Select(v => Encoded(key, v) is { } pair ? Pair.Of(pair) : null)];
                }
            }
            // As Url writes them, in its order: the options, then the path's own pairs.
            _options = [.. Options.Select(o => Encoded(o.Key, o.Value(state)))
                .Append(own >= 0 ? state.Path[(own + 1)..] : null).OfType<string>().Select(Pair.Of)];
        }

        /// <summary>As <see cref="WriteToggleHref"/>.</summary>
        public void WriteToggleHref(TextWriter writer, string facet, string value)
        {
            if (_writesEachUrl)
            {
                _state.WriteToggleHref(writer, facet, value);
                return;
            }
            Write(writer, facet, value, _state.IsSelected(facet, value));
        }

        /// <summary>
        /// As <see cref="SearchState.WriteWithHref"/>, the value's pair encoded already: a result's chips, whose values are
        /// encoded once per case (<see cref="HitList"/>). Whether the state selects the value, the writer asks its state.
        /// </summary>
        public void WriteWithHref(TextWriter writer, EncodedValue value)
        {
            if (_writesEachUrl)
            {
                _state.WriteWithHref(writer, value.Facet, value.Value);
            }
            else if (!_state.IsSelected(value.Facet, value.Value))
            {
                Write(writer, value.Facet, value.Value, removes: false, value.Pair);
            }
            else
            {
                Write(writer, value.Facet, toggled: null, removes: false);
            }
        }

        // The link with toggled added to the facet, or removed from it when it is selected (removes); no value changed when null.
        private void Write(TextWriter writer, string facet, string? toggled, bool removes, Pair? toggledPair = null)
        {
            var written = _headHasPair;
            writer.Write(_head);
            var facets = CaseStudySchema.Facets;
            for (var d = 0; d < facets.Count; d++)
            {
                var key = facets[d].Key;
                var isToggled = toggled is not null && key == facet;
                if (_selected[d] is { } pairs)
                {
                    var values = _state.Filters[key];
                    for (var i = 0; i < pairs.Length; i++)
                    {
                        if (!(isToggled && removes && values[i] == toggled))
                        {
                            Write(writer, pairs[i], ref written);
                        }
                    }
                }
                if (isToggled && !removes && toggled!.Length > 0)
                {
                    if (toggledPair is not null)
                    {
                        Write(writer, toggledPair, ref written);
                    }
                    else
                    {
                        Write(writer, _toggled[d], ref written);
                        UrlEncoder.Default.Encode(writer, toggled);
                    }
                }
            }
            for (var i = 0; i < _options.Length; i++)
            {
                Write(writer, _options[i], ref written);
            }
        }

        private static void Write(TextWriter writer, Pair? pair, ref bool written)
        {
            if (pair is not null)
            {
                writer.Write(written ? pair.Next : pair.First);
                written = true;
            }
        }

        private static string? Encoded(string key, string value) => value.Length > 0 ? key + "=" + UrlEncoder.Default.Encode(value) : null;
    }

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
    /// <summary>
    /// The options a URL writes after the filters and before the page, in their order (an empty value is left out): the one
    /// list <see cref="Url"/> and <see cref="LinkWriter"/> read, so that an option added here is in every link.
    /// </summary>
    private static readonly (string Key, Func<SearchState, string> Value)[] Options =
    [
        (YearFromKey, s => Number(s.YearFrom)), (YearToKey, s => Number(s.YearTo)), (UndatedKey, s => s.IncludeUndated ? "" : "0"),
        (LiteralKey, s => s.Literal ? "1" : ""), (AllWordsKey, s => s.AllWords ? "1" : ""),
        (SortKey, s => s.Sort?.ToString().ToLowerInvariant() ?? ""), (SizeKey, s => Number(s.Size)),
    ];

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

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
        for (var o = 0; o < Options.Length; o++)
        {
            url.Add(Options[o].Key, Options[o].Value(this));
        }
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
