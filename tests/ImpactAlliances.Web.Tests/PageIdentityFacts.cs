using System.Net;
using System.Text.RegularExpressions;

namespace ImpactAlliances.Web.Tests;

/// <summary>What each page says it is: a distinct title, a canonical address, the mark and favicon.</summary>
public sealed partial class PageIdentityFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Every_page_has_a_distinct_descriptive_title()
    {
        string[] urls =
        [
            "/", "/?q=insertion", "/?q=insertion&regions=bretagne", "/?q=insertion&regions=bretagne&page=2&size=1",
            "/?domains=mobilite&domains=sante&year_from=2010&undated=0", "/exemples/wimoov-renault-mobilite-solidaire",
            "/themes", "/themes/domaines/mobilite", "/themes/domaines/mobilite?page=2&size=1",
        ];
        var titles = new List<string>();
        foreach (var url in urls)
        {
            titles.Add(Title(await _client.GetStringAsync(url)));
        }

        Assert.Equal(titles.Count, titles.Distinct().Count());
        Assert.All(titles, t => Assert.EndsWith(" · Impact Alliances", t));
        Assert.Equal("Rechercher un exemple d'alliance · Impact Alliances", titles[0]);
        Assert.Matches(@"^\d+ exemples pour «\u202Finsertion\u202F» · Régions : Bretagne · page 2 · Impact Alliances$", titles[3]);
        Assert.Matches(@"^\d+ exemples · Domaines : (Mobilité, Santé|Santé, Mobilité) · années 2010–… \(cas datés seulement\) · Impact Alliances$", titles[4]);
        Assert.Equal("Wimoov et Renault : une offre de mobilité solidaire · Impact Alliances", titles[5]);
        Assert.Equal("Mobilité · Domaines · page 2 · Impact Alliances", titles[8]);
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/?q=insertion&regions=bretagne&sort=recent&page=1", "/?q=insertion&regions=bretagne&sort=recent")]
    [InlineData("/?regions=bretagne,normandie&utm_source=x", "/?regions=bretagne&regions=normandie")]
    [InlineData("/exemples/wimoov-renault-mobilite-solidaire", "/exemples/wimoov-renault-mobilite-solidaire")]
    [InlineData("/themes", "/themes")]
    [InlineData("/themes/domaines/mobilite?page=2", "/themes/domaines/mobilite?page=2")]
    public async Task Every_page_names_its_canonical_address(string url, string canonical)
    {
        var html = await _client.GetStringAsync(url);

        Assert.Equal($"http://localhost{canonical}", WebUtility.HtmlDecode(CanonicalRegex().Match(html).Groups[1].Value));
        Assert.Single(CanonicalRegex().Matches(html));
    }

    [Fact]
    public async Task An_error_page_has_no_canonical_address()
    {
        var response = await _client.GetAsync("/exemples/page-qui-n-existe-pas");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotMatch(CanonicalRegex(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_site_has_a_mark_a_favicon_and_a_legend_for_the_chip_colours()
    {
        var html = await _client.GetStringAsync("/");
        var icon = Regex.Match(html, @"<link rel=""icon"" href=""(/favicon[.\w]*\.svg)"" type=""image/svg\+xml"" />");
        var favicon = await _client.GetAsync(icon.Groups[1].Value);

        Assert.Contains("<svg class=\"brand-mark\"", html);
        Assert.True(icon.Success);
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
        Assert.Equal("image/svg+xml", favicon.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<circle", await favicon.Content.ReadAsStringAsync());
        // What asks /favicon.ico without reading the page (Safari, feed readers, crawlers) gets the mark too.
        Assert.Matches(@"<link rel=""icon"" href=""/favicon[.\w]*\.ico"" sizes=""32x32"" />", html);
        var ico = await _client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/x-icon", ico.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0, 0, 1, 0, 3, 0 }, (await ico.Content.ReadAsByteArrayAsync())[..6]);
        foreach (var key in new[] { "partnership_types", "domains", "regions", "statuses" })
        {
            Assert.Contains($"<span class=\"swatch badge-{key}\" aria-hidden=\"true\"></span>", html);
        }
        // The site's own frame does not borrow the State's identity; the cases it lists may name a « Marianne ».
        var frame = Regex.Replace(html, "<main[\\s\\S]*</main>", "");
        Assert.Contains("brand-mark", frame);
        Assert.DoesNotContain("Marianne", frame, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("République française", frame, StringComparison.OrdinalIgnoreCase);
    }

    private static string Title(string html) => WebUtility.HtmlDecode(Regex.Match(html, "<title>([^<]*)</title>").Groups[1].Value);

    [GeneratedRegex(@"<link rel=""canonical"" href=""([^""]*)""")]
    private static partial Regex CanonicalRegex();
}
