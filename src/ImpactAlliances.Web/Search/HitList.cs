using System.Globalization;
using System.Text.Encodings.Web;
using ImpactAlliances.Core.Search;
using Microsoft.AspNetCore.Html;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// The list of results (<c>&lt;ol class="hits"&gt;</c>) of the search and theme pages, written straight into the response
/// when the page is, as one piece of the view's buffer: written by Razor, each result was some sixty pieces, and each of
/// its chips' links a piece after which the view flushed its writer (a page shows twenty results and about 150 chips).
/// </summary>
/// <param name="hits">The results of the page.</param>
/// <param name="state">The search the results belong to: a chip adds its value to it (<see cref="SearchState.With"/>).</param>
/// <param name="start">The rank of the first result.</param>
/// <param name="counted">
/// How many results of a widened search hold enough of the words and are counted (they come first): the list breaks
/// after them and says that those below hold only some of the words. Zero when every result is counted.
/// </param>
/// <param name="partial">How many results hold only some of the words, in all pages: the note says one or several.</param>
internal sealed class HitList(IReadOnlyList<SearchHit> hits, SearchState state, int start, int counted = 0, int partial = 0) : IHtmlContent
{
    /// <summary>Said between the results counted and those that hold only some of the words, several or one.</summary>
    public static string PartialNote(int partial) => partial == 1
        ? "L'exemple suivant ne contient qu'une partie de ces mots et n'est pas compté :"
        : "Les exemples suivants ne contiennent qu'une partie de ces mots et ne sont pas comptés :";

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        // Where on this page the first result holding only some of the words stands, if it does.
        var partialAt = counted > 0 ? counted + 1 - start : -1;
        var links = state.Links();
        if (partialAt != 0 || hits.Count == 0)
        {
            WriteStart(writer, start, labelled: false);
        }
        for (var h = 0; h < hits.Count; h++)
        {
            var hit = hits[h];
            if (h == partialAt)
            {
                if (h > 0)
                {
                    writer.Write("</ol>\n");
                }
                // The note names the list that follows, for a screen reader going from list to list.
                writer.Write("<p class=\"hits-partial\" id=\"hits-partial\">");
                encoder.Encode(writer, PartialNote(partial));
                writer.Write("</p>\n");
                WriteStart(writer, start + h, labelled: true);
            }
            writer.Write("<li><article class=\"hit\">\n    <h2 class=\"hit-title\"><a href=\"/exemples/");
            encoder.Encode(writer, hit.Slug);
            writer.Write("\">");
            encoder.Encode(writer, hit.Title);
            writer.Write("</a></h2>\n    <p class=\"hit-orgs\">");
            for (var i = 0; i < hit.Organisations.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(" · ");
                }
                encoder.Encode(writer, hit.Organisations[i]);
            }
            writer.Write("</p>\n        <p class=\"hit-snippet\">");
            // The snippet is built from HTML-encoded text with only <mark> added (SnippetBuilder).
            if (hit.Snippet is { } snippet)
            {
                writer.Write(snippet);
            }
            else
            {
                encoder.Encode(writer, hit.Summary);
            }
            // A chip adds its value to the search the result belongs to.
            writer.Write("</p>\n    <ul class=\"badges\" aria-label=\"Ajouter un filtre\">\n");
            for (var k = 0; k < Badges.Order.Count; k++)
            {
                var key = Badges.Order[k];
                if (hit.Facets.GetValueOrDefault(key) is not { } values)
                {
                    continue;
                }
                for (var i = 0; i < values.Count; i++)
                {
                    var value = values[i];
                    var selected = state.IsSelected(key, value.Value);
                    writer.Write("                <li><a class=\"badge badge-");
                    encoder.Encode(writer, key);
                    writer.Write(selected ? " is-selected\" href=\"" : "\" href=\"");
                    links.WriteWithHref(writer, key, value.Value);
                    writer.Write(selected ? "\" aria-current=\"true\">" : "\">");
                    encoder.Encode(writer, value.Label);
                    writer.Write("</a></li>\n");
                }
            }
            writer.Write("    </ul>\n</article></li>\n");
        }
        writer.Write("</ol>\n");
    }

    private static void WriteStart(TextWriter writer, int rank, bool labelled)
    {
        writer.Write("<ol class=\"hits\" start=\"");
        writer.Write(rank.ToString(CultureInfo.InvariantCulture));
        writer.Write(labelled ? "\" aria-labelledby=\"hits-partial\">\n" : "\">\n");
    }
}
