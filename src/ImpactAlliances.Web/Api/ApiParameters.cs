using System.Globalization;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Search;

namespace ImpactAlliances.Web.Api;

/// <summary>A query or route parameter of the API, as the OpenAPI document and the documentation page describe it.</summary>
/// <param name="Name">The parameter's name in the URL.</param>
/// <param name="Type">Its JSON type: <c>string</c>, <c>integer</c> or <c>boolean</c>; facets are arrays of strings.</param>
/// <param name="Description">What it does, in French.</param>
/// <param name="Repeatable">Whether it may be given several times (facet values).</param>
/// <param name="Values">The values it takes, when it takes only a few.</param>
/// <param name="Minimum">The smallest value of an integer.</param>
/// <param name="Maximum">The largest value of an integer.</param>
public sealed record ApiParameter(string Name, string Type, string Description, bool Repeatable = false,
    IReadOnlyList<string>? Values = null, int? Minimum = null, int? Maximum = null);

/// <summary>A parameter the API refuses, with why.</summary>
/// <param name="Name">The parameter's name in the URL.</param>
/// <param name="Message">What is wrong and what it accepts, in French.</param>
public sealed record InvalidParameter(string Name, string Message);

/// <summary>
/// The parameters of the search, suggest, export and feed endpoints: described once for the OpenAPI document and
/// the documentation page, and checked strictly. The pages read the same URL leniently (a malformed value falls
/// back to its default, <see cref="SearchState.FromQuery"/>); a client of the API gets a 400 naming the parameter.
/// </summary>
public static class ApiParameters
{
    /// <summary>The sort orders, by their <c>sort</c> value.</summary>
    public static readonly IReadOnlyList<string> Sorts = Enum.GetNames<SearchSort>().Select(s => s.ToLowerInvariant()).ToList();

    /// <summary>Every parameter of a search, in the order the documentation lists them; <paramref name="latestYear"/> is <see cref="SearchState.LatestYear"/>.</summary>
    public static IReadOnlyList<ApiParameter> Search(SearchIndexOptions options, Taxonomy? taxonomy, int latestYear) =>
    [
        new(SearchState.QueryKey, "string", "Texte cherché, en français : chaque mot compte ; \"…\" pour une expression, numéri* pour un début de mot, -mot pour exclure, OR ou OU entre deux mots."),
        .. CaseStudySchema.Facets.Select(f => new ApiParameter(f.Key, "string",
            $"Filtre {(taxonomy?.Find(f.Key)?.Label is { } label ? $"« {label} »" : f.Key)} : une valeur (son identifiant, comme dans /themes), à répéter pour en choisir plusieurs (OU dans une facette, ET entre facettes). Une valeur inconnue donne une erreur 400.",
            Repeatable: true, Values: taxonomy?.Find(f.Key)?.Values.Select(v => v.Slug).ToList())),
        new(SearchState.AllKey, "string", "Une facette (son nom, comme actors) dont un cas doit avoir toutes les valeurs choisies (ET dans la facette) plutôt qu'une seule (all=actors et deux profils d'acteurs choisis : les cas qui ont les deux) ; à répéter pour plusieurs facettes.",
            Repeatable: true, Values: CaseStudySchema.FacetKeys),
        new(SearchState.YearFromKey, "integer", "Première année de début retenue (quatre chiffres, au plus l'année en cours) ; les cas sans année connue restent inclus, sauf avec undated=0.", Minimum: SearchState.FirstYear, Maximum: latestYear),
        new(SearchState.YearToKey, "integer", "Dernière année de début retenue (quatre chiffres, au moins year_from).", Minimum: SearchState.FirstYear, Maximum: SearchState.LastYear),
        new(SearchState.UndatedKey, "boolean", "0 ou false : avec une période (year_from, year_to), laisser de côté les cas sans année connue ; 1 ou true (par défaut) : les garder.", Values: ["0", "1", "false", "true"]),
        new(SearchState.SortKey, "string", "Ordre : relevance (pertinence, par défaut avec du texte), recent (dernière mise à jour, par défaut sans texte), title (titre), year (année de début).", Values: Sorts),
        new(SearchState.PageKey, "integer", $"Page de résultats, à partir de 1 ; au plus les {Formats.Number(SearchIndexOptions.MaxResultWindow)} premiers résultats.", Minimum: 1),
        new(SearchState.SizeKey, "integer", $"Résultats par page : {options.PageSize} par défaut, {options.MaxPageSize} au plus.", Minimum: 1, Maximum: options.MaxPageSize),
        new(SearchState.LiteralKey, "boolean", "1 ou true : chercher les mots tels qu'écrits, sans correction orthographique.", Values: ["0", "1", "false", "true"]),
        new(SearchState.AllWordsKey, "boolean", "1 ou true : ne trouver que les cas qui contiennent tous les termes cherchés du texte (chacun avec ses synonymes et les mots de sa famille ; de plusieurs lieux nommés, un seul suffit ; les mots que la recherche laisse de côté, comme « projet » ou « comment », n'en sont pas) ; par défaut, un cas peut n'en contenir que la moitié des plus rares, et all_words_total dit combien les contiennent tous.", Values: ["0", "1", "false", "true"]),
    ];

