using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Search;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Web.Api;

/// <summary>The JSON API: <c>/api/search</c> and <c>/api/cases/{slug}</c> (DESIGN.md, "URLs and API").</summary>
public static class CaseStudyApi
{
    /// <summary>Maps the API routes on the <c>/api</c> group.</summary>
    public static IEndpointRouteBuilder MapCaseStudyApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/search", IResult (HttpRequest request, ICaseStudySearch search, IOptions<SearchIndexOptions> options, TimeProvider clock) =>
        {
            var state = SearchState.FromQuery(request.Query, clock);
            // The API searches the text as sent, which the search cuts as the state's Query is cut (UserQuery.Cut), and
            // answers it as query beside what it searched, searched_query, as for a correction.
            return ApiParameters.Refusal(request, options.Value, search.Taxonomy, state, clock)
                ?? JsonAnswer.Of(ToJson(search.Search(state.ToRequest() with { Query = state.TypedQuery })), ApiJson.Default.SearchJson);
        })
            .CacheOutput(ApiEndpoints.SearchAnswers)
            .WithName("search")
            .WithSummary("Chercher des cas")
            .WithDescription("Les cas qui répondent au texte et aux filtres, une page à la fois, avec les comptes de chaque facette " +
                "(chaque facette compte avec les filtres des autres facettes, pas les siens), la période et, sans résultat, des pistes.")
            .WithMetadata(new DocumentedParameters(ParameterSet.Search))
            .Produces<SearchJson>(contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/suggest", IResult (HttpRequest request, ICaseStudySearch search, IOptions<SearchIndexOptions> options, TimeProvider clock) =>
        {
            // The page sends its current filters along, so that a facet suggestion adds to the current search.
            var state = SearchState.FromQuery(request.Query, clock);
            return ApiParameters.Refusal(request, options.Value, search.Taxonomy, state, clock) ?? JsonAnswer.Of(
                new SuggestJson(state.Query, search.Suggest(state.Query).Select(s => Counted(s, state, search)).Where(s => s.Count > 0).Select(s => new SuggestionJson(
                    s.Kind.ToString().ToLowerInvariant(), Wording.SuggestionLabel(s), Wording.SuggestionDetail(s), SuggestionUrl(s, state))).ToList()),
                ApiJson.Default.SuggestJson);
        })
            .WithName("suggest")
            .WithSummary("Suggestions pendant la frappe")
            .WithDescription("Valeurs de facette (avec le nombre de cas de la recherche courante, cette valeur ajoutée ; une valeur qui n'en trouverait aucun n'est pas proposée), communes où des cas sont situés (avec ce nombre), expressions que deux cas ou plus écrivent (avec ce nombre), " +
                "titres de cas et noms d'organisations qui complètent les derniers mots de q. " +
                "Chaque suggestion porte l'adresse où elle mène : le cas, ou la recherche courante (ses filtres passés en paramètres) avec le filtre ajouté, " +
                "avec le nom de la commune à la place des mots qu'elle complète, ou avec l'expression ou le nom d'organisation, entre guillemets, à leur place.")
            .WithMetadata(new DocumentedParameters(ParameterSet.Query | ParameterSet.Facets))
            .Produces<SuggestJson>(contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/cases/{slug}", IResult (string slug, ICaseStudySearch search) =>
            search.GetCase(slug) is { } page
                ? JsonAnswer.Of(new CaseJsonBody(page.Case.Case, page.Case.Html, CaseUrl(slug), page.Related.Select(r => new RelatedJson(r.Hit.Slug, r.Hit.Title, CaseUrl(r.Hit.Slug), Wording.RelatedReason(r.Shared))).ToList()), ApiJson.Default.CaseJsonBody)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Cas introuvable", detail: $"Aucun cas n'a l'identifiant « {slug} »."))
            .WithName("case")
            .WithSummary("Un cas")
            .WithDescription("L'en-tête YAML du cas (ses facettes, organisations, territoire, sources, statut éditorial), son texte rendu en HTML nettoyé, son adresse et les cas proches avec ce qu'ils partagent.")
            .WithMetadata(new DocumentedParameters(ParameterSet.Slug))
            .Produces<CaseJsonBody>(contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>
    /// Where a suggestion leads: the case; the current search with the facet value added and the words it
    /// completed taken out of the text; the current search with the commune's name in place of the words it completed;
    /// or a search for the organisation's name or the phrase, quoted: the cases writing it, as many as its count says (the
    /// words alone would find every case writing « mécénat » and, anywhere else, « compétences »).
    /// </summary>
    public static string SuggestionUrl(Suggestion suggestion, SearchState current) => suggestion.Kind switch
    {
        SuggestionKind.Case => CaseUrl(suggestion.Key),
        SuggestionKind.Facet => WithValue(suggestion, current).ToUrl(),
        SuggestionKind.Commune => current.WithQuery(Joined(suggestion.Remainder, suggestion.Label)).ToUrl(),
        _ => current.WithQuery(Joined(suggestion.Remainder, $"\"{suggestion.Key}\"")).ToUrl(),
    };

    /// <summary>
    /// A facet value's count, as the current search narrows it: the value is added to that search (its filters, its years, the
    /// words before those it completes), which finds the cases of both, not every case of the value (« Bretagne · Régions · 71
    /// exemples » led to 7 under the domain Mobilité); the list then promises what the choice finds, and a value that would
    /// find nothing there (count 0) is left out.
    /// </summary>
    private static Suggestion Counted(Suggestion suggestion, SearchState current, ICaseStudySearch search) =>
        suggestion.Kind == SuggestionKind.Facet
            ? suggestion with { Count = search.Search(WithValue(suggestion, current).ToRequest() with { Page = 1, Size = 1 }).Total }
            : suggestion;

    // The current search with a suggested facet value added and the words it completed taken out of the text.
    private static SearchState WithValue(Suggestion suggestion, SearchState current) =>
        current.With(suggestion.Key, suggestion.Value!).WithQuery(suggestion.Remainder);

    private static string Joined(string before, string completed) => before.Length > 0 ? $"{before} {completed}" : completed;

    /// <summary>A 400 naming each filter value the taxonomy does not have, with the closest one.</summary>
    public static IResult UnknownFilterProblem(IReadOnlyList<UnknownFilter> unknown) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Valeur de filtre inconnue",
        detail: string.Join(" ", unknown.Select(u => $"{u.Facet}={u.Value} : valeur inconnue{(u.Suggestion is { } s ? $" ; vouliez-vous dire {u.Facet}={s.Value} ({s.Label}) ?" : ".")}")),
        extensions: new Dictionary<string, object?> { ["parameters"] = unknown.Select(u => u.Facet).Distinct().ToList() });

    /// <summary>The address of a case page.</summary>
    public static string CaseUrl(string slug) => $"/exemples/{Uri.EscapeDataString(slug)}";

    // A result's address, made once per case: the snapshot keeps each hit, and so its slug, while the case can be shown;
    // the address lives as long as that slug.
    private static readonly ConditionalWeakTable<string, string> HitUrls = new();

    private static string HitUrl(string slug) => HitUrls.GetValue(slug, CaseUrl);

    private static SearchJson ToJson(SearchResult result) => new(
        result.Query,
        result.SearchedQuery,
        result.Corrections,
        result.Offered,
        result.QueryInEnglish,
        result.Relaxed,
        result.StrictTotal,
        result.AllWordsTotal,
        result.Total,
        result.Page,
        result.Size,
        result.Sort.ToString().ToLowerInvariant(),
        result.Hits.Select(h => new HitJson(h.Slug, h.Title, h.Summary, h.Snippet, HitUrl(h.Slug), h.Updated, h.Year, h.Organisations, h.Facets)).ToList(),
        result.Facets.ToDictionary(f => f.Key, f => f.Values),
        new YearsJson(result.Years.From, result.Years.To, result.IncludeUndated, result.Undated),
        result.FilterRemovals.Select(r => r with { Label = Wording.FilterLabel(r) }).ToList(),
        result.QuerySuggestions);
}

