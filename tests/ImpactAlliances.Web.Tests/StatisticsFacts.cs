using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Web.Tests;

/// <summary>
/// The statistics page and its CSV through the HTTP pipeline: counts from the content files, every link
/// leading to a search with as many results as it says, the CSV giving back the page's numbers.
/// </summary>
public sealed partial class StatisticsFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    private const string Search = "q=insertion&actors=entreprise";

    [Fact]
    public async Task Without_a_search_the_csv_counts_what_the_content_files_hold()
    {
        var cases = ContentLoader.Load(site.ContentPath, DateOnly.FromDateTime(DateTime.Today)).Cases
            .Select(c => c.Case).Where(c => c.Status != CaseStatus.Draft).ToList();

        var rows = await Csv("/api/statistics");

        Assert.Equal(cases.Count, rows.Single(r => r.Table == "total").Cases);
        void Check(string table, IEnumerable<string> values) => Assert.Equal(
            values.CountBy(v => v).OrderBy(p => p.Key, StringComparer.Ordinal),
            rows.Where(r => r.Table == table && r.Cases > 0).Select(r => new KeyValuePair<string, int>(r.Row, r.Cases)).OrderBy(p => p.Key, StringComparer.Ordinal));
        // A case that lists no region counts in the « National / sans région » bucket.
        Check("regions", cases.SelectMany(c => c.Territory.Regions.Count == 0 ? ["sans-region"] : c.Territory.Regions));
        Check("domains", cases.SelectMany(c => c.Domains));
        Check("actors", cases.SelectMany(c => c.Actors.Distinct()));
        Check("partnership_types", cases.Select(c => c.PartnershipType));
        Check("scales", cases.Select(c => c.Territory.Scale));
        Check("years", cases.Select(c => c.Year?.ToString(CultureInfo.InvariantCulture) ?? ""));
        foreach (var cell in rows.Where(r => r.Table == "domains_x_actors"))
        {
            Assert.Equal(cases.Count(c => c.Domains.Contains(cell.Row) && c.Actors.Contains(cell.Column)), cell.Cases);
        }
        foreach (var cell in rows.Where(r => r.Table == "actor_pairs_x_partnership_types" && r.Row.Contains('+', StringComparison.Ordinal)))
        {
            var pair = cell.Row.Split('+');
            Assert.Equal(cases.Count(c => pair.All(c.Actors.Contains) && c.PartnershipType == cell.Column), cell.Cases);
        }
    }

    /// <summary>The statistics' result (SearchRunner.Statistics) carries the offered words, as the search's does.</summary>
    [Fact]
    public async Task A_word_of_french_no_case_writes_is_offered_above_the_statistics()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/statistiques?q=informatique%20quantique"));

        Assert.Contains($"{ImpactAlliances.Web.Search.Wording.DidYouMean} <a href=\"/statistiques?q=informatique%20quantit%C3%A9\">", html);
    }

    [Fact]
    public async Task Every_link_of_the_page_adds_its_filter_to_the_current_ones_and_finds_as_many_cases_as_it_says()
    {
        var html = await _client.GetStringAsync($"/statistiques?{Search}");

        var links = StatLink().Matches(html).Select(m => (Href: WebUtility.HtmlDecode(m.Groups["href"].Value), Facet: m.Groups["facet"].Value, Value: m.Groups["value"].Value, Count: int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture)))
            .Concat(CellLink().Matches(html).Select(m => (Href: WebUtility.HtmlDecode(m.Groups["href"].Value), Facet: "cell", Value: WebUtility.HtmlDecode(m.Groups["row"].Value) + "|" + m.Groups["column"].Value, Count: int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture))))
            .ToList();

        Assert.True(links.Count(l => l.Facet == "cell") > 20, $"{links.Count(l => l.Facet == "cell")} matrix links");
        Assert.Contains(links, l => l.Facet == "years");
        Assert.Contains(links, l => l.Facet == "regions");
        foreach (var link in links)
        {
            var query = QueryHelpers.ParseQuery(new Uri("http://x" + link.Href).Query);
            Assert.StartsWith("/?", link.Href, StringComparison.Ordinal);
            Assert.Equal("insertion", query["q"]);
            Assert.Contains("entreprise", query["actors"].ToArray());
            if (link.Facet is "years")
            {
                Assert.Equal(link.Value, query["year_from"]);
                Assert.Equal(link.Value, query["year_to"]);
                // A year's cases are those that started in it: the undated ones are left out.
                Assert.Equal("0", query["undated"]);
            }
            else if (link.Facet is not "cell")
            {
                Assert.Contains(link.Value, query[link.Facet].ToArray());
            }
            using var json = System.Text.Json.JsonDocument.Parse(await _client.GetStringAsync($"/api/search{new Uri("http://x" + link.Href).Query}&size=1"));
            Assert.True(link.Count == json.RootElement.GetProperty("total").GetInt32(), $"{link.Href}: {link.Count} on the statistics page, {json.RootElement.GetProperty("total").GetInt32()} found");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_csv_gives_back_the_numbers_of_the_page_after_its_provenance(bool semicolon)
    {
        var response = await _client.GetAsync($"/api/statistics?{Search}{(semicolon ? "&separator=semicolon" : "")}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var html = await _client.GetStringAsync($"/statistiques?{Search}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        var comments = text.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l.StartsWith('#')).ToList();
        Assert.Contains("# texte: insertion", comments);
        Assert.Contains("# filtres: actors=entreprise", comments);
        Assert.Contains(comments, c => c.StartsWith("# version_index: ", StringComparison.Ordinal) && c.Length > 20);
        Assert.Contains(comments, c => c.StartsWith("# commit_contenu: ", StringComparison.Ordinal));
        var rows = Parse(text, semicolon);
        using var json = System.Text.Json.JsonDocument.Parse(await _client.GetStringAsync($"/api/search?{Search}&size=1"));
        Assert.Equal(json.RootElement.GetProperty("total").GetInt32(), rows.Single(r => r.Table == "total").Cases);
        var onPage = StatLink().Matches(html).Select(m => (m.Groups["facet"].Value, m.Groups["value"].Value, int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(onPage);
        Assert.All(onPage, p => Assert.Equal(p.Item3, rows.Single(r => r.Table == p.Item1 && r.Row == p.Item2).Cases));
        var cells = CellLink().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups["row"].Value), m.Groups["column"].Value, int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.All(cells, c => Assert.Equal(c.Item3, rows.Single(r => r.Table.Contains("_x_", StringComparison.Ordinal) && r.Row == c.Item1 && r.Column == c.Item2).Cases));
    }

    [Fact]
    public async Task The_results_and_the_statistics_link_to_each_other_with_the_same_search()
    {
        var results = await _client.GetStringAsync($"/?{Search}&sort=title");
        var statistics = await _client.GetStringAsync($"/statistiques?{Search}&sort=title");

        Assert.Contains("<a class=\"stats-link\" href=\"/statistiques?q=insertion&amp;actors=entreprise&amp;sort=title\">Statistiques de ces résultats</a>", results);
        Assert.Contains("<a href=\"/?q=insertion&amp;actors=entreprise&amp;sort=title\">Retour aux résultats</a>", statistics);
        Assert.Contains("href=\"/api/statistics?q=insertion&amp;actors=entreprise&amp;separator=semicolon\"", statistics);
        Assert.Matches(@"<table class=""stat-table"">\s*<caption>Par région : nombre d'exemples</caption>", statistics);
        Assert.Contains("<th scope=\"row\">", statistics);
        Assert.DoesNotContain("style=", statistics);
    }

    [Theory]
    [InlineData("/statistiques")]
    [InlineData("/statistiques?" + Search)]
    public async Task Every_share_is_written_with_one_decimal(string path)
    {
        var html = await _client.GetStringAsync(path);

        // The third column of every bar chart's table: « 5,0 % » as « 4,3 % », never « 5 % ».
        var shares = ShareCell().Matches(html).Select(m => m.Groups["share"].Value).ToList();
        Assert.True(shares.Count > 30, $"{shares.Count} shares");
        Assert.All(shares, s => Assert.Matches(@"^\d{1,3},\d\u00A0%$", WebUtility.HtmlDecode(s)));
        Assert.Contains(shares, s => s.Contains(",0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pair_link_requires_both_profiles_and_says_so_on_the_results_page()
    {
        var html = await _client.GetStringAsync("/?actors=association&actors=collectivite&all=actors");

        Assert.Contains("toutes à la fois", html);
        Assert.Contains("href=\"/?actors=association&amp;actors=collectivite\"", html);
        Assert.Contains("<span class=\"filter-join\">et</span>", html);
    }

    [Fact]
    public async Task Two_values_of_one_facet_are_joined_by_ou_with_a_link_requiring_both_that_narrows()
    {
        var html = await _client.GetStringAsync("/?domains=mobilite&domains=handicap-diversite");
        var both = await _client.GetStringAsync("/?domains=mobilite&domains=handicap-diversite&all=domains");

        Assert.Contains("<span class=\"filter-join\">ou</span>", html);
        Assert.Contains("<a class=\"filter-mode\" href=\"/?domains=handicap-diversite&amp;domains=mobilite&amp;all=domains\">Domaines : exiger toutes ces valeurs</a>", html);
        Assert.True(Total(both) < Total(html), $"{Total(both)} cases with both, {Total(html)} with either");
        Assert.DoesNotContain("filter-mode", both);
        Assert.DoesNotContain("filter-join", await _client.GetStringAsync("/?domains=mobilite"));

        static int Total(string page) =>
            int.Parse(System.Text.RegularExpressions.Regex.Match(page, @"id=""results-count""[^>]*>\s*([\d\s\u202f\u00a0]+) exemple").Groups[1].Value
                .Where(char.IsDigit).ToArray());
    }

    [Theory]
    [InlineData("/statistiques?q=zzqxwv", "Aucun exemple ne correspond")]
    // Words that find nothing: there is no filter to remove.
    [InlineData("/statistiques?q=zzqxwv", "Revenir aux résultats</a> pour élargir la recherche.")]
    [InlineData("/statistiques?regions=bretgne", "«\u202fbretgne\u202f» n'existe pas")]
    public async Task A_search_with_nothing_to_count_or_an_unknown_filter_still_gets_a_page(string path, string expected)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_page_counts_its_search_in_one_pass_and_heads_it_with_that_pass()
    {
        var calls = new List<string>();
        var client = CountingClient(calls);

        // A filter, and cases holding part of the words: the note on those holding every word and the active filters come from the search.
        var html = await client.GetStringAsync("/statistiques?q=emploi+des+jeunes+Marseille&actors=association");

        Assert.Equal(["Statistics"], calls);
        Assert.Contains("class=\"active-filters\"", html, StringComparison.Ordinal);
        Assert.Contains("tous les termes de la recherche", html, StringComparison.Ordinal);
    }

    /// <summary>The CSV has no heading: it counts without making the search's result, and still counts every table.</summary>
    [Fact]
    public async Task The_csv_counts_without_making_the_search_result()
    {
        var calls = new List<string>();
        var csv = await CountingClient(calls).GetStringAsync("/api/statistics?q=emploi+des+jeunes+Marseille&actors=association");

        Assert.Equal(["Statistics without heading"], calls);
        Assert.Contains("\ntotal,,,,,", csv, StringComparison.Ordinal);
        Assert.Contains($"\n{ImpactAlliances.Web.Api.StatisticsApi.PairsByTypeTable},", csv, StringComparison.Ordinal);
    }

    private HttpClient CountingClient(List<string> calls) => site.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
    {
        var served = services.Single(d => d.ServiceType == typeof(ICaseStudySearch));
        services.Remove(served);
        services.AddSingleton<ICaseStudySearch>(sp => new CountingSearch((ICaseStudySearch)ActivatorUtilities.CreateInstance(sp, served.ImplementationType!), calls));
    })).CreateClient();

    /// <summary>The site's search, noting which of its methods a page calls.</summary>
    private sealed class CountingSearch(ICaseStudySearch inner, List<string> calls) : ICaseStudySearch
    {
        public SearchResult Search(SearchRequest request) => Note(nameof(Search), inner.Search(request));
        public CaseExport Export(SearchRequest request, TimeProvider? clock = null) => Note(nameof(Export), inner.Export(request, clock));
        public ResultStatistics Statistics(SearchRequest request, TimeProvider? clock = null, bool heading = true) =>
            Note(heading ? nameof(Statistics) : "Statistics without heading", inner.Statistics(request, clock, heading));
        public CasePage? GetCase(string slug) => inner.GetCase(slug);
        public IReadOnlyList<Suggestion> Suggest(string? typed, int limit = 8) => inner.Suggest(typed, limit);
        public ServedIndex Served => inner.Served;
        public Taxonomy Taxonomy => inner.Taxonomy;

        private T Note<T>(string method, T result)
        {
            lock (calls)
            {
                calls.Add(method);
            }
            return result;
        }
    }

    [Fact]
    public async Task The_csv_of_an_unknown_filter_is_a_400()
    {
        var response = await _client.GetAsync("/api/statistics?regions=bretgne");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("bretagne", await response.Content.ReadAsStringAsync());
    }

    private sealed record CsvRow(string Table, string Row, string Column, int Cases);

    private async Task<List<CsvRow>> Csv(string path) => Parse(await _client.GetStringAsync(path), semicolon: false);

    private static List<CsvRow> Parse(string text, bool semicolon)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = semicolon ? ";" : ",", AllowComments = true, Comment = '#' };
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), configuration);
        return csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .Select(r => new CsvRow((string)r["table"], (string)r["row"], (string)r["column"], int.Parse((string)r["cases"], CultureInfo.InvariantCulture)))
            .ToList();
    }

    [GeneratedRegex("""<a href="(?<href>[^"]+)" data-stat="(?<facet>[^"]+)" data-value="(?<value>[^"]*)">[^<]*</a>\s*</th>\s*<td class="num">(?<count>\d+)</td>""")]
    private static partial Regex StatLink();

    [GeneratedRegex("""<td class="num">[^<]*</td>\s*<td class="num">(?<share>[^<]*)</td>""")]
    private static partial Regex ShareCell();

    [GeneratedRegex("""<a href="(?<href>[^"]+)" data-row="(?<row>[^"]+)" data-column="(?<column>[^"]+)">(?<count>\d+)</a>""")]
    private static partial Regex CellLink();
}
