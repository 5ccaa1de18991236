using System.Globalization;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Web.Search;

// The state read from a query string (a page's or the API's): what it reads, what it notes it could not, what it cleans.
public sealed partial record SearchState
{
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
            var values = ListedValues(query, facet.Key).Distinct().ToList();
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
            AllOf = FacetsToMatchInFull(query, filters, unread),
            Sort = Read<SearchSort>(query, SortKey, unread, text => Enum.TryParse<SearchSort>(text, ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort : null),
            Page = Read<int>(query, PageKey, unread, text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : null) ?? 1,
            Size = Read<int>(query, SizeKey, unread, text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0 ? size : null),
            YearFrom = NotLater(Read<int>(query, YearFromKey, unread, Year), LatestYear(clock), unread),
            YearTo = Read<int>(query, YearToKey, unread, Year),
            // The form sends a hidden 0 and, when its box is ticked, a 1 after it: the last one wins.
            IncludeUndated = Flag(query, UndatedKey, unread, last: true) ?? true,
            Literal = Flag(query, LiteralKey, unread) ?? false,
            AllWords = Flag(query, AllWordsKey, unread) ?? false,
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

    /// <summary>
    /// A yes-or-no parameter (<c>undated</c>, <c>literal</c>, <c>all_words</c>): 1 or true, 0 or false, as the API takes them;
    /// another value (<c>all_words=oui</c>) is noted in <paramref name="unread"/> and read as the default, null.
    /// </summary>
    private static bool? Flag(IQueryCollection query, string key, List<UnreadParameter> unread, bool last = false)
    {
        var values = query[key];
        if (values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && v is not ("0" or "1" or "false" or "true")) is { } wrong)
        {
            unread.Add(new(key, wrong));
            return null;
        }
        return (last ? values.LastOrDefault() : values.FirstOrDefault()) switch
        {
            "1" or "true" => true,
            "0" or "false" => false,
            _ => null,
        };
    }

    /// <summary>
    /// The filtered facets whose chosen values a case must all have (<c>all=actors</c>). A name that is no facet is noted in
    /// <paramref name="unread"/>; a facet with no value chosen is left out without a word: it asks nothing of the cases.
    /// </summary>
    private static HashSet<string> FacetsToMatchInFull(IQueryCollection query, Dictionary<string, IReadOnlyList<string>> filters, List<UnreadParameter> unread)
    {
        var allOf = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in ListedValues(query, AllKey))
        {
            if (filters.ContainsKey(key))
            {
                allOf.Add(key);
            }
            else if (!CaseStudySchema.IsFacet(key))
            {
                unread.Add(new(AllKey, key));
            }
        }
        return allOf;
    }

    /// <summary>
    /// The values of a parameter that takes several, given repeated or separated by commas (<c>actors=association,entreprise</c>);
    /// an empty one or one longer than any name is no value.
    /// </summary>
    internal static IEnumerable<string> ListedValues(IQueryCollection query, string key) =>
        query[key].SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim()).Where(v => v.Length is > 0 and <= 100);

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
        p.Value.Any(string.IsNullOrWhiteSpace) || (p.Key == UndatedKey && (p.Value.Count != 1 || p.Value[0] is "1" or "true" or "false")));
}
