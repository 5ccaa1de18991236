using System.Globalization;
using System.Text;
using System.Text.Json;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Web.Api;

namespace ImpactAlliances.Web.Search;

/// <summary>How to cite a case: its permanent link, the content version it was read in, and ready-made references.</summary>
/// <param name="Permalink">The case's permanent address.</param>
/// <param name="Commit">The content commit the served index was built from, when known.</param>
/// <param name="PinnedUrl">The case's file as of that commit on the repository host, when configured.</param>
/// <param name="French">A reference in French academic style (after APA).</param>
/// <param name="BibTex">A BibTeX entry.</param>
/// <param name="CslJson">A CSL-JSON item, for reference managers.</param>
public sealed record CaseCitation(string Permalink, string? Commit, string? PinnedUrl, string French, string BibTex, string CslJson)
{
    /// <summary>The citation of a case read today at <paramref name="permalink"/>.</summary>
    public static CaseCitation Of(CaseStudy c, Taxonomy taxonomy, string permalink, string? commit, string? pinnedUrl, DateTimeOffset accessed)
    {
        var updated = Formats.Date(c.Updated);
        var read = Formats.Date(DateOnly.FromDateTime(accessed.DateTime));
        var version = commit is null ? "" : $" Version du contenu : {Short(commit)}.";
        var french = $"Impact Alliances. ({updated}). {c.Title}. Impact Alliances, base d'exemples d'alliances d'intérêt général.{version} Consulté le {read}, à l'adresse {permalink}";
        return new CaseCitation(permalink, commit, pinnedUrl, french, BibTexOf(c, permalink, commit, accessed), CslOf(c, taxonomy, permalink, commit, accessed));
    }

    private static string BibTexOf(CaseStudy c, string permalink, string? commit, DateTimeOffset accessed)
    {
        var entry = new StringBuilder();
        entry.Append(CultureInfo.InvariantCulture, $"@misc{{impactalliances-{c.Slug},\n");
        entry.Append(CultureInfo.InvariantCulture, $"  title = {{{Escape(c.Title)}}},\n");
        entry.Append("  author = {{Impact Alliances}},\n");
        entry.Append(CultureInfo.InvariantCulture, $"  year = {{{c.Updated.Year}}},\n");
        entry.Append(CultureInfo.InvariantCulture, $"  date = {{{c.Updated:yyyy-MM-dd}}},\n");
        entry.Append(CultureInfo.InvariantCulture, $"  url = {{{permalink}}},\n");
        entry.Append(CultureInfo.InvariantCulture, $"  urldate = {{{accessed:yyyy-MM-dd}}},\n");
        entry.Append("  howpublished = {Impact Alliances, base d'exemples d'alliances d'intérêt général},\n");
        if (commit is not null)
        {
            entry.Append(CultureInfo.InvariantCulture, $"  note = {{Version du contenu : {Short(commit)}}},\n");
        }
        entry.Append("  language = {french}\n}");
        return entry.ToString();
    }

    // The content version, as the French reference and the BibTeX give it: without it a reference manager kept a citation
    // that no longer said which text was read.
    private static string CslOf(CaseStudy c, Taxonomy taxonomy, string permalink, string? commit, DateTimeOffset accessed)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = ApiJson.FileEncoder }))
        {
            CitationJson.WriteItem(json, c, taxonomy, permalink, accessed, commit is null ? null : $"Version du contenu : {Short(commit)}");
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // BibTeX reads braces and backslashes; everything else stays as written (biblatex takes UTF-8).
    private static string Escape(string text) => text.Replace("\\", "\\textbackslash{}", StringComparison.Ordinal)
        .Replace("{", "\\{", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal);

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
