using System.Collections.Concurrent;

namespace ImpactAlliances.Core.Content;

/// <summary>
/// Loads a content folder (<c>taxonomy.yml</c> and <c>cases/**/*.md</c>) and runs the checks that span
/// files: duplicate slugs, duplicate titles and links to cases that do not exist.
/// </summary>
public static class ContentLoader
{
    /// <summary>The taxonomy file, relative to the content folder.</summary>
    public const string TaxonomyFile = "taxonomy.yml";
    /// <summary>The cases folder, relative to the content folder.</summary>
    public const string CasesFolder = "cases";

    /// <summary>Loads and validates everything below <paramref name="contentPath"/>.</summary>
    public static ContentSet Load(string contentPath, DateOnly today)
    {
        var diagnostics = new List<ContentDiagnostic>();
        if (!Directory.Exists(contentPath))
        {
            diagnostics.Add(new(contentPath, 1, DiagnosticSeverity.Error, "content folder not found"));
            return new ContentSet(null, [], diagnostics);
        }
        var taxonomy = TaxonomyReader.Read(Path.Combine(contentPath, TaxonomyFile), diagnostics);
        if (taxonomy is null)
        {
            return new ContentSet(null, [], diagnostics);
        }
        // The synonyms apply at query time, but a broken line is an editor's mistake to report here too.
        using (var analyzer = new Search.FrenchAnalyzer(stem: true))
        {
            Search.SynonymSet.Read(Path.Combine(contentPath, Search.SynonymSet.FileName), analyzer, diagnostics);
        }
        var files = CaseFiles(contentPath);
        var reader = new CaseStudyReader(taxonomy, today);
        var results = new ConcurrentBag<(string Path, CaseFile? Case, List<ContentDiagnostic> Diagnostics)>();
        Parallel.ForEach(files, file =>
        {
            var own = new List<ContentDiagnostic>();
            var caseFile = reader.Read(file, own);
            results.Add((file, caseFile, own.OrderBy(d => d.Line).ToList()));
        });
        var ordered = results.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        diagnostics.AddRange(ordered.SelectMany(r => r.Diagnostics));
        var cases = ordered.Where(r => r.Case is not null).Select(r => r.Case!).ToList();
        var slugs = ordered.Select(r => Path.GetFileNameWithoutExtension(r.Path)).ToHashSet(StringComparer.Ordinal);
        diagnostics.AddRange(CrossFileChecks(cases, slugs));
        var rejected = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Path).ToHashSet();
        return new ContentSet(taxonomy, cases.Where(c => !rejected.Contains(c.Path)).ToList(), diagnostics);
    }

    /// <summary>Case files below the content folder; names starting with '_' (templates) are not cases.</summary>
    public static IReadOnlyList<string> CaseFiles(string contentPath)
    {
        var folder = Path.Combine(contentPath, CasesFolder);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('_'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    private static IEnumerable<ContentDiagnostic> CrossFileChecks(IReadOnlyList<CaseFile> cases, HashSet<string> slugs)
    {
        foreach (var group in cases.GroupBy(c => c.Case.Slug, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                yield return new(duplicate.Path, 1, DiagnosticSeverity.Error, $"duplicate slug '{group.Key}': {first.Path} has the same file name");
            }
        }
        foreach (var group in cases.GroupBy(c => c.Case.Title.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                yield return new(duplicate.Path, duplicate.TitleLine, DiagnosticSeverity.Error, $"duplicate title: {first.Path}:{first.TitleLine} has the same title");
            }
        }
        foreach (var file in cases)
        {
            foreach (var link in file.Links.Where(l => !slugs.Contains(l.Slug)))
            {
                var hint = Suggestions.Closest(link.Slug, slugs) is { } s ? $"; did you mean '/exemples/{s}'?" : "";
                yield return new(file.Path, link.Line, DiagnosticSeverity.Error, $"link to '/exemples/{link.Slug}' points to no case{hint}");
            }
        }
    }
}
