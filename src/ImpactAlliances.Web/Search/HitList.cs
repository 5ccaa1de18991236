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
internal sealed class HitList(IReadOnlyList<SearchHit> hits, SearchState state, int start, int counted = 0) : IHtmlContent
{
    /// <summary>Said between the results counted and those that hold only some of the words.</summary>
    public const string PartialHeading = "Ne contiennent qu'une partie de ces mots, sans être comptés :";

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        WriteStart(writer, start);
        for (var h = 0; h < hits.Count; h++)
        {
            var hit = hits[h];
            if (counted > 0 && start + h == counted + 1)
            {
                writer.Write("</ol>\n<p class=\"hits-partial\">");
                encoder.Encode(writer, PartialHeading);
                writer.Write("</p>\n");
                WriteStart(writer, start + h);
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
                    state.WriteWithHref(writer, key, value.Value);
                    writer.Write(selected ? "\" aria-current=\"true\">" : "\">");
                    encoder.Encode(writer, value.Label);
                    writer.Write("</a></li>\n");
                }
            }
            writer.Write("    </ul>\n</article></li>\n");
        }
        writer.Write("</ol>\n");
    }

    private static void WriteStart(TextWriter writer, int rank)
    {
        writer.Write("<ol class=\"hits\" start=\"");
        writer.Write(rank.ToString(CultureInfo.InvariantCulture));
        writer.Write("\">\n");
    }
}
