using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ImpactAlliances.Web.Tests;

/// <summary>How readers and crawlers find the cases: Atom feeds of searches, the sitemap, robots.txt, page descriptions.</summary>
public sealed class DiscoveryFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly HttpClient _client = site.CreateClient();

    [Theory]
    [InlineData("q=insertion", 10)]
    [InlineData("domains=mobilite&actors=entreprise", 100)]
    [InlineData("q=v%C3%A9lo&regions=hauts-de-france", 20)]
    [InlineData("", 5)]
    public async Task The_feed_of_a_search_holds_its_cases_newest_update_first(string search, int size)
    {
        var response = await _client.GetAsync($"/flux.atom?{search}&size={size}");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        using var api = JsonDocument.Parse(await _client.GetStringAsync($"/api/search?{search}&sort=recent&size={size}"));

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "id")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")?.Value));
        Assert.Equal("Impact Alliances", feed.Element(Atom + "author")?.Element(Atom + "name")?.Value);
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        var updated = DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value);
        var hits = api.RootElement.GetProperty("hits").EnumerateArray().ToList();
        var total = api.RootElement.GetProperty("total").GetInt32();
        var entries = feed.Elements(Atom + "entry").ToList();

        Assert.Equal(Math.Min(total, size), entries.Count);
        Assert.Equal(hits.Select(h => h.GetProperty("url").GetString()), entries.Select(e => new Uri(e.Element(Atom + "link")!.Attribute("href")!.Value).AbsolutePath));
        Assert.Equal(hits.Select(h => h.GetProperty("summary").GetString()), entries.Select(e => e.Element(Atom + "summary")!.Value));
        var dates = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value)).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Equal(hits.Select(h => h.GetProperty("updated").GetString()), dates.Select(d => d.ToString("yyyy-MM-dd")));
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Element(Atom + "id")?.Value)));
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Element(Atom + "title")?.Value)));
        Assert.All(entries, e => Assert.Equal("Impact Alliances", e.Element(Atom + "author")?.Element(Atom + "name")?.Value));
        if (dates.Count > 0)
        {
            Assert.Equal(dates[0], updated);
        }
    }

    [Theory]
    [InlineData("q=v%C3%A9lo", "Impact Alliances : «\u202Fvélo\u202F»")]
    [InlineData("q=v%C3%A9lo&all_words=1", "Impact Alliances : «\u202Fvélo\u202F» (tous les termes)")]
    [InlineData("domains=mobilite", "Impact Alliances : exemples d'alliances")]
    public async Task The_feed_is_titled_with_the_text_searched_and_whether_every_term_is_required(string search, string title)
    {
        var feed = XDocument.Parse(await _client.GetStringAsync($"/flux.atom?{search}")).Root!;

        Assert.Equal(title, feed.Element(Atom + "title")?.Value);
    }

    [Fact]
    public async Task The_results_page_announces_the_feed_of_its_search()
    {
        var html = await _client.GetStringAsync("/?q=insertion&regions=bretagne&page=1&sort=title");

        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Nouveaux cas de cette recherche (Atom)\" href=\"/flux.atom?q=insertion&amp;regions=bretagne\" />", html);
        Assert.Contains("<a href=\"/flux.atom?q=insertion&amp;regions=bretagne\">", html);
    }

    [Fact]
    public async Task The_sitemap_lists_every_public_case_theme_and_page()
    {
        var response = await _client.GetAsync("/sitemap.xml");
        var urlset = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        var locations = urlset.Elements(Sitemaps + "url").Select(u => new Uri(u.Element(Sitemaps + "loc")!.Value).AbsolutePath).ToList();
        var published = Directory.EnumerateFiles(Path.Combine(site.ContentPath, "cases"), "*.md")
            .Where(f => !File.ReadAllText(f).Contains("\nstatus: brouillon\n", StringComparison.Ordinal))
            .Select(f => "/exemples/" + Path.GetFileNameWithoutExtension(f))
            .ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Sitemaps + "urlset", urlset.Name);
        Assert.True(published.Count > 100, "the content has its cases");
        Assert.Empty(published.Except(locations));
        Assert.DoesNotContain($"/exemples/{SiteFactory.DraftSlug}", locations);
        Assert.Equal(published.Count, locations.Count(l => l.StartsWith("/exemples/", StringComparison.Ordinal)));
        Assert.Contains("/", locations);
        Assert.Contains("/themes", locations);
        Assert.Contains("/themes/domaines/mobilite", locations);
        Assert.Contains("/themes/regions/bretagne", locations);
        Assert.Contains("/documentation-api", locations);
        Assert.Equal(locations.Count, locations.Distinct().Count());
        Assert.All(urlset.Elements(Sitemaps + "url").Where(u => u.Element(Sitemaps + "loc")!.Value.Contains("/exemples/")),
            u => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", u.Element(Sitemaps + "lastmod")!.Value));
    }

    [Fact]
    public async Task Robots_txt_points_at_the_sitemap()
    {
        var robots = await _client.GetStringAsync("/robots.txt");

        Assert.Contains("User-agent: *", robots);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
    }

    [Fact]
    public async Task Every_page_type_has_its_own_description_and_open_graph_tags()
    {
        string[] pages =
        [
            "/", "/?q=insertion", "/?domains=mobilite", "/exemples/wimoov-renault-mobilite-solidaire", "/themes",
            "/themes/domaines/mobilite", "/themes/regions/bretagne", "/documentation-api", "/exemples/nulle-part",
        ];
        var descriptions = new List<string>();
        foreach (var page in pages)
        {
            var html = await (await _client.GetAsync(page)).Content.ReadAsStringAsync();
            var description = Meta(html, "name", "description");
            Assert.False(string.IsNullOrWhiteSpace(description), page);
            Assert.Equal(description, Meta(html, "property", "og:description"));
            Assert.False(string.IsNullOrWhiteSpace(Meta(html, "property", "og:title")), page);
            Assert.Equal("http://localhost" + page, Meta(html, "property", "og:url"));
            Assert.Contains(Meta(html, "property", "og:type"), new[] { "website", "article" });
            descriptions.Add(description!);
        }

        Assert.Equal(pages.Length, descriptions.Distinct().Count());
    }

    [Fact]
    public async Task A_search_spelt_another_way_shares_its_address_with_the_usual_spelling()
    {
        // The results page is kept by the output cache for every spelling of the same query string: the address
        // it gives for sharing must be the canonical one, not the spelling of whoever asked first.
        var html = await _client.GetStringAsync("/?regions=bretagne&q=insertion");

        Assert.Equal("http://localhost/?q=insertion&regions=bretagne", Meta(html, "property", "og:url"));
    }

    private static string? Meta(string html, string attribute, string name)
    {
        var match = Regex.Match(html, $"<meta {attribute}=\"{Regex.Escape(name)}\" content=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }
}
