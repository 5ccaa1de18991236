using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ImpactAlliances.Web.Tests;

/// <summary>The API as other tools use it: its OpenAPI document, CORS, caching by index version, strict parameters.</summary>
public sealed class ApiFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    private static readonly string[] SearchParameters =
        ["q", .. CaseStudySchema.Facets.Select(f => f.Key), "year_from", "year_to", "undated", "sort", "page", "size", "literal", "all_words", "all"];

    public static TheoryData<string, string[]> DocumentedEndpoints => new()
    {
        { "/api/search", SearchParameters },
        { "/api/suggest", ["q", .. CaseStudySchema.Facets.Select(f => f.Key), "all"] },
        { "/api/cases/{slug}", ["slug"] },
        { "/api/export", [.. SearchParameters.Except(["page", "size"]), "format", "separator"] },
    };

    [Theory]
    [MemberData(nameof(DocumentedEndpoints))]
    public async Task The_openapi_document_is_valid_and_describes_each_endpoint_and_parameter(string path, string[] parameters)
    {
        var document = await ReadOpenApi();

        var operation = document.Paths[path].Operations![HttpMethod.Get];
        Assert.False(string.IsNullOrWhiteSpace(operation.Summary));
        Assert.False(string.IsNullOrWhiteSpace(operation.Description));
        var documented = operation.Parameters!.ToDictionary(p => p.Name!);
        Assert.Equal(parameters.Order(), documented.Keys.Order());
        Assert.All(documented.Values, p => Assert.False(string.IsNullOrWhiteSpace(p.Description), p.Name));
        Assert.Contains("200", operation.Responses!.Keys);
        Assert.Contains(operation.Responses.Keys, code => code is "400" or "404");
    }

    [Fact]
    public async Task The_openapi_document_lists_every_api_route_the_site_maps_and_the_taxonomy_values()
    {
        var document = await ReadOpenApi();
        // A fallback (the JSON 404 of an unknown /api address) answers what no route does: it is not one of them.
        var routes = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Order != int.MaxValue)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.NotEmpty(routes);
        Assert.Equal(routes.Order(), document.Paths.Keys.Order());
        var regions = document.Paths["/api/search"].Operations![HttpMethod.Get].Parameters!.Single(p => p.Name == "regions");
        Assert.Contains("bretagne", regions.Schema!.Items!.Enum!.Select(v => v.GetValue<string>()));
        Assert.Equal("integer", JsonDocument.Parse(await _client.GetStringAsync(ApiEndpoints.OpenApiPath))
            .RootElement.GetProperty("components").GetProperty("schemas").GetProperty("SearchJson").GetProperty("properties").GetProperty("total").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("/api/search?q=insertion")]
    [InlineData("/api/suggest?q=mobi")]
    [InlineData("/api/cases/wimoov-renault-mobilite-solidaire")]
    [InlineData("/api/export?format=json&domains=mobilite")]
    [InlineData("/flux.atom?q=insertion")]
    [InlineData("/sitemap.xml")]
    public async Task An_answer_names_its_index_version_and_a_copy_revalidates_with_304(string url)
    {
        var served = site.Services.GetRequiredService<ICaseStudySearch>().Served;

        var first = await _client.GetAsync(url);
        var etag = first.Headers.ETag;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(served.Version, first.Headers.GetValues(IndexVersionCaching.VersionHeader).Single());
        Assert.Equal(served.ContentCommit ?? "", first.Headers.GetValues(IndexVersionCaching.CommitHeader).Single());
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);
        Assert.Contains(served.Version, etag.Tag);
        Assert.Equal(IndexVersionCaching.CacheControl, first.Headers.CacheControl!.ToString());

        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var revalidated = await _client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, revalidated.Headers.ETag);

        var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"version-precedente\"", isWeak: true));
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task The_json_export_states_the_same_version_and_commit_as_its_headers()
    {
        var response = await _client.GetAsync("/api/export?format=json&domains=mobilite");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var block = json.RootElement.GetProperty("export");
        Assert.Equal(response.Headers.GetValues(IndexVersionCaching.VersionHeader).Single(), block.GetProperty("version_index").GetString());
        Assert.Equal(response.Headers.GetValues(IndexVersionCaching.CommitHeader).Single(), block.GetProperty("commit_contenu").GetString());
    }

    [Fact]
    public async Task An_empty_search_offers_each_filter_to_remove_with_its_french_label()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/search?q=zzqqxw&regions=corse&year_from=2020"));

        var removals = json.RootElement.GetProperty("filter_removals").EnumerateArray()
            .ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("label").GetString());
        Assert.Equal("Régions", removals["regions"]);
        Assert.Equal("Années", removals["years"]);
        Assert.Equal("tous les filtres", removals["all"]);
    }

    [Fact]
    public async Task A_text_longer_than_what_is_searched_is_answered_as_sent_and_as_searched_cut_between_words()
    {
        // The API cut the text where the page cuts it, but said nothing: query was the cut text, as if it had been sent.
        var sent = string.Concat(Enumerable.Repeat("mobilité ", 60)) + "fin";
        using var json = JsonDocument.Parse(await _client.GetStringAsync($"/api/search?size=1&q={Uri.EscapeDataString(sent)}"));

        Assert.Equal(sent, json.RootElement.GetProperty("query").GetString());
        Assert.Equal(Core.Querying.UserQuery.Cut(sent), json.RootElement.GetProperty("searched_query").GetString());
        Assert.EndsWith(" mobilité", json.RootElement.GetProperty("searched_query").GetString(), StringComparison.Ordinal);
        Assert.Empty(json.RootElement.GetProperty("corrections").EnumerateArray());
    }

    [Fact]
    public async Task An_error_names_the_version_but_is_not_tagged_for_caching()
    {
        var response = await _client.GetAsync("/api/cases/cas-inconnu");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(response.Headers.Contains(IndexVersionCaching.VersionHeader));
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task Head_answers_like_get()
    {
        // Kestrel leaves the body out of a HEAD answer (the test server does not): the route and headers are what matter here.
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/search?q=insertion"));
        var feed = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/flux.atom"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/js/suggest.js")]
    [InlineData("/js/copy.js")]
    public async Task Fingerprinted_assets_are_immutable_for_a_year_and_revalidate_with_304(string asset)
    {
        // The test host runs in Development, as `dotnet run` with a launch profile would; Production is checked below.
        foreach (var client in new[] { _client, site.WithWebHostBuilder(b => b.UseEnvironment("Production")).CreateClient() })
        {
            var html = await client.GetStringAsync("/");
            var (folder, name, extension) = (Path.GetDirectoryName(asset)!, Path.GetFileNameWithoutExtension(asset), Path.GetExtension(asset));
            var url = Regex.Match(html, $@"(?:href|src)=""({Regex.Escape(folder)}/{Regex.Escape(name)}\.[a-z0-9]+{Regex.Escape(extension)})""").Groups[1].Value;
            Assert.NotEqual("", url);

            var response = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(ImmutableAssets.CacheControl, response.Headers.CacheControl!.ToString());
            var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        }
    }

    [Fact]
    public async Task A_cors_preflight_for_get_is_accepted_on_the_api_only()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/search?q=x");
        preflight.Headers.Add("Origin", "https://labo.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var post = new HttpRequestMessage(HttpMethod.Options, "/api/search?q=x");
        post.Headers.Add("Origin", "https://labo.example.org");
        post.Headers.Add("Access-Control-Request-Method", "POST");

        var accepted = await _client.SendAsync(preflight);
        var refused = await _client.SendAsync(post);

        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Equal("*", accepted.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", accepted.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.DoesNotContain("POST", accepted.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Methods") && refused.Headers.GetValues("Access-Control-Allow-Methods").Single().Contains("POST"));
        Assert.True((int)refused.StatusCode < 500);
    }

    [Fact]
    public async Task A_cross_origin_get_may_read_the_api_and_its_version_headers_but_not_the_pages()
    {
        var api = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=insertion");
        api.Headers.Add("Origin", "https://labo.example.org");
        var page = new HttpRequestMessage(HttpMethod.Get, "/?q=insertion");
        page.Headers.Add("Origin", "https://labo.example.org");

        var fromApi = await _client.SendAsync(api);
        var fromPage = await _client.SendAsync(page);

        Assert.Equal("*", fromApi.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = fromApi.Headers.GetValues("Access-Control-Expose-Headers").Single();
        Assert.Contains("ETag", exposed);
        Assert.Contains(IndexVersionCaching.VersionHeader, exposed);
        Assert.False(fromPage.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/api/search?size=101", "size")]
    [InlineData("/api/search?size=0", "size")]
    [InlineData("/api/search?size=abc", "size")]
    [InlineData("/api/search?size=100000", "size")]
    [InlineData("/api/search?page=0", "page")]
    [InlineData("/api/search?q=%22%22%22&page=-1", "page")]
    [InlineData("/api/search?page=999999999999", "page")]
    [InlineData("/api/search?page=501", "page")]
    [InlineData("/api/search?size=100&page=101", "page")]
    [InlineData("/api/search?page=1&page=2", "page")]
    [InlineData("/api/search?year_from=20x0", "year_from")]
    [InlineData("/api/search?year_to=12", "year_to")]
    [InlineData("/api/search?year_from=3000", "year_from")]
    [InlineData("/api/export?format=csv&year_from=3000&year_to=3001", "year_from")]
    [InlineData("/api/search?year_from=2020&year_to=2010", "year_from")]
    [InlineData("/api/search?sort=popularity", "sort")]
    [InlineData("/api/search?sort=1", "sort")]
    [InlineData("/api/search?literal=oui", "literal")]
    [InlineData("/api/search?all_words=tous", "all_words")]
    [InlineData("/api/search?year_from=2010&undated=non", "undated")]
    [InlineData("/api/search?undated=0&undated=1", "undated")]
    [InlineData("/api/search?regions=bretgne", "regions")]
    [InlineData("/api/suggest?q=mobi&sort=zz", "sort")]
    [InlineData("/api/export?format=json&year_from=abc", "year_from")]
    [InlineData("/api/export?format=xlsx", "format")]
    [InlineData("/api/export?separator=tab", "separator")]
    [InlineData("/api/search?q=velo&q=insertion", "q")]
    [InlineData("/api/suggest?q=mobi&q=empl", "q")]
    [InlineData("/flux.atom?q=velo&q=insertion", "q")]
    [InlineData("/api/export?format=csv&format=json", "format")]
    [InlineData("/api/export?separator=semicolon&separator=comma", "separator")]
    [InlineData("/api/statistics?separator=tab", "separator")]
    [InlineData("/api/statistics?separator=semicolon&separator=comma", "separator")]
    [InlineData("/flux.atom?size=1000", "size")]
    [InlineData("/flux.atom?domains=mobilte", "domains")]
    [InlineData("/api/search?q=v%C3%A9lo&domaine=emploi-insertion", "domaine")]
    [InlineData("/api/export?format=csv&separateur=semicolon", "separateur")]
    [InlineData("/api/statistics?regoins=bretagne", "regoins")]
    [InlineData("/flux.atom?acteurs=entreprise", "acteurs")]
    [InlineData("/api/search?actors=association&actors=entreprise&all=acteurs", "all")]
    public async Task An_invalid_parameter_is_a_400_problem_naming_it(string url, string parameter)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(parameter, problem.RootElement.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains(parameter, problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/search?size=100&page=100")]
    [InlineData("/api/search?page=500")]
    [InlineData("/api/search?year_from=2010&year_to=2010&sort=YEAR&literal=1")]
    [InlineData("/api/search?year_from=2010&undated=false")]
    [InlineData("/api/search?q=&size=&page=")]
    [InlineData("/api/export?format=csv&separator=semicolon&sort=title")]
    [InlineData("/api/search?actors=association&actors=entreprise&all=actors,domains")]
    public async Task Parameters_at_their_limits_are_accepted(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_documentation_page_describes_every_parameter_and_links_the_openapi_document()
    {
        var home = await _client.GetStringAsync("/");
        var html = await _client.GetStringAsync(ApiEndpoints.DocumentationPath);

        Assert.Contains($"href=\"{ApiEndpoints.DocumentationPath}\"", home);
        Assert.Contains($"href=\"{ApiEndpoints.OpenApiPath}\"", html);
        Assert.All(SearchParameters, p => Assert.Contains($"<code>{p}</code>", html));
        Assert.Contains("curl", html);
        Assert.Contains("304", html);
        Assert.Contains("application/problem+json", html);
        Assert.Contains(site.Services.GetRequiredService<ICaseStudySearch>().Served.Version, html);
    }

    [Theory]
    [InlineData("/api/search?q=insertion%20des%20jeunes&size=50")]
    [InlineData("/api/suggest?q=log")]
    public async Task An_answer_is_written_as_the_serializer_writes_it(string url)
    {
        // Answers are written straight into the response by the generated code (JsonAnswer); their bytes
        // must be the serializer's own, escapes included, so that the contract does not depend on the path.
        var response = await _client.GetAsync(url);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var body = await response.Content.ReadAsByteArrayAsync();

        using var again = new MemoryStream();
        using (var writer = new Utf8JsonWriter(again, new JsonWriterOptions { Encoder = ApiJson.Encoder }))
        {
            if (url.StartsWith("/api/search", StringComparison.Ordinal))
            {
                JsonSerializer.Serialize(writer, JsonSerializer.Deserialize(body, ApiJson.Default.SearchJson)!, ApiJson.Default.SearchJson);
            }
            else
            {
                JsonSerializer.Serialize(writer, JsonSerializer.Deserialize(body, ApiJson.Default.SuggestJson)!, ApiJson.Default.SuggestJson);
            }
        }
        Assert.True(body.Length > 1000 || url.Contains("suggest", StringComparison.Ordinal), "a search page is a large answer");
        Assert.Equal(again.ToArray(), body);
    }

    [Fact]
    public async Task An_answer_keeps_accents_readable_and_escapes_what_html_reads()
    {
        var body = await _client.GetStringAsync("/api/search?q=mobilit%C3%A9%20solidaire");

        Assert.Contains("\"query\":\"mobilité solidaire\"", body);
        Assert.Contains("\"label\":\"Mobilité\"", body);
        Assert.DoesNotContain("\\u00E9", body);
        // The snippets' marks reach the client escaped, so that an answer pasted into a page cannot open a tag.
        Assert.Contains("\\u003Cmark\\u003E", body);
        Assert.DoesNotContain("<mark>", body);
    }

    private async Task<OpenApiDocument> ReadOpenApi()
    {
        var response = await _client.GetAsync(ApiEndpoints.OpenApiPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (document, diagnostic) = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), "json");

        Assert.Empty(diagnostic!.Errors);
        Assert.NotNull(document);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet())!);
        return document;
    }
}
