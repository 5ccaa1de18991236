using System.Globalization;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Search;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Web.Api;

/// <summary>
/// <c>/api/statistics</c>: the statistics of a search (same parameters as <c>/api/search</c>) as CSV, one
/// row per count, with the provenance lines of the exports.
/// </summary>
public static class StatisticsApi
{
    /// <summary>The CSV columns: which table, which row (and column, in the cross tables), how many cases.</summary>
    public static readonly IReadOnlyList<string> CsvColumns = ["table", "row", "row_label", "column", "column_label", "cases"];

    /// <summary>The names of the cross tables in the CSV.</summary>
    public const string ActorsByDomainTable = "domains_x_actors", PairsByTypeTable = "actor_pairs_x_partnership_types";

    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/statistics", Statistics)
            .WithName("statistics")
            .WithSummary("Statistiques des résultats d'une recherche, en CSV")
            .WithDescription("Les nombres de cas de la page /statistiques pour une recherche (mêmes paramètres que /api/search, sans page ni size) : " +
                "par région, domaine, type de partenariat, profil d'acteur, année de début et échelle, puis les tableaux croisés domaine × profil " +
                "et paire de profils × type ; une ligne par nombre, précédée des lignes de provenance # des exports.")
            .WithMetadata(new DocumentedParameters(ParameterSet.Query | ParameterSet.Facets | ParameterSet.Years | ParameterSet.Words))
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static async Task<IResult> Statistics(HttpContext http, ICaseStudySearch search, TimeProvider clock, IOptions<SearchIndexOptions> options)
    {
        List<InvalidParameter> invalid = [];
        var semicolon = ApiParameters.Semicolon(http.Request.Query, invalid);
        if (invalid.Count > 0)
        {
            return ApiParameters.Problem(invalid);
        }
        var state = SearchState.FromQuery(http.Request.Query, clock);
        if (ApiParameters.Refusal(http.Request, options.Value, search.Taxonomy, state, clock) is { } refusal)
        {
            return refusal;
        }
        // The CSV has no heading: the search counted is not made.
        var statistics = search.Statistics(state.ToRequest(), clock, heading: false);
        var info = statistics.Info;
        var searchUrl = Discovery.Absolute(http.Request, (state with { Page = 1, Size = null }).ToUrl());
        var response = http.Response;
        ExportApi.Attach(response, info, searchUrl, "statistiques-", ".csv");
        response.ContentType = "text/csv; charset=utf-8";

        var (csv, text) = await ExportApi.StartCsv(http, semicolon, info, searchUrl, CsvColumns);
        await using var textWriter = text;
        await using var csvWriter = csv;
        await WriteRow(csv, "total", "", "", "", "", info.Total);
        foreach (var chart in StatisticsView.Charts(statistics, state))
        {
            foreach (var bar in chart.Bars)
            {
                await WriteRow(csv, chart.Key, bar.Key, bar.Label, "", "", bar.Count);
            }
        }
        foreach (var (name, table) in new[] { (ActorsByDomainTable, statistics.ActorsByDomain), (PairsByTypeTable, statistics.PairsByType) })
        {
            foreach (var row in table.Rows)
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    await WriteRow(csv, name, StatisticsView.RowKey(row), StatisticsView.RowLabel(row), table.Columns[c].Value, table.Columns[c].Label, row.Counts[c]);
                }
            }
        }
        return TypedResults.Empty;
    }

    private static async Task WriteRow(CsvHelper.CsvWriter csv, string table, string row, string rowLabel, string column, string columnLabel, int cases)
    {
        foreach (var field in new[] { table, row, rowLabel, column, columnLabel })
        {
            csv.WriteField(field);
        }
        csv.WriteField(cases);
        await csv.NextRecordAsync();
    }
}
