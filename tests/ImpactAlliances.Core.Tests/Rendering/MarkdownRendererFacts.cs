using AngleSharp.Html.Parser;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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
    [InlineData("- un\n  - sous-point *fort*\n- deux\n\n1. premier\n\n2. second, lâche\n\na. alpha\nb. bêta")]
    [InlineData("Voir www.example.org, <contact@example.org>, [écrire](mailto:a@example.org) et [ancre](#fin) ; ==marqué== ^haut^ ~bas~ ++ajout++.")]
    [InlineData("## Le *partenariat*\n\n## Contexte \n\nLigne\u00a0insécable\\\nsuite & fin [ref].\n\n[ref]: https://example.org \"Titre\"")]
    [InlineData("[relatif](page:1) [espace](<https://example.org/a b>) [maj](HTTPS://EXAMPLE.ORG)")]
    [InlineData("[x](a&#58b) [y](a&amp;#x3A;b) [t](/a \"&{b}\") [a\n](/x) b [c  \n](/y) d a&#13;b &#xD;")]
    public void A_body_renders_as_through_the_round_trip(string markdown)
    {
        AssertSameAsRoundTrip(markdown);
    }

    [Fact]
    public void Every_real_case_renders_as_through_the_round_trip()
    {
        foreach (var file in ContentLoader.Load(RepositoryPaths.Resolve("content"), DateOnly.FromDateTime(DateTime.Today)).Cases)
        {
            AssertSameAsRoundTrip(file.Case.Body);
        }
    }

    // What case bodies are made of, and what Markdig and the sanitizer might treat apart: emphasis, lists,
    // quotes, headings, breaks, entities, characters HTML escapes, links of every kind, and a few hostile ones.
    private static readonly string[] Pieces =
    [
        "emploi", "précarité", " ", " ", "\n", "\n\n", "  \n", "\\\n", "**fort**", "*léger*", "_souligné_", "~~barré~~",
        "`code`", "&amp;", "&eacute;", "&#233;", "&nbsp;", "<", ">", "&", "\"", "'", "«", "»", "\u00a0", "- ", "1. ", "> ",
        "## ", "### ", "## Contexte", "## Enseignements", "---", "[lien](https://example.org/a?b=1&c=2)",
        "[cas](/exemples/autre)", "[courriel](mailto:a@example.org)", "<https://example.org>", "www.example.org",
        "[clic](javascript:alert(1))", "![img](https://example.org/x.png)", "<b>brut</b>", "| a | b |\n| - | - |\n",
        "[x]", "[x]: https://example.org\n", "\\*", "==m==", "[pr](//example.org/x)", "[d](data:text/html,x)",
        "[v](VBScript:x)", "[t](<java\tscript:x>)", "[q](?a=b:c)", "[h](#a:b)", "[", "](/x)", "&#13;", "&{", "&#58",
        "[x](a&#58b)", "(/a \"t\")",
    ];

    [Property(MaxTest = 400)]
    public Property Any_body_renders_as_through_the_round_trip() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements(Pieces)).Select(string.Concat).ToArbitrary(), markdown =>
        {
            AssertSameAsRoundTrip(markdown);
            return true;
        });

    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// The same text, and HTML that parses to the same tree, as when the body takes the longest way (sanitized,
    /// written out, parsed again): Markdig and the sanitizer may write one tree differently (<c>&lt;br /&gt;</c>
    /// or <c>&lt;br&gt;</c>, <c>&amp;quot;</c> or <c>"</c>, attributes in another order).
    /// </summary>
    private void AssertSameAsRoundTrip(string markdown)
    {
        var expected = _renderer.RenderThroughText(markdown);
        var actual = _renderer.Render(markdown);

        Assert.Equal(expected.PlainText, actual.PlainText);
        Assert.Equal(TreeOf(expected.Html), TreeOf(actual.Html));
    }

    private static string TreeOf(string html)
    {
        var body = Parser.ParseDocument($"<body>{html}</body>").Body!;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            var attributes = element.Attributes.Select(a => (a.Name, a.Value)).Order().ToList();
            foreach (var (name, _) in attributes)
            {
                element.RemoveAttribute(name);
            }
            foreach (var (name, value) in attributes)
            {
                element.SetAttribute(name, value);
            }
        }
        return body.InnerHtml;
    }
}