    /// <summary>The route parameter of a case.</summary>
    public static readonly ApiParameter Slug = new("slug", "string", "Identifiant du cas : le nom de son fichier sans .md, comme dans l'adresse /exemples/{slug}.");

    /// <summary>The parameter that chooses the CSV answers' column separator, and its values.</summary>
    public const string SeparatorKey = "separator";

    /// <summary>The values of <see cref="SeparatorKey"/>.</summary>
    public static readonly IReadOnlyList<string> Separators = ["comma", "semicolon"];

    /// <summary>The export's own parameters.</summary>
    public static readonly IReadOnlyList<ApiParameter> Export =
    [
        new("format", "string", "Format : csv (par défaut), json ou csl-json (pour les logiciels de bibliographie).", Values: ExportApi.Formats),
        new(SeparatorKey, "string", "semicolon : séparer les colonnes du CSV par des points-virgules (tableurs en français).", Values: Separators),
    ];

    /// <summary>The parameters a search request (search, suggest, export, feed) gets wrong: every one, not only the first.</summary>
    public static IReadOnlyList<InvalidParameter> Check(IQueryCollection query, SearchIndexOptions options, TimeProvider clock)
    {
        var invalid = new List<InvalidParameter>();
        // Two texts are not one search: the first alone was searched, the other dropped without a word.
        Single(query, SearchState.QueryKey, invalid);
        var size = Integer(query, SearchState.SizeKey, 1, options.MaxPageSize, $"un entier de 1 à {options.MaxPageSize}", invalid) ?? options.PageSize;
        var lastPage = (SearchIndexOptions.MaxResultWindow + size - 1) / size;
        Integer(query, SearchState.PageKey, 1, lastPage,
            $"un entier de 1 à {lastPage} (à {size} résultats par page, les {Formats.Number(SearchIndexOptions.MaxResultWindow)} premiers résultats)", invalid);
        var latest = SearchState.LatestYear(clock);
        var from = Integer(query, SearchState.YearFromKey, SearchState.FirstYear, latest, $"une année de quatre chiffres, au plus l'année en cours ({latest})", invalid);
        var to = Integer(query, SearchState.YearToKey, SearchState.FirstYear, SearchState.LastYear, "une année de quatre chiffres", invalid);
        if (from > to)
        {
            invalid.Add(new(SearchState.YearFromKey, $"year_from ({from}) est après year_to ({to}) : la période est inversée."));
        }
        OneOf(query, SearchState.SortKey, Sorts, invalid);
        foreach (var facet in SearchState.ListedValues(query, SearchState.AllKey))
        {
            if (!CaseStudySchema.IsFacet(facet))
            {
                invalid.Add(new(SearchState.AllKey, $"all vaut « {Shorten(facet)} » ; valeurs possibles : {string.Join(", ", CaseStudySchema.FacetKeys)}."));
            }
        }
        foreach (var flag in (ReadOnlySpan<string>)[SearchState.UndatedKey, SearchState.LiteralKey, SearchState.AllWordsKey])
        {
            if (Single(query, flag, invalid) is { } value && value is not ("0" or "1" or "true" or "false"))
            {
                invalid.Add(new(flag, $"{flag} vaut « {Shorten(value)} » ; valeurs possibles : 0, 1, false, true."));
            }
        }
        return invalid;
    }

