using System.Text.Encodings.Web;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Api;
using Microsoft.AspNetCore.Html;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// The note of a page that shows fewer results than its URL's <c>size</c> asks (<see cref="Wording.SizeCapped"/>), with the
/// export's links for the same search: the search page and a theme's page alike. Nothing when the page shows what was asked.
/// </summary>
internal sealed class SizeCappedNote(SearchState state, SearchResult result) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        if (state.Size is not { } asked || asked <= result.Size)
        {
            return;
        }
        writer.Write("<p class=\"filter-error\" role=\"alert\">");
        encoder.Encode(writer, Wording.SizeCapped(asked, result.Size));
        writer.Write(" <a href=\"");
        encoder.Encode(writer, ExportApi.Url(state, "csv"));
        writer.Write("\" download>CSV</a>, <a href=\"");
        encoder.Encode(writer, ExportApi.Url(state, "json"));
        writer.Write("\" download>JSON</a>.</p>");
    }
}
