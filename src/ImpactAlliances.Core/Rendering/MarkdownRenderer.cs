using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using ImpactAlliances.Core.Content;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ImpactAlliances.Core.Rendering;

/// <summary>
/// Renders case bodies: Markdown to HTML with Markdig, then through HtmlSanitizer so that raw HTML,
/// scripts, event handlers and <c>javascript:</c> links never reach a page as active content.
/// </summary>
/// <remarks>Thread-safe: the Markdig pipeline is immutable and the sanitizer is only read after construction.</remarks>
public sealed class MarkdownRenderer
{
    private static readonly HashSet<string> BlockElements =
        ["P", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "TR", "DT", "DD", "BR", "HR", "TD", "TH"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();
    private readonly HtmlParser _parser = new();

    /// <summary>Renders a Markdown body.</summary>
    public RenderedCase Render(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        var html = document.ToHtml(_pipeline);
        if (document.Descendants().Any(node => node is HtmlBlock or HtmlInline))
        {
            return ThroughText(html);
        }
        // Without raw HTML, the sanitized tree is the tree its HTML parses back to: the text is read from it,
        // without writing the HTML out and parsing it again.
        using var dom = _sanitizer.SanitizeDom(html);
        return new RenderedCase(dom.Body!.ChildNodes.ToHtml(_sanitizer.OutputFormatter), PlainTextOf(dom.Body));
    }

    /// <summary>Renders a Markdown body the way one with raw HTML is rendered (<see cref="ThroughText"/>), whatever it holds.</summary>
    internal RenderedCase RenderThroughText(string markdown) => ThroughText(Markdown.ToHtml(markdown, _pipeline));

    /// <summary>
    /// Sanitizes the HTML, then reads the text from it parsed again, as a page would: raw HTML the sanitizer
    /// changed may parse back to another tree than the one it left.
    /// </summary>
    private RenderedCase ThroughText(string html)
    {
        var sanitized = _sanitizer.Sanitize(html);
        return new RenderedCase(sanitized, PlainTextOf(_parser.ParseDocument($"<body>{sanitized}</body>").Body!));
    }

    private static string PlainTextOf(INode body)
    {
        var text = new System.Text.StringBuilder();
        Append(body, text);
        return string.Join('\n', text.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    private static void Append(INode node, System.Text.StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
                continue;
            }
            // The standard section titles are in every case: as text they only add noise to matching and snippets.
            if (child is IElement { TagName: "H2" } heading && CaseStudyRules.Sections.Contains(heading.TextContent.Trim()))
            {
                continue;
            }
            var isBlock = child is IElement e && BlockElements.Contains(e.TagName);
            Append(child, text);
            if (isBlock)
            {
                text.Append('\n');
            }
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.ExceptWith(["form", "input", "button", "select", "textarea", "iframe", "img"]);
        // External links open safely; internal ones (/exemples/...) stay as they are.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { TagName: "A" } a && a.GetAttribute("href") is { } href && href.StartsWith("http", StringComparison.Ordinal))
            {
                a.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }
}
