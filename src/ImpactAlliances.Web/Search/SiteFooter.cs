using System.Globalization;
using System.Text.Encodings.Web;
using ImpactAlliances.Core.Releases;
using ImpactAlliances.Web.Api;
using Microsoft.AspNetCore.Html;

namespace ImpactAlliances.Web.Search;

/// <summary>
/// Every page's footer, written in code by the layout: the same on every page but for the version of the index open, and made
/// again only when that version changes, not as a partial view rendered on every page (its lookup, activation and buffer cost
/// more than its markup; BENCHMARKS.md, cpu38).
/// </summary>
internal static class SiteFooter
{
    // The footer last made, with what it was made from: one object, replaced whole, for the threads that read it.
    private static Made? _made;

    /// <summary>The footer naming <paramref name="version"/>, the index version already open (null: none yet, as an error page may say).</summary>
    public static IHtmlContent For(string? version)
    {
        var made = _made;
        return made is not null && made.Version == version ? made : new Made(version);
    }

    private sealed class Made(string? version) : IHtmlContent
    {
        // The markup and the encoder it was made with (the site has one): one object, replaced whole.
        private Rendered? _rendered;

        public string? Version { get; } = version;

        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var rendered = _rendered;
            if (rendered is null || !ReferenceEquals(rendered.Encoder, encoder))
            {
                _rendered = rendered = new(encoder, Write(encoder));
                // Kept for the next pages once written: a page that fails before its footer keeps nothing.
                _made = this;
            }
            writer.Write(rendered.Html);
        }

        private string Write(HtmlEncoder encoder)
        {
            var html = new StringWriter(CultureInfo.InvariantCulture);
            html.Write("<footer class=\"site-footer\">\n    <div class=\"wrap\">\n        <p>Chaque exemple cite ses sources. Une erreur, un exemple à proposer ? Les cas sont des fichiers Markdown ouverts aux contributions.</p>\n"
                + "        <nav aria-label=\"Pied de page\">\n            <ul class=\"footer-links\">\n"
                + "                <li><a href=\"/donnees\">Données ouvertes</a></li>\n                <li><a href=\"");
            encoder.Encode(html, ApiEndpoints.DocumentationPath);
            html.Write("\">API</a></li>\n                <li><a href=\"/sitemap.xml\">Plan du site (XML)</a></li>\n"
                + "                <li><a href=\"/mentions-legales\">Mentions légales</a></li>\n"
                + "                <li><a href=\"/accessibilite\">Accessibilité : non conforme</a></li>\n            </ul>\n        </nav>\n        <p>\n"
                + "            Contenu sous licence <a href=\"");
            encoder.Encode(html, ContentLicence.Url);
            html.Write("\" rel=\"license\">");
            encoder.Encode(html, ContentLicence.Name);
            html.Write("</a>, à citer « Impact Alliances » ;\n            code sous licence ");
            encoder.Encode(html, ContentLicence.CodeLicence);
            html.Write(".\n            Version de l'index : <code class=\"index-version\">");
            encoder.Encode(html, Version ?? "aucune");
            html.Write("</code>.\n        </p>\n    </div>\n</footer>\n");
            return html.ToString();
        }

        private sealed record Rendered(HtmlEncoder Encoder, string Html);
    }
}