    /// <summary>
    /// A 400 naming each invalid parameter, in the same shape as an unknown filter value's; with <paramref name="correctedUrl"/>,
    /// the request with its misspelt names corrected, as <c>corrected_url</c>.
    /// </summary>
    public static IResult Problem(IReadOnlyList<InvalidParameter> invalid, string? correctedUrl = null)
    {
        var extensions = new Dictionary<string, object?>
        {
            ["parameters"] = invalid.Select(i => i.Name).Distinct().ToList(),
            ["errors"] = invalid.GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToList()),
        };
        if (correctedUrl is not null)
        {
            extensions["corrected_url"] = correctedUrl;
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Paramètre invalide",
            detail: string.Join(" ", invalid.Select(i => i.Message)), extensions: extensions);
    }

    /// <summary>
    /// The 400 for a search request, or null when it is valid: malformed parameters and misspelt names first (a name
    /// close to a parameter's, <see cref="SearchState.Unread"/>; other unknown names are ignored, as the pages do), then
    /// filter values the taxonomy does not have. A misspelt name's refusal names the request it meant (<see cref="MisspeltParameters.Corrected"/>),
    /// its facet values corrected too (<see cref="MisspeltParameters.Misspelt"/>).
    /// </summary>
    public static IResult? Refusal(HttpRequest request, SearchIndexOptions options, Taxonomy taxonomy, SearchState state, TimeProvider clock)
    {
        var misspelt = MisspeltParameters.Misspelt(state.Unread, taxonomy);
        List<InvalidParameter> invalid = [.. Check(request.Query, options, clock), .. misspelt
            .Select(u => new InvalidParameter(u.Key, $"{Shorten(u.Key)} n'est pas un paramètre connu ; vouliez-vous dire {u.CorrectionText} ?"))];
        if (invalid.Count > 0)
        {
            return Problem(invalid, misspelt.Count > 0 ? $"{request.PathBase}{request.Path}{MisspeltParameters.Corrected(request.Query, misspelt)}" : null);
        }
        return UnknownFilter.In(taxonomy, state.Filters) is { Count: > 0 } unknown ? CaseStudyApi.UnknownFilterProblem(unknown) : null;
    }

    /// <summary>
    /// The value of a parameter that takes one of <paramref name="allowed"/>, in any case, as <paramref name="allowed"/> spells
    /// it; null when it is not given. Given twice or another value, it is added to <paramref name="invalid"/>.
    /// </summary>
    public static string? OneOf(IQueryCollection query, string name, IReadOnlyList<string> allowed, List<InvalidParameter> invalid)
    {
        if (Single(query, name, invalid) is not { } value)
        {
            return null;
        }
        if (allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            return known;
        }
        invalid.Add(new(name, $"{name} vaut « {Shorten(value)} » ; valeurs possibles : {string.Join(", ", allowed)}."));
        return null;
    }

    /// <summary>
    /// Whether a CSV answer (export, statistics) separates its columns with semicolons (<c>separator=semicolon</c>, for French
    /// spreadsheets); a separator given twice or unknown is added to <paramref name="invalid"/>.
    /// </summary>
    public static bool Semicolon(IQueryCollection query, List<InvalidParameter> invalid) =>
        OneOf(query, SeparatorKey, Separators, invalid) == "semicolon";

    private static string? Single(IQueryCollection query, string name, List<InvalidParameter> invalid)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            invalid.Add(new(name, $"{name} est donné {values.Count} fois ; il en faut une seule valeur."));
            return null;
        }
        // An empty value (a form's blank field) means the default, as in the pages.
        return string.IsNullOrEmpty(values.FirstOrDefault()) ? null : values[0];
    }

    private static int? Integer(IQueryCollection query, string name, int minimum, int maximum, string expected, List<InvalidParameter> invalid)
    {
        if (Single(query, name, invalid) is not { } text)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }
        invalid.Add(new(name, $"{name} vaut « {Shorten(text)} » ; il faut {expected}."));
        return null;
    }

    // A value echoed in a message stays short, whatever was sent.
    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
