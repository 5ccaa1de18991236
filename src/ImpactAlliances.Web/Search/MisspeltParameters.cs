using System.Globalization;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Pages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// Parameters whose names are close to one the site reads (<c>domaine=emploi</c>, <c>year=2015</c>): which one each
/// means (<see cref="Meant"/>), the request with the names corrected (<see cref="Corrected"/>) and, for the pages, what
/// that correction does in a reader's words (<see cref="Meaning"/>: « le domaine Santé », not <c>domains=sante</c>).
/// </summary>
public static class MisspeltParameters
{
    /// <summary>
    /// The name the cases' files give the start year (<c>year: 2010</c>): not a parameter, as a facet's front-matter name is
    /// not. A reader who writes it means that one year (<see cref="UnreadParameter.Correction"/>), which a range of one year
    /// says; read as such, it would be a second URL for a state that has one.
    /// </summary>
    internal const string StartYearName = "year";

    /// <summary>The parameters of the search, every page's and endpoint's: the query string's keys and the facets'.</summary>
    private static readonly string[] SearchKeys =
    [
        SearchState.QueryKey, SearchState.PageKey, SearchState.SizeKey, SearchState.SortKey, SearchState.YearFromKey,
        SearchState.YearToKey, SearchState.UndatedKey, SearchState.LiteralKey, SearchState.AllKey, SearchState.AllWordsKey,
        .. CaseStudySchema.FacetKeys,
    ];

    /// <summary>
    /// The names a reader may write for a parameter, and the parameter each means: the keys themselves, and for a facet the
    /// key its cases' files write it under and its theme pages' French name (<c>scale</c>, <c>domaines</c>).
    /// </summary>
    private static readonly Dictionary<string, string> Spellings = SearchKeys.Select(k => (Name: k, Key: k))
        .Concat(CaseStudySchema.Facets.SelectMany(f => new[] { (Name: f.FrontMatterKey, f.Key), (Name: (string?)f.ThemeSegment, f.Key) })
            .Where(p => p.Name is not null).Select(p => (Name: p.Name!, p.Key)))
        .Append((Name: StartYearName, Key: StartYearName))
        .DistinctBy(p => p.Name).ToDictionary(p => p.Name, p => p.Key);

