using System.Text.Encodings.Web;
using ImpactAlliances.Core.Search;
using Microsoft.AspNetCore.Html;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// One list of a facet's values as links (<c>&lt;ul class="facet-values"&gt;</c> of the results page's filters), written
/// straight into the response when the page is: a page lists about ninety values. Written by Razor, each value was some
/// twenty pieces of the view's buffer, and its link a piece of its own after which the view flushed its writer; this writes
/// the whole list, its links and its drill-down included, as one piece, the same bytes.
/// </summary>
/// <remarks>
/// Drill-down: a selected value, or one with a selected child (its slug in <paramref name="withSelectedChild"/>), lists
/// its children (a region its départements); they are gathered only then, not for each of the regions listed.
/// </remarks>
/// <param name="links">The page's links (<see cref="SearchState.Links"/>): one writer for all the facets' lists of a page.</param>
internal sealed class FacetValueList(SearchState.LinkWriter links, string facetKey, IReadOnlyList<FacetCount> values,
    FacetResult? children, IReadOnlySet<string> withSelectedChild) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        writer.Write("        <ul class=\"facet-values\">\n");
        // Indexed: a foreach over the read-only list would allocate an enumerator for each list.
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            writer.Write(value.Selected
                ? "                <li>\n                    <a class=\"facet-value is-selected\" href=\""
                : "                <li>\n                    <a class=\"facet-value\" href=\"");
            links.WriteToggleHref(writer, facetKey, value.Value);
            writer.Write("\"\n                       data-facet=\"");
            encoder.Encode(writer, facetKey);
            writer.Write("\" data-value=\"");
            encoder.Encode(writer, value.Value);
            writer.Write(value.Selected
                ? "\" aria-current=\"true\">\n                        <span class=\"box\" aria-hidden=\"true\"></span>\n                        <span class=\"facet-label\">"
                : "\">\n                        <span class=\"box\" aria-hidden=\"true\"></span>\n                        <span class=\"facet-label\">");
            encoder.Encode(writer, value.Label);
            writer.Write("</span>\n                        <span class=\"facet-count\">");
            encoder.Encode(writer, Formats.Number(value.Count));
            writer.Write("<span class=\"visually-hidden\"> ");
            writer.Write(Formats.CaseNoun(value.Count));
            writer.Write(value.Selected
                ? ", sélectionné</span></span>\n                    </a>\n"
                : "</span></span>\n                    </a>\n");
            if (children is not null && (value.Selected || withSelectedChild.Contains(value.Value)) && Members(children, value.Value) is { Count: > 0 } members)
            {
                writer.Write("                            <div class=\"facet-children\" role=\"group\" aria-label=\"");
                encoder.Encode(writer, children.Label);
                writer.Write(" : ");
                encoder.Encode(writer, value.Label);
                writer.Write("\">\n");
                new FacetValueList(links, children.Key, members, null, Empty).WriteTo(writer, encoder);
                writer.Write("                            </div>\n");
            }
            writer.Write("                </li>\n");
        }
        writer.Write("        </ul>\n");
    }

    private static readonly IReadOnlySet<string> Empty = new HashSet<string>();

    /// <summary>The children of the family a value heads (a region's départements), or null.</summary>
    private static List<FacetCount>? Members(FacetResult children, string value)
    {
        foreach (var family in children.Families)
        {
            if (family.Slug == value)
            {
                return children.Values.Where(v => family.Values.Contains(v.Value)).ToList();
            }
        }
        return null;
    }
}
