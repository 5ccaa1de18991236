using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Web.Tests;

/// <summary>Exports of a search: every case the API finds, in its order, with what reproduces them.</summary>
public sealed class ExportFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    private const string Search = "q=mobilit%C3%A9&actors=association&sort=title";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_csv_holds_every_case_of_the_search_in_its_order_after_its_provenance(bool semicolon)
    {
        var response = await _client.GetAsync($"/api/export?{Search}&format=csv{(semicolon ? "&separator=semicolon" : "")}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        var comments = text.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l.StartsWith('#')).ToList();
        Assert.Contains("# texte: mobilité", comments);
        Assert.Contains("# filtres: actors=association", comments);
        Assert.Contains("# tri: title", comments);
        Assert.Contains(comments, c => c.StartsWith("# version_index: ", StringComparison.Ordinal) && c.Length > 20);
        var expected = await AllSlugs();
        Assert.Contains($"# cas: {expected.Count}", comments);

        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = semicolon ? ";" : ",", AllowComments = true, Comment = '#' };
        using var csv = new CsvReader(new StringReader(text), configuration);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(expected, rows.Select(r => (string)r["slug"]));
        Assert.All(rows, r => Assert.StartsWith("http://localhost/exemples/", (string)r["url"], StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("association", ((string)r["actors"]).Split('|')));
    }

    /// <summary>Each export, and the statistics' CSV, says in its headers what reproduces it and names its file with its time.</summary>
    [Theory]
    [InlineData("/api/export?{0}&format=csv", "", ".csv")]
    [InlineData("/api/export?{0}&format=json", "", ".json")]
    [InlineData("/api/export?{0}&format=csl-json", "", "-csl.json")]
    [InlineData("/api/statistics?{0}", "statistiques-", ".csv")]
    public async Task An_export_names_its_search_count_index_and_file_in_its_headers(string url, string name, string ending)
    {
        var response = await _client.GetAsync(string.Format(CultureInfo.InvariantCulture, url, Search));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var search = Assert.Single(response.Headers.GetValues("X-Export-Search"));
        Assert.Equal($"http://localhost/?{Search}", search);
        Assert.Equal((await AllSlugs()).Count.ToString(CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("X-Export-Total")));
        Assert.Equal(site.Services.GetRequiredService<Core.Search.CaseStudyIndex>().OpenVersion, Assert.Single(response.Headers.GetValues("X-Index-Version")));
        Assert.Single(response.Headers.GetValues("X-Content-Commit"));
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches($@"^impact-alliances-{name}\d{{8}}-\d{{4}}{System.Text.RegularExpressions.Regex.Escape(ending)}$", disposition.FileName);
    }

    [Fact]
    public async Task The_json_export_has_a_provenance_block_and_the_cases_of_the_api()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync($"/api/export?{Search}&format=json"));

        var export = json.RootElement.GetProperty("export");
        Assert.Equal("mobilité", export.GetProperty("texte").GetString());
        Assert.Equal("title", export.GetProperty("tri").GetString());
        Assert.Contains("/?q=mobilit%C3%A9&actors=association&sort=title", export.GetProperty("recherche").GetString());
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("case").GetProperty("slug").GetString()!).ToList();
        Assert.Equal(await AllSlugs(), cases);
        Assert.Equal(cases.Count.ToString(CultureInfo.InvariantCulture), export.GetProperty("cas").GetString());
    }

    [Fact]
    public async Task The_csv_names_organisations_in_one_column_and_their_profiles_in_the_next_in_the_same_order()
    {
        // The cell read « Wimoov (ex-Voiture & Co) (association) | … »: a slug in a name, and no way to split a name of its own parentheses.
        var text = await _client.GetStringAsync("/api/export?q=%22Wimoov%20et%20Renault%22&format=csv");
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { AllowComments = true, Comment = '#' };
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), configuration);
        var row = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Single(r => (string)r["slug"] == "wimoov-renault-mobilite-solidaire");

        Assert.Equal("Wimoov (ex-Voiture & Co) | Renault (programme Renault Mobiliz)", row["organisations"]);
        Assert.Equal("association | entreprise", row["organisation_actors"]);
    }

    /// <summary>A case's index terms travel with it: a column of the CSV, and the CSL-JSON's keywords after the domains and type.</summary>
    [Fact]
    public async Task The_exports_carry_the_index_terms()
    {
        var terms = site.Services.GetRequiredService<ImpactAlliances.Core.Search.ICaseStudySearch>().GetCase("wimoov-renault-mobilite-solidaire")!.Case.Case.Keywords;
        var text = await _client.GetStringAsync("/api/export?q=%22Wimoov%20et%20Renault%22&format=csv");
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { AllowComments = true, Comment = '#' };
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), configuration);
        var row = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Single(r => (string)r["slug"] == "wimoov-renault-mobilite-solidaire");
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/export?q=%22Wimoov%20et%20Renault%22&format=csl-json"));
        var item = json.RootElement.EnumerateArray().Single(i => i.GetProperty("id").GetString() == "wimoov-renault-mobilite-solidaire");

        Assert.NotEmpty(terms);
        Assert.Equal(string.Join(" | ", terms), row["keywords"]);
        Assert.EndsWith(", " + string.Join(", ", terms), item.GetProperty("keyword").GetString());
    }

    [Fact]
    public async Task The_csl_json_export_is_a_list_of_citable_items()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync($"/api/export?{Search}&format=csl-json"));

        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(await AllSlugs(), items.Select(i => i.GetProperty("id").GetString()));
        var first = items[0];
        Assert.Equal("webpage", first.GetProperty("type").GetString());
        Assert.Equal("Impact Alliances", first.GetProperty("container-title").GetString());
        Assert.Equal(3, first.GetProperty("issued").GetProperty("date-parts")[0].GetArrayLength());
        Assert.Contains("version de l'index", first.GetProperty("note").GetString());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csl-json")]
    public async Task The_json_files_write_french_apostrophes_as_they_are(string format)
    {
        // Opened in an editor, the files read « l\u0027État » and « d\u0027emploi » in nearly every sentence.
        var text = await _client.GetStringAsync($"/api/export?{Search}&format={format}");

        Assert.DoesNotContain("\\u0027", text);
        Assert.Contains("d'", text);
    }

    [Fact]
    public async Task An_unknown_format_is_a_400_naming_the_formats()
    {
        var response = await _client.GetAsync("/api/export?format=xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("csv, json, csl-json", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_results_page_links_to_the_exports_of_the_current_search()
    {
        var html = await _client.GetStringAsync($"/?{Search}");

        Assert.Contains("href=\"/api/export?q=mobilit%C3%A9&amp;actors=association&amp;sort=title&amp;format=csv\"", html);
        Assert.Contains("format=csl-json", html);
    }

    /// <summary>Every slug the search API gives for the same search, page after page.</summary>
    private async Task<List<string>> AllSlugs()
    {
        var slugs = new List<string>();
        for (var page = 1; ; page++)
        {
            using var json = JsonDocument.Parse(await _client.GetStringAsync($"/api/search?{Search}&size=100&page={page}"));
            var hits = json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("slug").GetString()!).ToList();
            slugs.AddRange(hits);
            if (slugs.Count >= json.RootElement.GetProperty("total").GetInt32() || hits.Count == 0)
            {
                return slugs;
            }
        }
    }
}
