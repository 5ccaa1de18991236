using System.Net;
using System.Text.RegularExpressions;
using ImpactAlliances.Core.Releases;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Web.Tests;

/// <summary>/donnees, its downloads, the legal and accessibility pages and the footer, through the HTTP pipeline.</summary>
public sealed class OpenDataFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();
    private const string Release = ReleaseFixture.Name;

    [Fact]
    public async Task The_data_page_lists_each_release_with_its_commit_counts_files_sizes_and_checksums()
    {
        var html = await _client.GetStringAsync("/donnees");

        Assert.Contains("Version du <time datetime=\"2026-11-30\">30 novembre 2026</time>", html);
        Assert.Contains($"<code>{ReleaseFixture.Commit}</code>", html);
        Assert.Contains("<dd>1 (1 verifie)</dd>", html);
        var csv = File.ReadAllBytes(Path.Combine(site.ReleasesPath, Release, "cases.csv"));
        Assert.Contains($"<a href=\"/donnees/{Release}/cases.csv\" download>cases.csv</a>", html);
        Assert.Contains($"<td>{csv.Length} octets</td>", html);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(csv)), html);
        Assert.Contains($"href=\"/donnees/{Release}/SHA256SUMS\"", html);
        Assert.Contains("rel=\"license\">Creative Commons Attribution 4.0 International (CC BY 4.0)</a>", html);
        Assert.Contains("jeu de données, version du 30 novembre 2026, commit 0123456789ab", html);
        Assert.DoesNotContain("brouillon-sans-manifeste", html);
        Assert.DoesNotContain(ReleaseFixture.Unlisted, html);
    }

    [Theory]
    [InlineData("cases.csv", "text/csv; charset=utf-8")]
    [InlineData("cases.parquet", "application/vnd.apache.parquet")]
    [InlineData("LICENSE", "text/plain; charset=utf-8")]
    [InlineData("SHA256SUMS", "text/plain; charset=utf-8")]
    [InlineData("manifest.json", "application/json; charset=utf-8")]
    public async Task A_release_file_downloads_with_its_type_and_exact_bytes(string file, string type)
    {
        using var response = await _client.GetAsync($"/donnees/{Release}/{file}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.ReleasesPath, Release, file)), await response.Content.ReadAsByteArrayAsync());
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/donnees/{Release}/{file}"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Theory]
    [InlineData($"/donnees/{Release}/{ReleaseFixture.Unlisted}")]
    [InlineData($"/donnees/{Release}/..%2F..%2Fcontent%2FLICENSE")]
    [InlineData($"/donnees/{Release}/%2E%2E%2F%2E%2E%2Findex%2Fcurrent")]
    [InlineData($"/donnees/..%2F{Release}/cases.csv")]
    [InlineData("/donnees/..%2Fcontent/LICENSE")]
    [InlineData("/donnees/%2E%2E/LICENSE")]
    [InlineData("/donnees/brouillon-sans-manifeste/manifest.json")]
    [InlineData($"/donnees/{Release}/..%5C..%5Ccontent%5CLICENSE")]
    [InlineData("/donnees/impact-alliances-1999-01-01/cases.csv")]
    public async Task A_path_outside_what_a_release_lists_is_not_found(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
        Assert.DoesNotContain("Creative Commons Corporation", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?q=mobilit%C3%A9&domains=mobilite")]
    [InlineData("/exemples/wimoov-renault-mobilite-solidaire")]
    [InlineData("/themes")]
    [InlineData("/themes/domaines/mobilite")]
    [InlineData("/donnees")]
    [InlineData("/mentions-legales")]
    [InlineData("/accessibilite")]
    [InlineData("/exemples/page-qui-n-existe-pas")]
    public async Task Every_page_has_the_footer_with_its_links_the_licence_and_the_index_version(string path)
    {
        await _client.GetStringAsync("/");
        using var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var footer = Regex.Match(html, "<footer class=\"site-footer\">.*</footer>", RegexOptions.Singleline).Value;

        Assert.Contains("href=\"/donnees\"", footer);
        Assert.Contains("href=\"/mentions-legales\"", footer);
        Assert.Contains("href=\"/accessibilite\">Accessibilité : non conforme</a>", footer);
        Assert.Contains("rel=\"license\">CC BY 4.0</a>", footer);
        Assert.Contains($"<code class=\"index-version\">{site.Services.GetRequiredService<ICaseStudySearch>().Served.Version}</code>", footer);
        Assert.False(response.Headers.Contains("Set-Cookie"), "the legal notice says the site sets no cookie");
    }

    [Fact]
    public async Task The_legal_notice_and_the_accessibility_statement_say_what_they_must()
    {
        var legal = await _client.GetStringAsync("/mentions-legales");
        Assert.Contains("<h2>Éditeur</h2>", legal);
        Assert.Contains("<h2>Hébergement</h2>", legal);
        Assert.Contains("ne dépose aucun cookie", legal);
        Assert.Contains("Creative Commons Attribution 4.0 International (CC BY 4.0)", legal);
        // The word list of the spelling correction keeps its source's licence (Analysis/french-words.NOTICE).
        Assert.Contains("(paquet Debian hunspell-fr-classical 7.0)", legal);
        Assert.Contains("<a href=\"https://mozilla.org/MPL/2.0/\">Mozilla Public License 2.0</a>", legal);
        // So does the English one (Analysis/english-words.NOTICE).
        Assert.Contains("(paquet Debian hunspell-en-us 2020.12.07)", legal);

        var statement = await _client.GetStringAsync("/accessibilite");
        Assert.Contains("<h1>Déclaration d'accessibilité</h1>", statement.Replace("&#x27;", "'"));
        Assert.Contains("<strong>non conforme</strong>", statement);
        Assert.Contains("axe-core 4.14", statement);
        Assert.Contains("Défenseur des droits", statement);
    }
}