    /// <summary>Every parameter a misspelt name of the search may be read as (<see cref="Meant"/>), the pages' own aside.</summary>
    internal static IEnumerable<string> Keys => Spellings.Values.Distinct();

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
            if (!CaseStudySchema.IsFacet(key))
            {
                pairs.RemoveAll(p => p.Key == key);
            }
            pairs.Add(new(key, value));
        }
        return QueryString.Create(pairs);
    }

    /// <summary>
    /// The URL of the page in <paramref name="state"/> with its misspelt parameters (<paramref name="misspelt"/>, as
    /// <see cref="Misspelt"/> gives them: names and facet values corrected) written as meant (<see cref="Corrected"/>), on its
    /// first page: the search the reader meant; null when no name is misspelt.
    /// </summary>
    public static string? CorrectedUrl(SearchState state, IReadOnlyList<UnreadParameter> misspelt)
    {
        if (misspelt.Count == 0)
        {
            return null;
        }
        var url = (state with { Page = 1 }).ToUrl();
        var start = url.IndexOf('?', StringComparison.Ordinal);
        return start < 0 ? $"{url}{Corrected([], misspelt)}" : $"{url[..start]}{Corrected(QueryHelpers.ParseQuery(url[start..]), misspelt)}";
    }

    /// <summary>
    /// The misspelt parameters of <paramref name="unread"/>, each value of a facet that the taxonomy lacks replaced by the one it
    /// most likely means when there is one (<see cref="ValueGuess"/>, the value an unknown filter's own line offers): name and
    /// value are corrected in one step. <c>domaine=emploi</c> was corrected to <c>domains=emploi</c>, whose page said a second
    /// error pointing to « Emploi et insertion », and whose API request was refused again.
    /// </summary>
    public static IReadOnlyList<UnreadParameter> Misspelt(IEnumerable<UnreadParameter> unread, Taxonomy taxonomy) =>
        [.. unread.Where(u => u.Meant is not null).Select(u => taxonomy.Find(u.Meant!) is { } facet
            ? u with { Value = string.Join(',', u.Value.Split(',').Select(v => Guessed(facet, v.Trim()))) } : u)];

    // A value the facet lacks, as the one it most likely means; a name shared by several (« alpes ») or none stays as given.
    private static string Guessed(TaxonomyFacet facet, string value) =>
        value.Length > 0 && !facet.Contains(value) && ValueGuess.For(facet, value) is { Values: [var guess] } ? guess.Slug : value;

    /// <summary>
    /// What the correction of a misspelt parameter does, as a reader would say it, from the taxonomy's labels: « le domaine
    /// Santé », « la région Bretagne », « les exemples de 2015 », « la recherche « vélo » », « le tri par titre ». A value
    /// that means nothing is quoted as given (« le domaine « sant » »): the search meant then says it is unknown, and offers
    /// the closest, as for any unknown filter value. Null for a parameter that is not misspelt, or one without words here.
    /// </summary>
    public static string? Meaning(UnreadParameter unread, Taxonomy taxonomy)
    {
        var value = unread.Value;
        return unread.Meant switch
        {
            null => null,
            StartYearName => $"les exemples de {Number(value)}",
            SearchState.YearFromKey => $"les exemples de {Number(value)} et après",
            SearchState.YearToKey => $"les exemples de {Number(value)} et avant",
            SearchState.UndatedKey => value is "0" or "false" ? "sans les exemples non datés" : "avec les exemples non datés",
            SearchState.QueryKey => $"la recherche {Given(value)}",
            SearchState.PageKey => $"la page {Number(value)}",
            SearchState.SizeKey => $"{Number(value)} exemples par page",
            SearchState.SortKey => Enum.TryParse<SearchSort>(value, ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort switch
            {
                SearchSort.Relevance => "le tri par pertinence",
                SearchSort.Recent => "le tri par mise à jour, les plus récents d'abord",
                SearchSort.Title => "le tri par titre",
                _ => "le tri par année de début",
            } : $"le tri {Given(value)}",
            SearchState.LiteralKey => value is "1" or "true" ? "les mots tels qu'ils sont tapés" : "les mots corrigés",
            SearchState.AllWordsKey => value is "1" or "true" ? "les exemples contenant tous les termes" : "les exemples contenant une partie des termes",
            SearchState.AllKey => Wording.Facets.TryGetValue(value, out var all)
                ? $"{(all.Feminine ? "toutes" : "tous")} {all.Several} choisi{(all.Feminine ? "e" : "")}s à la fois"
                : $"toutes les valeurs choisies de {Given(value)}",
            CarteModel.LevelKey => value == CarteModel.DepartmentsLevel ? "la carte par département" : "la carte par région",
            var key when Wording.Facets.TryGetValue(key, out var words) => Values(key, words, taxonomy.Find(key), value),
            _ => null,
        };
    }

    /// <summary>A facet's values by their labels (« les régions Bretagne ou Corse »), each one the taxonomy lacks as given.</summary>
    private static string Values(string key, Wording.FacetWords words, TaxonomyFacet? facet, string value)
    {
        // The state reads a facet's values split at commas, as the misspelt parameter's were joined.
        var slugs = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        var labels = slugs.Select(v => facet?.Find(v)?.Label ?? Given(v)).ToList();
        return labels.Count switch
        {
            0 => words.One,
            // « la région National / sans région » says a region that is none: the value is a filter of its own.
            1 when slugs[0] == CaseStudySchema.Facets.First(f => f.Key == key).Otherwise => $"le filtre {labels[0]}",
            1 => $"{words.One} {labels[0]}",
            // Values of one facet are any one of them (README: facets combine OR within a facet).
            _ => $"{words.Several} {Wording.Series(labels, "ou")}",
        };
    }

    /// <summary>A number as given, or quoted when it is not one.</summary>
    private static string Number(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture) : Given(value);

    /// <summary>A value as given, quoted, its start only when long.</summary>
    private static string Given(string value) => Formats.Quoted(Formats.Start(value));
}

/// <summary>A parameter of the URL the state does not apply as given (<see cref="SearchState.Unread"/>).</summary>
/// <param name="Key">The parameter's key.</param>
/// <param name="Value">Its value as given.</param>
/// <param name="Latest">For a start year later than the current one, the current year; otherwise null (the value is not read at all).</param>
/// <param name="Meant">For a parameter the page does not know, the one its name is close to (<c>domains</c> for <c>domaine</c>); its values are then joined by commas.</param>
public sealed record UnreadParameter(string Key, string Value, int? Latest = null, string? Meant = null)
{
    /// <summary>
    /// For a misspelt parameter, the pairs it was meant as: its value under the name meant (<c>domaine=sante</c>:
    /// <c>domains=sante</c>; a facet value the taxonomy lacks is corrected before, <see cref="MisspeltParameters.Misspelt"/>); for <c>year</c>, that one year as the statistics page links a year (<see cref="SearchState.WithYear"/>):
    /// <c>year_from</c> and <c>year_to</c>, without the cases with no start year (most of those a range of one year keeps).
    /// Empty for a parameter that is not misspelt.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Correction => Meant switch
    {
        null => [],
        MisspeltParameters.StartYearName => [new(SearchState.YearFromKey, Value), new(SearchState.YearToKey, Value), new(SearchState.UndatedKey, "0")],
        _ => [new(Meant, Value)],
    };

    /// <summary>The <see cref="Correction"/> as a query string writes it, unencoded and short: what the API's refusal names.</summary>
    public string CorrectionText => string.Join('&', Correction.Select(p => $"{p.Key}={Formats.Start(p.Value)}"));
}
