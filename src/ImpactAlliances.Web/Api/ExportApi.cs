using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Search;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Web.Api;

/// <summary>
/// <c>/api/export</c>: every case of a search (same parameters as <c>/api/search</c>), as CSV, JSON or
/// CSL-JSON, with what reproduces it: the query, filters and sort, the number of cases, the date, the
/// index version and the content commit. Streamed: the cases are read and written one at a time.
/// </summary>
public static class ExportApi
{
    /// <summary>The formats, by their <c>format</c> parameter.</summary>
    public static readonly IReadOnlyList<string> Formats = ["csv", "json", "csl-json"];

    /// <summary>Maps the export route on the <c>/api</c> group.</summary>
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/export", Export)
            .WithName("export")
            .WithSummary("Exporter tous les résultats d'une recherche")
            .WithDescription("Tous les cas d'une recherche (mêmes paramètres que /api/search, sans page ni size), dans son ordre, envoyés au fil de l'eau. " +
                "L'export dit ce qui le reproduit : texte, filtres, tri, nombre de cas, date, version de l'index et commit du contenu " +
                "(lignes de commentaire # en tête du CSV, bloc export du JSON, note de chaque élément CSL-JSON, et en-têtes de réponse).")
            .WithMetadata(new DocumentedParameters(ParameterSet.Query | ParameterSet.Facets | ParameterSet.Years | ParameterSet.Sort | ParameterSet.Words | ParameterSet.Export))
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "text/csv", additionalContentTypes: ["application/json", "application/vnd.citationstyles.csl+json"])
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    /// <summary>The export URL of a search state, in one format.</summary>
    public static string Url(SearchState state, string format, bool semicolon = false)
    {
        var url = (state with { Path = "/api/export", Page = 1, Size = null }).ToUrl();
        return $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}format={format}{(semicolon ? "&separator=semicolon" : "")}";
    }

    private static async Task<IResult> Export(HttpContext http, ICaseStudySearch search, TimeProvider clock, IOptions<SearchIndexOptions> options)
    {
        List<InvalidParameter> invalid = [];
        var format = ApiParameters.OneOf(http.Request.Query, "format", Formats, invalid) ?? "csv";
        var semicolon = ApiParameters.Semicolon(http.Request.Query, invalid);
        if (invalid.Count > 0)
        {
            return ApiParameters.Problem(invalid);
        }
        var state = SearchState.FromQuery(http.Request.Query, clock, [.. ApiParameters.Export.Select(p => p.Name)]);
        if (ApiParameters.Refusal(http.Request, options.Value, search.Taxonomy, state, clock) is { } refusal)
        {
            return refusal;
        }
        using var export = search.Export(state.ToRequest(), clock);
        var info = export.Info;
        var searchUrl = Discovery.Absolute(http.Request, (state with { Page = 1, Size = null, Sort = info.Sort }).ToUrl());
        var response = http.Response;
        Attach(response, info, searchUrl, "", format switch { "csv" => ".csv", "json" => ".json", _ => "-csl.json" });
        switch (format)
        {
            case "csv":
                response.ContentType = "text/csv; charset=utf-8";
                await WriteCsv(export, searchUrl, http, semicolon);
                break;
            case "json":
                response.ContentType = "application/json; charset=utf-8";
                await WriteJson(response.BodyWriter, export, searchUrl, http);
                break;
            default:
                response.ContentType = "application/vnd.citationstyles.csl+json; charset=utf-8";
                await WriteCsl(response.BodyWriter, export, searchUrl, http, search.Taxonomy);
                break;
        }
        return TypedResults.Empty;
    }

    /// <summary>
    /// What the response of an export of a search (its cases, or their statistics) says of it in its headers: the search
    /// that reproduces it, how many cases it counts, the index version and content commit read (the export's own: the
    /// index may have been switched since the request began), and its file name, « impact-alliances-» then
    /// <paramref name="name"/>, the time of the export and <paramref name="ending"/>.
    /// </summary>
    internal static void Attach(HttpResponse response, ExportInfo info, string searchUrl, string name, string ending)
    {
        response.Headers["X-Export-Search"] = searchUrl;
        response.Headers["X-Export-Total"] = info.Total.ToString(CultureInfo.InvariantCulture);
        response.Headers[IndexVersionCaching.VersionHeader] = info.IndexVersion;
        response.Headers[IndexVersionCaching.CommitHeader] = IndexVersionCaching.CommitHeaderValue(info.ContentCommit);
        response.Headers.ContentDisposition =
            $"attachment; filename=\"impact-alliances-{name}{info.ExportedAt.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}{ending}\"";
    }

    /// <summary>The lines of provenance every export starts with (CSV comments; JSON "export" block).</summary>
    private static IEnumerable<(string Key, string Value)> Provenance(ExportInfo info, string searchUrl) =>
    [
        ("source", "Impact Alliances, base d'exemples d'alliances d'intérêt général"),
        ("recherche", searchUrl),
        ("texte", (info.Request.Query ?? "") + (info.Request.AllWords ? " (tous les termes)" : "")),
        ("filtres", string.Join(" ; ", info.Request.Filters.Where(f => f.Value.Count > 0)
            .Select(f => $"{f.Key}={string.Join(",", f.Value)}{(info.Request.AllOf.Contains(f.Key) && f.Value.Count > 1 ? " (all)" : "")}"))),
        ("annees", info.Request.YearFrom is null && info.Request.YearTo is null ? "" : $"{info.Request.YearFrom}-{info.Request.YearTo}{(info.Request.IncludeUndated ? "" : " (sans les cas sans année)")}"),
        ("tri", info.Sort.ToString().ToLowerInvariant()),
        ("cas", info.Exported.ToString(CultureInfo.InvariantCulture)),
        ("total", info.Total.ToString(CultureInfo.InvariantCulture)),
        ("date", info.ExportedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
        ("version_index", info.IndexVersion),
        ("commit_contenu", info.ContentCommit ?? ""),
        ("licence", "Contenu sous licence CC BY 4.0, à citer : Impact Alliances"),
    ];

    /// <summary>
    /// Starts a CSV download as every CSV of the site does: UTF-8 with a byte order mark (spreadsheets then
    /// read the accents), <c>,</c> or, with <paramref name="semicolon"/> (<c>separator=semicolon</c>), <c>;</c>, provenance in <c>#</c> comment lines, then the header.
    /// </summary>
    /// <returns>The writer, and the text writer under it; dispose both (the CSV writer first).</returns>
    public static async Task<(CsvWriter Csv, StreamWriter Text)> StartCsv(HttpContext http, bool semicolon, ExportInfo info, string searchUrl, IReadOnlyList<string> columns)
    {
        var text = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = semicolon ? ";" : ",", Comment = '#', AllowComments = true };
        var csv = new CsvWriter(text, configuration);
        foreach (var (key, value) in Provenance(info, searchUrl))
        {
            csv.WriteComment($" {key}: {value}");
            await csv.NextRecordAsync();
        }
        foreach (var column in columns)
        {
            csv.WriteField(column);
        }
        await csv.NextRecordAsync();
        return (csv, text);
    }

    private static async Task WriteCsv(CaseExport export, string searchUrl, HttpContext http, bool semicolon)
    {
        var (csv, text) = await StartCsv(http, semicolon, export.Info, searchUrl, CaseTable.Columns);
        await using var textWriter = text;
        await using var csvWriter = csv;
        foreach (var row in export.Rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i == CaseTable.UrlColumn)
                {
                    csv.WriteField(Discovery.Absolute(http.Request, CaseStudyApi.CaseUrl(row[0])));
                }
                csv.WriteField(row[i]);
            }
            await csv.NextRecordAsync();
        }
    }

    private static async Task WriteJson(PipeWriter body, CaseExport export, string searchUrl, HttpContext http)
    {
        await using var json = new Utf8JsonWriter(body, WriterOptions);
        var sent = 0L;
        json.WriteStartObject();
        json.WriteStartObject("export");
        foreach (var (key, value) in Provenance(export.Info, searchUrl))
        {
            json.WriteString(key, value);
        }
        json.WriteEndObject();
        json.WriteStartArray("cases");
        foreach (var c in export.Cases)
        {
            json.WriteStartObject();
            json.WriteString("url", Discovery.Absolute(http.Request, CaseStudyApi.CaseUrl(c.Slug)));
            json.WritePropertyName("case");
            JsonSerializer.Serialize(json, c, ApiJson.Default.CaseStudy);
            json.WriteEndObject();
            sent = await SendPast16K(json, body, sent);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        await body.FlushAsync();
    }

    private static async Task WriteCsl(PipeWriter body, CaseExport export, string searchUrl, HttpContext http, Taxonomy taxonomy)
    {
        var info = export.Info;
        var note = $"Export Impact Alliances du {info.ExportedAt:yyyy-MM-dd} ; recherche : {searchUrl} ; version de l'index : {info.IndexVersion} ; commit du contenu : {info.ContentCommit ?? "inconnu"}";
        await using var json = new Utf8JsonWriter(body, WriterOptions);
        var sent = 0L;
        json.WriteStartArray();
        foreach (var c in export.FrontMatters)
        {
            CitationJson.WriteItem(json, c, taxonomy, Discovery.Absolute(http.Request, CaseStudyApi.CaseUrl(c.Slug)), info.ExportedAt, note);
            sent = await SendPast16K(json, body, sent);
        }
        json.WriteEndArray();
        json.Flush();
        await body.FlushAsync();
    }

    /// <summary>
    /// Once more than 16 KB have gone into the writer since the last send, hands them to the response pipe
    /// and sends them (without blocking): memory stays flat however many cases there are.
    /// </summary>
    /// <returns>The writer's position at the last send.</returns>
    private static async ValueTask<long> SendPast16K(Utf8JsonWriter json, PipeWriter body, long sent)
    {
        if (json.BytesCommitted + json.BytesPending - sent <= 16 * 1024)
        {
            return sent;
        }
        json.Flush();
        await body.FlushAsync();
        return json.BytesCommitted;
    }

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = ApiJson.FileEncoder };

}

