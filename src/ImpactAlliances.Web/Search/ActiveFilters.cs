using System.Globalization;
using System.Text.Encodings.Web;
using ImpactAlliances.Core.Search;
using Microsoft.AspNetCore.Html;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// The active filters' chips (<c>&lt;div class="active-filters"&gt;</c>) of the search, map and statistics pages, written in
/// code when the page is, as the results' list is (<see cref="HitList"/>): as a partial view it cost a view's lookup,
/// activation, model and buffer on every page with a filter, more than its own code (BENCHMARKS.md, cpu38).
/// </summary>
internal sealed class ActiveFilters(SearchState state, SearchResult result) : IHtmlContent
{
    private const string Remove = " <span aria-hidden=\"true\">×</span><span class=\"visually-hidden\"> (retirer)</span>\n";

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        writer.Write("<div class=\"active-filters\" aria-label=\"Filtres actifs\">\n    <span>Filtres :</span>\n");
        foreach (var facet in result.Facets)
        {
            var chosen = facet.Values.Where(v => v.Selected).ToList();
            var allOf = state.AllOf.Contains(facet.Key) && chosen.Count > 1;
            // Two values of one facet widen the search (either will do) unless all are required: said between them, since a
            // chip's click adds a value and a reader expects it to narrow.
            for (var i = 0; i < chosen.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(allOf ? "                <span class=\"filter-join\">et</span>\n" : "                <span class=\"filter-join\">ou</span>\n");
                }
                writer.Write("            <a class=\"chip\" href=\"");
                state.WriteToggleHref(writer, facet.Key, chosen[i].Value);
                writer.Write("\" title=\"Retirer ce filtre\">\n                ");
                encoder.Encode(writer, facet.Label);
                writer.Write(" : ");
                encoder.Encode(writer, chosen[i].Label);
                writer.Write(Remove);
                writer.Write("            </a>\n");
            }
            if (allOf)
            {
                writer.Write("            <a class=\"chip\" href=\"");
                state.AnyOf(facet.Key).WriteHref(writer);
                writer.Write("\" title=\"Accepter l'une ou l'autre valeur\">\n                ");
                encoder.Encode(writer, facet.Label);
                writer.Write(" : toutes à la fois");
                writer.Write(Remove);
                writer.Write("            </a>\n");
            }
            else if (chosen.Count > 1)
            {
                writer.Write("            <a class=\"filter-mode\" href=\"");
                state.AllOfValues(facet.Key).WriteHref(writer);
                writer.Write("\">");
                encoder.Encode(writer, facet.Label);
                writer.Write(" : exiger toutes ces valeurs</a>\n");
            }
        }
        if (result.Years.From is not null || result.Years.To is not null)
        {
            writer.Write("        <a class=\"chip\" href=\"");
            state.WithoutYears().WriteHref(writer);
            writer.Write("\" title=\"Retirer ce filtre\">\n            Années : ");
            encoder.Encode(writer, result.Years.From?.ToString(CultureInfo.InvariantCulture) ?? "…");
            writer.Write('–');
            encoder.Encode(writer, result.Years.To?.ToString(CultureInfo.InvariantCulture) ?? "…");
            encoder.Encode(writer, !result.IncludeUndated ? ", cas datés seulement"
                : result.Undated > 0 ? $", dont {Formats.Number(result.Undated)} sans année" : "");
            writer.Write(Remove);
            writer.Write("        </a>\n");
        }
        writer.Write("    <a class=\"clear-all\" href=\"");
        state.WithoutFilters().WriteHref(writer);
        writer.Write("\">Tout effacer</a>\n</div>\n");
    }
}
