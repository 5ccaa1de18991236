using System.Globalization;
using System.Text.Encodings.Web;
using ImpactAlliances.Core.Search;
using Microsoft.AspNetCore.Html;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// The results' pager (<c>&lt;nav class="pager"&gt;</c>) of the search page, written straight into the response when the page
/// is, as the results' list is (<see cref="HitList"/>): as a partial view it cost a view's lookup, activation and buffer on
/// every page, more than its own code (BENCHMARKS.md, cpu38). Nothing when the results fit on one page.
/// </summary>
internal sealed class ResultPager(SearchState state, SearchResult result) : IHtmlContent
{
    /// <summary>
    /// The pages the pager links to: the first, the last and two either side of the current one; a gap of one page shows
    /// that page rather than « … », as wide.
    /// </summary>
    public static List<int> Pages(int current, int last)
    {
        var pages = new List<int>();
        for (var p = 1; p <= last; p++)
        {
            if (p == 1 || p == last || Math.Abs(p - current) <= 2 || (p == 2 && current == 5) || (p == last - 1 && current == last - 4))
            {
                pages.Add(p);
            }
        }
        return pages;
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var last = result.PageCount;
        if (last <= 1)
        {
            return;
        }
        var current = Math.Min(result.Page, last);
        var pages = Pages(current, last);
        writer.Write("    <nav class=\"pager\" aria-label=\"Pages de résultats\">\n");
        // Past the last page (a kept link, a number typed) the page before is the last one, not another empty one.
        if (result.Page > 1)
        {
            writer.Write("            <a rel=\"prev\" href=\"");
            state.WithPage(result.Page > last ? last : current - 1).WriteHref(writer);
            writer.Write("\">← Précédente</a>\n");
        }
        for (var i = 0; i < pages.Count; i++)
        {
            if (i > 0 && pages[i] - pages[i - 1] > 1)
            {
                writer.Write("                <span class=\"gap\" aria-hidden=\"true\">…</span>\n");
            }
            var number = pages[i].ToString(CultureInfo.InvariantCulture);
            if (pages[i] == result.Page)
            {
                writer.Write("                <span class=\"current\" aria-current=\"page\">");
                writer.Write(number);
                writer.Write("</span>\n");
            }
            else
            {
                writer.Write("                <a href=\"");
                state.WithPage(pages[i]).WriteHref(writer);
                writer.Write("\" aria-label=\"Page ");
                writer.Write(number);
                writer.Write("\">");
                writer.Write(number);
                writer.Write("</a>\n");
            }
        }
        if (current < last)
        {
            writer.Write("            <a rel=\"next\" href=\"");
            state.WithPage(current + 1).WriteHref(writer);
            writer.Write("\">Suivante →</a>\n");
        }
        writer.Write("    </nav>\n");
    }
}
