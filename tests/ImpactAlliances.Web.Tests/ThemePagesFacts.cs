using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ImpactAlliances.Web.Tests;

public sealed class ThemePagesFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task The_theme_index_lists_every_value_of_every_facet_with_its_count()
    {
        // Counts of a thousand or more hold a narrow no-break space, which the page writes as an entity.
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/themes"));
        var api = JsonDocument.Parse(await _client.GetStringAsync("/api/search?size=1")).RootElement;

        Assert.Contains("Fragilités environnementales", html);
        foreach (var facet in api.GetProperty("facets").EnumerateObject())
        {
            foreach (var value in facet.Value.EnumerateArray())
            {
                var slug = value.GetProperty("value").GetString()!;
                Assert.Matches(new Regex($"href=\"/themes/[a-z]+/{Regex.Escape(slug)}\">[^<]+</a>\\s*<span class=\"facet-count\">{Formats.Number(value.GetProperty("count").GetInt32())}<"), html);
            }
        }
        Assert.Contains("href=\"/themes/regions/corse\"", html);
    }

    [Fact]
    public async Task The_theme_index_s_lead_names_each_of_its_sections()
    {
        // The lead said « classés par acteur, domaine, type de partenariat, échelle et région » above seven sections.
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/themes"));

        var sections = Regex.Matches(html, "<h2 id=\"theme-[a-z_]+\">([^<]+)</h2>").Select(m => m.Groups[1].Value.ToLower(Formats.French)).ToList();
        var lead = Regex.Match(html, "<p class=\"lead\">[^<]*classés par ([^.]+)[.]").Groups[1].Value;

        Assert.Equal(7, sections.Count);
        Assert.Equal(sections, lead.Replace(" et ", ", ", StringComparison.Ordinal).Split(", "));
    }

    [Fact]
    public async Task A_theme_page_shows_the_definition_the_count_and_the_cases()
    {
        var html = await _client.GetStringAsync("/themes/types/mecenat");
        var api = JsonDocument.Parse(await _client.GetStringAsync("/api/search?partnership_types=mecenat&size=1")).RootElement;
        var total = api.GetProperty("total").GetInt32();

        Assert.Contains("<h1>Mécénat</h1>", html);
        // The way back names the facet and leads to its list of themes (there is no page of its own).
        Assert.Contains("<a href=\"/themes\">Thèmes</a> › <a href=\"/themes#theme-partnership_types\">Types de partenariat</a></nav>", html);
        Assert.Contains("id=\"theme-partnership_types\"", await _client.GetStringAsync("/themes"));
        Assert.Contains("Soutien apporté sans contrepartie", html);
        Assert.Contains($">{total} exemples</p>", html);
        Assert.Equal(Math.Min(total, 20), Regex.Count(html, "class=\"hit-title\""));
        Assert.Contains("href=\"/?partnership_types=mecenat\"", html);
    }

    [Fact]
    public async Task A_domain_page_names_its_family_and_links_to_its_siblings()
    {
        var html = await _client.GetStringAsync("/themes/domaines/mobilite");

        Assert.Contains("Fragilités sociétales", html);
        Assert.Contains("href=\"/themes/domaines/sante\"", html);
        Assert.Contains("Capacité à se déplacer", html);
    }

    [Fact]
    public async Task Theme_pages_page_through_their_cases()
    {
        var html = await _client.GetStringAsync("/themes/acteurs/association?page=2");

        Assert.Contains("rel=\"prev\" href=\"/themes/acteurs/association\"", html);
        Assert.Contains("<span class=\"current\" aria-current=\"page\">2</span>", html);
    }

    [Theory]
    [InlineData("/themes/domaines/inconnu")]
    [InlineData("/themes/inconnu/mobilite")]
    public async Task An_unknown_theme_is_a_404(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(url)).StatusCode);
    }
}
