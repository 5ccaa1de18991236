using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using ImpactAlliances.Core.Content;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ImpactAlliances.Core.Rendering;

/// <summary>
/// Renders case bodies: Markdown to HTML with Markdig, then through HtmlSanitizer so that raw HTML,
/// scripts, event handlers and <c>javascript:</c> links never reach a page as active content. A body made
/// only of what Markdig writes safely (text, emphasis, code spans, entities, lists, quotes, headings, rules,
/// and links to http, https, mailto or plain relative addresses) skips the sanitizer: the HTML is Markdig's and the text is read from its tree.
/// </summary>
/// <remarks>Thread-safe: the Markdig pipeline is immutable and the sanitizer is only read after construction.</remarks>
public sealed class MarkdownRenderer
{
    private const string ExternalRel = "noopener noreferrer nofollow";

    private static readonly HashSet<string> BlockElements =
        ["P", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "TR", "DT", "DD", "BR", "HR", "TD", "TH"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    // Built on first use: most bodies never need them, and building them costs as much as rendering dozens of bodies
    // (the parser alone, about 27 ms of CPU of a build's start: BENCHMARKS.md, twenty-eighth session).
    private readonly Lazy<HtmlSanitizer> _sanitizer = new(CreateSanitizer);
    private readonly Lazy<HtmlParser> _parser = new(() => new HtmlParser());

    /// <summary>Renders a Markdown body.</summary>
    public RenderedCase Render(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        if (MarkdigWritesSafely(document, markdown))
        {
            foreach (var link in document.Descendants<Inline>())
            {
                if (link is LinkInline { Url: { } url } && IsExternal(url) || link is AutolinkInline { IsEmail: false } autolink && IsExternal(autolink.Url))
                {
                    link.GetAttributes().AddProperty("rel", ExternalRel);
                }
            }
            return new RenderedCase(document.ToHtml(_pipeline), PlainTextOf(document));
        }
        var html = document.ToHtml(_pipeline);
        if (document.Descendants().Any(node => node is HtmlBlock or HtmlInline))
        {
            return ThroughText(html);
        }
        // Without raw HTML, the sanitized tree is the tree its HTML parses back to: the text is read from it,
        // without writing the HTML out and parsing it again.
        using var dom = _sanitizer.Value.SanitizeDom(html);
        return new RenderedCase(dom.Body!.ChildNodes.ToHtml(_sanitizer.Value.OutputFormatter), PlainTextOf(dom.Body));
    }

    /// <summary>Renders a Markdown body the way one with raw HTML is rendered (<see cref="ThroughText"/>), whatever it holds.</summary>
    internal RenderedCase RenderThroughText(string markdown) => ThroughText(Markdown.ToHtml(markdown, _pipeline));

    /// <summary>
    /// Whether the tree holds only what Markdig writes as the sanitizer would leave it: no raw HTML, no image, no
    /// table (its alignment is a style attribute), no code block, and links only to safe addresses. Characters an
    /// HTML parser rewrites (carriage return, NUL), typed or as entities, send the body the long way too, so that
    /// the text read from the tree is the text a page's tree holds; so does <c>&amp;{</c>, which the sanitizer
    /// strips from attributes.
    /// </summary>
    private static bool MarkdigWritesSafely(MarkdownDocument document, string markdown) =>
        markdown.AsSpan().IndexOfAny('\r', '\0') < 0 && !markdown.Contains("&{", StringComparison.Ordinal)
        && document.Descendants().All(node => node switch
        {
            LinkInline link => !link.IsImage && link.GetDynamicUrl is null && IsSafeAddress(link.Url),
            AutolinkInline autolink => autolink.IsEmail || IsSafeAddress(autolink.Url),
            HtmlEntityInline entity => entity.Transcoded.AsSpan().IndexOfAny('\r', '\0') < 0,
            LiteralInline or EmphasisInline or LineBreakInline or CodeInline => true,
            ParagraphBlock or HeadingBlock or ListBlock or ListItemBlock or QuoteBlock or ThematicBreakBlock => true,
            LinkReferenceDefinitionGroup or LinkReferenceDefinition or BlankLineBlock => true,
            _ => false,
        });

    /// <summary>
    /// An http, https or mailto address, or a relative one without a colon or an ampersand: what the sanitizer
    /// keeps as Markdig writes it (it drops relative addresses whose start reads as a scheme once decoded, such as
    /// <c>?a=b:c</c> or <c>a&amp;#58b</c>).
    /// </summary>
    private static bool IsSafeAddress(string? url) =>
        string.IsNullOrEmpty(url)
        || !url.AsSpan().ContainsAnyInRange('\0', ' ')
            && (url.AsSpan().IndexOfAny(':', '&') < 0
                || url.StartsWith("http://", StringComparison.Ordinal)
                || url.StartsWith("https://", StringComparison.Ordinal)
                || url.StartsWith("mailto:", StringComparison.Ordinal));

    /// <summary>
    /// Sanitizes the HTML, then reads the text from it parsed again, as a page would: raw HTML the sanitizer
    /// changed may parse back to another tree than the one it left.
    /// </summary>
    private RenderedCase ThroughText(string html)
    {
        var sanitized = _sanitizer.Value.Sanitize(html);
        return new RenderedCase(sanitized, PlainTextOf(_parser.Value.ParseDocument($"<body>{sanitized}</body>").Body!));
    }

    private static string PlainTextOf(INode body)
    {
        var text = new StringBuilder();
        Append(body, text);
        return Lines(text);
    }

    /// <summary>The text of a tree Markdig writes safely, as <see cref="PlainTextOf(INode)"/> reads it from the page's tree.</summary>
    private static string PlainTextOf(MarkdownDocument document)
    {
        var text = new StringBuilder();
        AppendBlocks(document, text);
        return Lines(text);
    }

    /// <summary>The text's lines, trimmed, without the empty ones.</summary>
    private static string Lines(StringBuilder text) =>
        string.Join('\n', text.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static void Append(INode node, StringBuilder text)
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

    // Every block Markdig writes ends a line of the page's text, as the block elements do in Append.
    private static void AppendBlocks(ContainerBlock container, StringBuilder text)
    {
        foreach (var block in container)
        {
            if (block is ContainerBlock inner)
            {
                AppendBlocks(inner, text);
            }
            else if (block is LeafBlock leaf && !(leaf is HeadingBlock { Level: 2 } && CaseStudyRules.Sections.Contains(TextOf(leaf.Inline).Trim())))
            {
                AppendInlines(leaf.Inline, text);
            }
            text.Append('\n');
        }
    }

    private static void AppendInlines(ContainerInline? container, StringBuilder text)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                // Markdig writes nothing for a break that ends its container (a link's text).
                case LineBreakInline when inline.NextSibling is not null:
                    text.Append('\n');
                    break;
                case ContainerInline inner:
                    AppendInlines(inner, text);
                    break;
            }
        }
    }

    private static string TextOf(ContainerInline? inline)
    {
        var text = new StringBuilder();
        AppendInlines(inline, text);
        return text.ToString();
    }

    /// <summary>
    /// Whether a link leaves the site: those open safely (<see cref="ExternalRel"/>), on either way of rendering;
    /// internal ones (/exemples/...) stay as they are.
    /// </summary>
    private static bool IsExternal(string href) => href.StartsWith("http", StringComparison.Ordinal);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.ExceptWith(["form", "input", "button", "select", "textarea", "iframe", "img"]);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { TagName: "A" } a && a.GetAttribute("href") is { } href && IsExternal(href))
            {
                a.SetAttribute("rel", ExternalRel);
            }
        };
        return sanitizer;
    }
}