/// <summary>A case as a CSL-JSON item (Citation Style Language): what reference managers import.</summary>
public static class CitationJson
{
    /// <summary>
    /// Writes one item: the case as a web page of the base, dated by its last editorial change, its keywords the French
    /// labels of its domains and partnership type (a reference manager shows them to people: « emploi-insertion » was a slug).
    /// </summary>
    public static void WriteItem(Utf8JsonWriter json, CaseStudy c, Taxonomy taxonomy, string url, DateTimeOffset accessed, string? note = null)
    {
        json.WriteStartObject();
        json.WriteString("id", c.Slug);
        json.WriteString("type", "webpage");
        json.WriteString("title", c.Title);
        json.WriteString("container-title", "Impact Alliances");
        json.WriteStartArray("author");
        json.WriteStartObject();
        json.WriteString("literal", "Impact Alliances");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("abstract", c.Summary);
        json.WriteString("URL", url);
        json.WriteString("language", "fr");
        WriteDate(json, "issued", c.Updated.Year, c.Updated.Month, c.Updated.Day);
        WriteDate(json, "accessed", accessed.Year, accessed.Month, accessed.Day);
        json.WriteString("keyword", string.Join(", ", c.Domains.Select(d => Label(taxonomy, CaseStudySchema.Domains, d))
            .Append(Label(taxonomy, CaseStudySchema.PartnershipTypes, c.PartnershipType)).Concat(c.Keywords)));
        if (note is not null)
        {
            json.WriteString("note", note);
        }
        json.WriteEndObject();
    }

    // A value the served taxonomy no longer has (an index built before a value's removal) keeps its slug.
    private static string Label(Taxonomy taxonomy, FacetDimension facet, string slug) => taxonomy.Find(facet.Key)?.Find(slug)?.Label ?? slug;

    private static void WriteDate(Utf8JsonWriter json, string name, int year, int month, int day)
    {
        json.WriteStartObject(name);
        json.WriteStartArray("date-parts");
        json.WriteStartArray();
        json.WriteNumberValue(year);
        json.WriteNumberValue(month);
        json.WriteNumberValue(day);
        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
