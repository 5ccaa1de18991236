using System.Net;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImpactAlliances.Web.Tests;

/// <summary>The site in preview mode: content changes are rebuilt and errors shown on the page.</summary>
public sealed class PreviewSiteFactory : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Content:Watch", "true");
    }
}

public sealed class PreviewFacts : IDisposable
{
    private readonly PreviewSiteFactory _site = new();

    [Fact]
    public async Task An_edited_case_shows_its_errors_then_appears_once_fixed()
    {
        var client = _site.CreateClient();
        var path = Path.Combine(_site.ContentPath, "cases", "essai-apercu.md");
        var valid = File.ReadAllText(Path.Combine(_site.ContentPath, "cases", "wimoov-renault-mobilite-solidaire.md"))
            .Replace("Wimoov et Renault : une offre de mobilité solidaire", "Essai d'aperçu zéphyr", StringComparison.Ordinal);

        await File.WriteAllTextAsync(path, valid.Replace("domains: [mobilite", "domains: [mobilit", StringComparison.Ordinal));
        var page = await Eventually(client, "/?q=z%C3%A9phyr", html => html.Contains("essai-apercu.md:", StringComparison.Ordinal));
        Assert.Contains("content/cases/essai-apercu.md:8</code> valeur inconnue « mobilit » dans domains ; vouliez-vous dire « mobilite » ?", page);
        Assert.Contains("Aucun exemple pour «&#x202F;zéphyr&#x202F;»", page);

        await File.WriteAllTextAsync(path, valid);
        page = await Eventually(client, "/?q=z%C3%A9phyr", html => html.Contains("/exemples/essai-apercu", StringComparison.Ordinal));
        Assert.Contains("aucune erreur", page);
    }

    [Fact]
    public async Task A_draft_shows_in_the_preview()
    {
        var client = _site.CreateClient();
        await File.WriteAllTextAsync(Path.Combine(_site.ContentPath, "cases", SiteFactory.DraftSlug + ".md"), SiteFactory.DraftCase(_site.ContentPath));

        var page = await Eventually(client, "/?q=quetzalcoatl", html => html.Contains($"/exemples/{SiteFactory.DraftSlug}", StringComparison.Ordinal));

        Assert.Contains("Brouillon", page);
    }

    [Fact]
    public async Task A_case_with_errors_shows_its_errors_on_its_page_instead_of_a_404()
    {
        var client = _site.CreateClient();
        var broken = File.ReadAllText(Path.Combine(_site.ContentPath, "cases", "wimoov-renault-mobilite-solidaire.md"))
            .Replace("Wimoov et Renault : une offre de mobilité solidaire", "Essai cassé xylophone", StringComparison.Ordinal)
            .Replace("domains: [mobilite", "domains: [mobilit", StringComparison.Ordinal)
            .Replace("## Contexte", "## Contexte\n\nVoir [le cas](/exemples/wimoov-renault-mobilite-solidair).", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_site.ContentPath, "cases", "essai-casse.md"), broken);
        var lines = broken.ReplaceLineEndings("\n").Split('\n');
        var domainsLine = Array.FindIndex(lines, l => l.StartsWith("domains:", StringComparison.Ordinal)) + 1;
        var linkLine = Array.FindIndex(lines, l => l.Contains("(/exemples/wimoov-renault-mobilite-solidair)", StringComparison.Ordinal)) + 1;

        await Eventually(client, "/", html => html.Contains("essai-casse.md:", StringComparison.Ordinal));
        using var response = await client.GetAsync(new Uri("/exemples/essai-casse", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Essai cassé xylophone</h1>", page);
        Assert.Contains("Ce cas n'est pas publié : 2 erreurs à corriger", page);
        var alert = page[page.IndexOf("class=\"alert alert-error\"", StringComparison.Ordinal)..];
        Assert.Contains($"<code>content/cases/essai-casse.md:{domainsLine}</code> valeur inconnue « mobilit » dans domains ; vouliez-vous dire « mobilite » ?", alert);
        Assert.Contains($"<code>content/cases/essai-casse.md:{linkLine}</code> lien vers /exemples/wimoov-renault-mobilite-solidair : aucun cas ne porte ce nom ; vouliez-vous dire /exemples/wimoov-renault-mobilite-solidaire ?", alert);
        Assert.Contains("href=\"/exemples/wimoov-renault-mobilite-solidair\"", page); // the body, rendered as it will be published
    }

    private static async Task<string> Eventually(HttpClient client, string url, Func<string, bool> condition)
    {
        var html = "";
        // A rebuild of the whole content takes seconds, longer on a loaded machine.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            html = await client.GetStringAsync(url);
            if (condition(html))
            {
                return html;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"{url} never showed the expected change:\n{html}");
        return html;
    }

    public void Dispose() => _site.Dispose();
}

/// <summary>Outside the preview a case with errors is simply not there.</summary>
public sealed class BrokenCaseOutsidePreviewFacts : IDisposable
{
    private readonly SiteFactory _site = new();

    [Fact]
    public async Task The_public_site_answers_404_for_a_case_with_errors()
    {
        File.WriteAllText(Path.Combine(_site.ContentPath, "cases", "essai-casse.md"),
            File.ReadAllText(Path.Combine(_site.ContentPath, "cases", "wimoov-renault-mobilite-solidaire.md"))
                .Replace("Wimoov et Renault : une offre de mobilité solidaire", "Essai cassé", StringComparison.Ordinal)
                .Replace("domains: [mobilite", "domains: [mobilit", StringComparison.Ordinal));

        using var response = await _site.CreateClient().GetAsync(new Uri("/exemples/essai-casse", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("mobilit »", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _site.Dispose();
}

/// <summary>The preview served by Kestrel, started with a case that has errors, for the browser.</summary>
public sealed class KestrelPreviewSiteFactory : SiteFactory
{
    public const string BrokenSlug = "essai-casse";

    public KestrelPreviewSiteFactory()
    {
        File.WriteAllText(Path.Combine(ContentPath, "cases", BrokenSlug + ".md"),
            File.ReadAllText(Path.Combine(ContentPath, "cases", "wimoov-renault-mobilite-solidaire.md"))
                .Replace("Wimoov et Renault : une offre de mobilité solidaire", "Essai cassé", StringComparison.Ordinal)
                .Replace("domains: [mobilite", "domains: [mobilit", StringComparison.Ordinal));
        UseKestrel(0);
        StartServer();
        BaseAddress = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public string BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Content:Watch", "true");
    }
}

/// <summary>The page of a case with errors passes the same audit as every page.</summary>
public sealed class BrokenCaseAccessibilityFacts(KestrelPreviewSiteFactory site) : IClassFixture<KestrelPreviewSiteFactory>
{
    [SkippableFact]
    public async Task The_page_of_a_case_with_errors_passes_an_axe_audit()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BypassCSP = true });
        await page.GotoAsync($"{site.BaseAddress}/exemples/{KestrelPreviewSiteFactory.BrokenSlug}");

        var result = await page.RunAxe();

        Assert.Contains("Ce cas n'est pas publié : 1 erreur à corriger", await page.TextContentAsync(".alert-error"), StringComparison.Ordinal);
        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0, string.Join('\n', result.Violations.Select(v => $"{v.Id}: {v.Help} {string.Join(' ', v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
