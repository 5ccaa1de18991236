using System.Text.Encodings.Web;
using ImpactAlliances.Core.Search;
using Microsoft.AspNetCore.Html;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// A page past the last of results there are (a link kept after the base changed, a number typed): the way on is the last
/// page, or the first. The search page and a theme's page alike; nothing when the page has results or there are none at all.
/// </summary>
internal sealed class PastLastPageNote(SearchState state, SearchResult result) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        if (result.Total == 0 || result.Hits.Count > 0)
        {
            return;
        }
        writer.Write("<p class=\"empty\">Cette page est au-delà des résultats. ");
        if (result.PageCount > 1)
        {
            Link(writer, encoder, state.WithPage(result.PageCount), $"Aller à la dernière page ({result.PageCount})");
            writer.Write(" ou ");
            Link(writer, encoder, state.WithPage(1), "revenir à la première");
        }
        else
        {
            Link(writer, encoder, state.WithPage(1), "Revenir à la première page");
        }
        writer.Write(".</p>");
    }

    private static void Link(TextWriter writer, HtmlEncoder encoder, SearchState target, string text)
    {
        writer.Write("<a href=\"");
        encoder.Encode(writer, target.ToUrl());
        writer.Write("\">");
        encoder.Encode(writer, text);
        writer.Write("</a>");
    }
}
