using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImpactAlliances.Web.Tests;

/// <summary>Filters that never mislead: the year filter and the cases without a year, chips, clean URLs.</summary>
public sealed partial class FilterUrlFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/?q=&actors=&year_from=&year_to=&sort=&undated=0&undated=1", "/")]
    [InlineData("/?q=v%C3%A9lo&regions=&year_from=2015&year_to=&undated=0", "/?q=v%C3%A9lo&year_from=2015&undated=0")]
    [InlineData("/?q=%20%20&domains=mobilite&undated=1", "/?domains=mobilite")]
    [InlineData("/?page=&q=insertion", "/?q=insertion")]
    public async Task A_url_with_empty_fields_redirects_to_its_clean_url(string url, string clean)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(clean, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(clean)).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?q=insertion&regions=bretagne&year_from=2010&undated=0")]
    [InlineData("/?q=mobilit%C3%A9&domains=mobilite&page=2")]
    [InlineData("/?q=zzzqqq&regions=corse&scales=international")]
    [InlineData("/themes/domaines/mobilite")]
    [InlineData("/exemples/wimoov-renault-mobilite-solidaire")]
    public async Task No_link_the_site_writes_has_an_empty_parameter(string url)
    {
        var html = await GetString(url);

        var links = HrefRegex().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(h => h.Contains('?')).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.DoesNotMatch(@"[?&][\w-]+=(&|#|$)", link));
        Assert.All(links, link => Assert.DoesNotContain("undated=1", link));
    }

    [Fact]
    public async Task The_year_filter_keeps_the_cases_without_a_year_by_default_and_says_how_many()
    {
        var published = Directory.EnumerateFiles(Path.Combine(site.ContentPath, "cases"), "*.md")
            .Select(File.ReadAllText).Where(text => !text.Contains("\nstatus: brouillon\n", StringComparison.Ordinal)).ToList();
        var years = published.Select(text => YearRegex().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null).ToList();
        var undated = years.Count(y => y is null);
        var since2015 = years.Count(y => y >= 2015);

        var kept = await GetJson("/api/search?year_from=2015&size=1");
        var left = await GetJson("/api/search?year_from=2015&undated=0&size=1");
        var html = WebUtility.HtmlDecode(await GetString("/?year_from=2015"));
        var unticked = await GetString("/?year_from=2015&undated=0");

        Assert.True(undated > 0);
        Assert.Equal(since2015 + undated, kept.GetProperty("total").GetInt32());
        Assert.Equal(since2015, left.GetProperty("total").GetInt32());
        Assert.Equal(undated, kept.GetProperty("years").GetProperty("undated").GetInt32());
        Assert.False(left.GetProperty("years").GetProperty("include_undated").GetBoolean());
        Assert.Matches($@"<input id=""undated"" name=""undated"" value=""1"" form=""search"" type=""checkbox"" checked=""checked"" data-default-checked />\s*<span>Inclure les cas sans année <span class=""facet-count"">\({undated}\)</span>", html);
        Assert.Contains($"{undated} exemples de cette recherche n'ont pas d'année de début connue.", html);
        Assert.Contains("<input type=\"hidden\" name=\"undated\" value=\"0\" form=\"search\" />", html);
        Assert.Contains("<input id=\"undated\" name=\"undated\" value=\"1\" form=\"search\" type=\"checkbox\" data-default-checked />", unticked);
        Assert.Contains($"{since2015} exemples", unticked);
        Assert.Contains("Années : 2015–…, cas datés seulement", unticked);
        // The chip of a range keeping the undated cases says how many of the results they are.
        Assert.Contains($"Années : 2015–…, dont {undated} sans année", html);
    }

    [Fact]
    public async Task A_chip_on_a_result_adds_its_value_to_the_current_search()
    {
        var html = await GetString("/?q=insertion&regions=bretagne&year_from=2000");
        var theme = await GetString("/themes/domaines/mobilite");

        var chips = ChipRegex().Matches(html).Select(m => (Key: m.Groups[1].Value, Href: WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        Assert.NotEmpty(chips);
        Assert.All(chips, chip => Assert.StartsWith("/?q=insertion&", chip.Href));
        Assert.All(chips, chip => Assert.Contains("regions=bretagne", chip.Href));
        Assert.All(chips, chip => Assert.Contains("year_from=2000", chip.Href));
        Assert.Contains(chips, chip => chip.Key == "domains" && Regex.IsMatch(chip.Href, "&domains=[a-z-]+"));
        Assert.Contains("class=\"badge badge-regions is-selected\" href=\"/?q=insertion&amp;regions=bretagne&amp;year_from=2000\" aria-current=\"true\"", html);
        Assert.Contains("<ul class=\"badges\" aria-label=\"Ajouter un filtre\">", html);
        var themeChips = ChipRegex().Matches(theme).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value)).Where(h => !h.StartsWith("/themes/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(themeChips);
        Assert.All(themeChips, href => Assert.Matches(@"^/\?(.+&)?domains=mobilite(&|$)", href));
    }

    private async Task<string> GetString(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonElement> GetJson(string url) => JsonDocument.Parse(await GetString(url)).RootElement;

    [GeneratedRegex(@"href=""([^""]*)""")]
    private static partial Regex HrefRegex();

    [GeneratedRegex(@"^year: (\d{4})\s*$", RegexOptions.Multiline)]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"<a class=""badge badge-(\w+)(?: is-selected)?"" href=""([^""]*)""")]
    private static partial Regex ChipRegex();
}
