using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Rendering;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Web.Search;

/// <summary>A case left out of the preview because of its errors: what its page shows instead of a 404.</summary>
/// <param name="Slug">The file name, which is the case's address.</param>
/// <param name="Path">The file, as editors name it (<c>content/cases/x.md</c>).</param>
/// <param name="Title">The title as written, when it can be read.</param>
/// <param name="Diagnostics">The file's problems, errors first, by line.</param>
/// <param name="BodyHtml">The body rendered as it would be published (sanitized), empty when there is none.</param>
public sealed record BrokenCase(string Slug, string Path, string? Title, IReadOnlyList<ContentDiagnostic> Diagnostics, string BodyHtml)
{
    /// <summary>The problems that keep the case from being published.</summary>
    public IEnumerable<ContentDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The problems worth fixing that do not block it.</summary>
    public IEnumerable<ContentDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);
}

/// <summary>
/// In preview mode only, finds the case file behind an address that has no published case because of its
/// errors, so that its page lists them; the public site answers 404 as for any unknown address.
/// </summary>
public sealed class BrokenCasePreview(ContentStatus status, IOptions<SearchIndexOptions> options, MarkdownRenderer renderer, TimeProvider clock)
{
    /// <summary>The broken case at this address, or null when there is none or the site is not in preview mode.</summary>
    public BrokenCase? Find(string slug)
    {
        if (!options.Value.Watch)
        {
            return null;
        }
        var diagnostics = status.Diagnostics
            .Where(d => d.Path.EndsWith(".md", StringComparison.Ordinal) && System.IO.Path.GetFileNameWithoutExtension(d.Path) == slug)
            .OrderBy(d => d.Severity).ThenBy(d => d.Line)
            .ToList();
        if (!diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }
        var shown = diagnostics[0].Path;
        var file = System.IO.Path.Combine(ContentLoader.ContentParent(options.Value.ContentPath), shown);
        var taxonomy = TaxonomyReader.Read(System.IO.Path.Combine(options.Value.ContentPath, ContentLoader.TaxonomyFile), []);
        if (taxonomy is null || !File.Exists(file))
        {
            return new BrokenCase(slug, shown, null, diagnostics, "");
        }
        // Read again, through the content guards, for what can be shown: the title and the body as the editor wrote them.
        var reading = new CaseStudyReader(taxonomy, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).Inspect(file, [], options.Value.ContentPath);
        return new BrokenCase(slug, shown, reading.Title, diagnostics, reading.Body.Trim().Length == 0 ? "" : renderer.Render(reading.Body).Html);
    }
}
