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

    /// <summary>Loads and validates everything below <paramref name="contentPath"/>, keeping the valid cases.</summary>
    public static ContentSet Load(string contentPath, DateOnly today)
    {
        var cases = new ConcurrentBag<CaseFile>();
        var scan = Scan(contentPath, today, cases.Add);
        var kept = cases.Where(c => !scan.Rejected.Contains(c.Path)).OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
        return new ContentSet(scan.Taxonomy, kept, scan.Diagnostics);
    }

    /// <summary>
    /// Reads and checks every case file, on all cores, handing each case that passes its own checks to
    /// <paramref name="onCase"/> as soon as it is read (from any thread; nothing is kept, so memory stays
    /// flat however many cases there are), then runs the checks that span files.
    /// </summary>
    /// <returns>Every problem, and the files the checks across files reject after they were handed over.</returns>
    public static ContentScan Scan(string contentPath, DateOnly today, Action<CaseFile> onCase)
    {
        var diagnostics = new List<ContentDiagnostic>();
        if (!Directory.Exists(contentPath))
        {
            diagnostics.Add(new(contentPath, 1, DiagnosticSeverity.Error, "content folder not found"));
            return new ContentScan(null, diagnostics, new HashSet<string>());
        }
        var taxonomy = TaxonomyReader.Read(Path.Combine(contentPath, TaxonomyFile), diagnostics);
        if (taxonomy is null)
        {
            return new ContentScan(null, diagnostics, new HashSet<string>());
        }
        // The synonyms apply at query time, but a broken line is an editor's mistake to report here too.
        using (var analyzer = new Search.FrenchAnalyzer(stem: true))
        {
            Search.SynonymSet.Read(Path.Combine(contentPath, Search.SynonymSet.FileName), analyzer, diagnostics);
        }
        var sourceHosts = SourceHosts.Read(Path.Combine(contentPath, SourceHosts.FileName), diagnostics);
        var reader = new CaseStudyReader(taxonomy, today, sourceHosts);
        var results = new ConcurrentBag<(string Path, CaseKey? Key, List<ContentDiagnostic> Diagnostics)>();
        Parallel.ForEach(CaseFiles(contentPath, diagnostics), file =>
        {
            var own = new List<ContentDiagnostic>();
            var caseFile = reader.Read(file, own, contentPath);
            if (caseFile is not null)
            {
                onCase(caseFile);
            }
            results.Add((file, caseFile is null ? null : CaseKey.Of(caseFile), own.OrderBy(d => d.Line).ToList()));
        });
        var ordered = results.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        diagnostics.AddRange(ordered.SelectMany(r => r.Diagnostics));
        var slugs = ordered.Select(r => Path.GetFileNameWithoutExtension(r.Path)).ToHashSet(StringComparer.Ordinal);
        var across = CrossFileChecks(ordered.Where(r => r.Key is not null).Select(r => r.Key!).ToList(), slugs).ToList();
        diagnostics.AddRange(across);
        return new ContentScan(taxonomy, diagnostics, across.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Path).ToHashSet());
    }

    /// <summary>
    /// Case files below the content folder; names starting with '_' (templates) are not cases. Folder links
    /// out of the content folder and loops are reported to <paramref name="diagnostics"/> and not followed.
    /// </summary>
    public static IReadOnlyList<string> CaseFiles(string contentPath, ICollection<ContentDiagnostic>? diagnostics = null)
    {
        var folder = Path.Combine(contentPath, CasesFolder);
        return Directory.Exists(folder) ? ContentFile.MarkdownFiles(folder, diagnostics) : [];
    }

    /// <summary>What the checks across files need of a case: not its body.</summary>
    private sealed record CaseKey(string Path, string Slug, string Title, int TitleLine, IReadOnlyList<CaseLink> Links, string Alliance)
    {
        public static CaseKey Of(CaseFile file) => new(file.Path, file.Case.Slug, file.Case.Title, file.TitleLine, file.Links, AllianceOf(file.Case));

        /// <summary>The first two organisations (the main partners, in any order) and the start year: what makes an alliance the same one.</summary>
        private static string AllianceOf(CaseStudy c) => c.Organisations.Count < 2 || c.Year is null
            ? ""
            : string.Join(" + ", c.Organisations.Take(2).Select(o => Search.FrenchAnalyzer.FoldLower(o.Name).Trim()).Order(StringComparer.Ordinal)) + $" ({c.Year})";
    }

    private static IEnumerable<ContentDiagnostic> CrossFileChecks(IReadOnlyList<CaseKey> cases, HashSet<string> slugs)
    {
        foreach (var group in cases.GroupBy(c => c.Slug, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                yield return new(duplicate.Path, 1, DiagnosticSeverity.Error, $"duplicate slug '{group.Key}': {first.Path} has the same file name");
            }
        }
        foreach (var group in cases.GroupBy(c => c.Title.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                yield return new(duplicate.Path, duplicate.TitleLine, DiagnosticSeverity.Error, $"duplicate title: {first.Path}:{first.TitleLine} has the same title");
            }
        }
        foreach (var group in cases.Where(c => c.Alliance.Length > 0).GroupBy(c => c.Alliance, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                yield return new(duplicate.Path, duplicate.TitleLine, DiagnosticSeverity.Warning,
                    $"même alliance que {first.Path} ? mêmes partenaires principaux et même année ({group.Key}) : réunissez les deux cas ou distinguez-les");
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