internal sealed record SearchJson(string Query, string SearchedQuery, IReadOnlyList<Correction> Corrections, IReadOnlyList<Correction> DidYouMean, bool QueryInEnglish, bool Relaxed, int StrictTotal, int? AllWordsTotal, int Total, int Page, int Size, string Sort,
    [property: JsonConverter(typeof(KeptHitsConverter))] IReadOnlyList<HitJson> Hits,
    [property: JsonConverter(typeof(KeptFacetCountsConverter))] IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets, YearsJson Years,
    IReadOnlyList<FilterRemoval> FilterRemovals, IReadOnlyList<QuerySuggestion> QuerySuggestions);

internal sealed record YearsJson(int? From, int? To, bool IncludeUndated, int Undated);

internal sealed record SuggestJson(string Query, IReadOnlyList<SuggestionJson> Suggestions);

internal sealed record SuggestionJson(string Kind, string Label, string Detail, string Url);

internal sealed record HitJson(string Slug, string Title, string Summary, string? Snippet, string Url, DateOnly Updated, int? Year,
    IReadOnlyList<string> Organisations, IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> Facets);

internal sealed record CaseJsonBody(Core.Schema.CaseStudy Case, string Html, string Url, IReadOnlyList<RelatedJson> Related);

internal sealed record RelatedJson(string Slug, string Title, string Url, string Reason);
