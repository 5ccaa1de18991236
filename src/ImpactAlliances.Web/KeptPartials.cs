using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ImpactAlliances.Web;

/// <summary>
/// The HTML of partial views that is the same for every request while a key stays the same (the footer for one index
/// version, the badges' legend always), rendered on first use and written again: a partial view is found, its view data
/// copied and the view activated with its helpers on every page that renders it, which came to about 0.7 % of a results
/// page's CPU per partial (BENCHMARKS.md, thirtieth session). One entry per view: a new key (a new index version)
/// replaces the old one. The key is the view's model, so that what the HTML shows and what it is kept under are one value.
/// </summary>
internal sealed class KeptPartials
{
    private readonly ConcurrentDictionary<string, (string Key, KeptHtml Html)> _kept = new();

    /// <summary>The HTML of <paramref name="view"/> with <paramref name="key"/> as its model, rendered now if it is not kept for that key.</summary>
    public async Task<IHtmlContent> GetAsync(IHtmlHelper html, string view, string key)
    {
        if (_kept.TryGetValue(view, out var kept) && kept.Key == key)
        {
            return kept.Html;
        }
        var content = await html.PartialAsync(view, key);
        using var writer = new StringWriter();
        content.WriteTo(writer, html.ViewContext.HttpContext.RequestServices.GetRequiredService<HtmlEncoder>());
        var rendered = new KeptHtml(writer.ToString());
        _kept[view] = (key, rendered);
        return rendered;
    }

    /// <summary>
    /// Kept HTML that a view's buffer takes as text (<see cref="MoveTo"/>): an <see cref="HtmlString"/> is kept as content,
    /// after which the view flushes its writer when it writes the page out, as a partial view's own buffer does not make it.
    /// Moving copies: the HTML is written again for the next page.
    /// </summary>
    private sealed class KeptHtml(string html) : IHtmlContentContainer
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(html);

        public void CopyTo(IHtmlContentBuilder builder) => builder.AppendHtml(html);

        public void MoveTo(IHtmlContentBuilder builder) => builder.AppendHtml(html);

        public override string ToString() => html;
    }
}

/// <summary>Razor's access to <see cref="KeptPartials"/>.</summary>
internal static class KeptPartialsExtensions
{
    /// <summary>
    /// The HTML of a partial view that reads nothing of the request, only its model <paramref name="key"/>, kept between
    /// requests (<see cref="KeptPartials"/>).
    /// </summary>
    public static Task<IHtmlContent> KeptPartialAsync(this IHtmlHelper html, string view, string key = "") =>
        html.ViewContext.HttpContext.RequestServices.GetRequiredService<KeptPartials>().GetAsync(html, view, key);
}
