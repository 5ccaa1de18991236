using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

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
        Assert.Contains("unknown value &#x27;mobilit&#x27; in &#x27;domains&#x27;", page);
        Assert.Contains("Aucun exemple trouvé", page);

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

    private static async Task<string> Eventually(HttpClient client, string url, Func<string, bool> condition)
    {
        var html = "";
        for (var i = 0; i < 100; i++)
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
