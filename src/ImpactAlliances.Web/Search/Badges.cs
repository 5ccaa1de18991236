using System.Globalization;
using System.Text.Encodings.Web;
using ImpactAlliances.Core.Schema;
using Microsoft.AspNetCore.Html;

namespace ImpactAlliances.Web.Search;

/// <summary>The facets a result shows as coloured chips, in their order, and the legend of the colours.</summary>
public static class Badges
{
    /// <summary>Facet keys in the order a result's chips show them.</summary>
    public static readonly IReadOnlyList<string> Order =
        [CaseStudySchema.PartnershipTypes.Key, CaseStudySchema.Domains.Key, CaseStudySchema.Scales.Key, CaseStudySchema.Regions.Key, CaseStudySchema.Statuses.Key];

    /// <summary>One entry per colour: the chip class it styles and what it means. Scales and regions share a colour.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Legend =
    [
        (CaseStudySchema.PartnershipTypes.Key, "type de partenariat"), (CaseStudySchema.Domains.Key, "domaine"),
        (CaseStudySchema.Regions.Key, "échelle ou région"), (CaseStudySchema.Statuses.Key, "statut"),
    ];
}

/// <summary>
/// The legend of the chips' colours (<c>&lt;p class="badge-legend"&gt;</c>), the same on every page that lists results: written
/// in code, made once for the site's encoder, not as a partial view whose lookup, activation and buffer cost more than its
/// markup on every results page (BENCHMARKS.md, cpu38).
/// </summary>
internal sealed class BadgeLegend : IHtmlContent
{
    public static readonly BadgeLegend Instance = new();

    // The markup and the encoder it was made with (the site has one): one object, replaced whole, for the threads that read it.
    private Made? _made;

    private BadgeLegend()
    {
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var made = _made;
        if (made is null || !ReferenceEquals(made.Encoder, encoder))
        {
            var html = new StringWriter(CultureInfo.InvariantCulture);
            // A chip adds its value to the current search.
            html.Write("<p class=\"badge-legend\">\n    <span>Étiquettes :</span>\n");
            foreach (var (key, label) in Badges.Legend)
            {
                html.Write("        <span class=\"legend-item\"><span class=\"swatch badge-");
                encoder.Encode(html, key);
                html.Write("\" aria-hidden=\"true\"></span>");
                encoder.Encode(html, label);
                html.Write("</span>\n");
            }
            html.Write("    <span class=\"legend-hint\">· un clic ajoute le filtre</span>\n</p>\n");
            _made = made = new(encoder, html.ToString());
        }
        writer.Write(made.Html);
    }

    private sealed record Made(HtmlEncoder Encoder, string Html);
}
