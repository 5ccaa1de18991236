using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Rendering;

namespace ImpactAlliances.Core.Tests.Rendering;

public sealed class MarkdownRendererFacts
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Markdown_becomes_html_and_plain_text()
    {
        var rendered = _renderer.Render("## Contexte\n\nUne **alliance** et [un lien](https://example.org).\n\n### Un détail\n\n- un\n- deux");

        Assert.Contains("<h2>Contexte</h2>", rendered.Html);
        Assert.Contains("<strong>alliance</strong>", rendered.Html);
        Assert.Equal("Une alliance et un lien.\nUn détail\nun\ndeux", rendered.PlainText);
    }

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[clic](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">clic</a>")]
    [InlineData("<div onclick=\"alert(1)\">texte</div>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<form action=\"https://evil.example\"><input name=a></form>")]
    public void Hostile_html_never_reaches_the_page_as_active_content(string markdown)
    {
        var html = _renderer.Render($"Texte.\n\n{markdown}\n").Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void External_links_open_without_passing_the_page_on()
    {
        var html = _renderer.Render("[source](https://example.org) et [cas](/exemples/autre)").Html;

        Assert.Contains("href=\"https://example.org\" rel=\"noopener noreferrer nofollow\"", html);
        Assert.Contains("<a href=\"/exemples/autre\">cas</a>", html);
    }

    [Fact]
    public void Plain_text_leaves_out_what_the_sanitizer_removed()
    {
        var text = _renderer.Render("Avant <script>var secret = 1;</script> après").PlainText;

        Assert.DoesNotContain("secret", text);
        Assert.Contains("Avant", text);
    }

    [Theory]
    [InlineData("## Contexte\n\nUn « projet » \"cité\" & l'emploi < 5 % > 2 ; [lien](https://example.org) et [cas](/exemples/autre).  \nLigne suivante.")]
    [InlineData("| a | b |\n| --- | --- |\n| un | deux |\n\n> Citation *forte*\n\n1. un\n2. deux\n\n---\n\n`code` et ~~barré~~")]
    [InlineData("![image](https://example.org/x.png) [clic](javascript:alert(1)) <https://example.org> &amp; &eacute; &#233;")]
    [InlineData("## Partenaires\n\n## Résultats\n\nTexte.")]
    public void A_body_without_raw_html_renders_as_through_the_round_trip(string markdown)
    {
        Assert.Equal(_renderer.RenderThroughText(markdown), _renderer.Render(markdown));
    }

    [Fact]
    public void Every_real_case_renders_as_through_the_round_trip()
    {
        foreach (var file in ContentLoader.Load(RepositoryPaths.Resolve("content"), DateOnly.FromDateTime(DateTime.Today)).Cases)
        {
            Assert.Equal(_renderer.RenderThroughText(file.Case.Body), _renderer.Render(file.Case.Body));
        }
    }
}
