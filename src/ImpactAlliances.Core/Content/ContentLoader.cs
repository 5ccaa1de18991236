using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Schema;

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
        var cases = new List<CaseFile>();
        var scan = Scan(contentPath, today, cases.Add);
        var kept = cases.Where(c => !scan.Rejected.Contains(c.Path)).ToList();
        return new ContentSet(scan.Taxonomy, kept, scan.Diagnostics);
    }

    /// <summary>
    /// Reads and checks every case file, handing each case that passes its own checks to <paramref name="onCase"/>,
    /// in the order of the files' paths, then runs the checks that span files (<see cref="Scan{T}"/>).
    /// </summary>
    public static ContentScan Scan(string contentPath, DateOnly today, Action<CaseFile> onCase) =>
        Scan(contentPath, today, file => file, onCase);

    /// <summary>
    /// Reads and checks every case file on all cores, where each case that passes its own checks is also
    /// <paramref name="prepare"/>d (rendered and analysed, for an index), and hands the prepared cases to
    /// <paramref name="consume"/> on the calling thread in the order of the files' paths (an index keeps them in
    /// that order: the same content gives the same index). Only a few batches of files are in flight, so memory
    /// stays flat however many cases there are; more while <paramref name="heldUp"/> says the consumer is held up on one.
    /// Then runs the checks that span files.
    /// </summary>
    /// <param name="found">Told how many case files there are, before any is read (a build sizes its work by it).</param>
    /// <returns>
    /// Every problem, its file named relative to the content folder's parent (<c>content/cases/x.md</c>,
    /// relative to the repository for the repository's own content), and the files the checks across files
    /// reject after they were handed over.
    /// </returns>
    public static ContentScan Scan<T>(string contentPath, DateOnly today, Func<CaseFile, T> prepare, Action<T> consume, Func<bool>? heldUp = null,
        Action<int>? found = null)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var display = DisplayPath(contentPath);
        if (!Directory.Exists(contentPath))
        {
            diagnostics.Add(new(contentPath, 1, DiagnosticSeverity.Error, "dossier de contenu introuvable"));
            return new ContentScan(null, diagnostics, new HashSet<string>());
        }
        var taxonomyFile = Path.Combine(contentPath, TaxonomyFile);
        var taxonomy = TaxonomyReader.Read(taxonomyFile, diagnostics);
        if (taxonomy is null)
        {
            diagnostics.Add(new(taxonomyFile, 1, DiagnosticSeverity.Warning,
                "tant que ce fichier a des erreurs, les valeurs de taxonomie des cas ne sont pas vérifiées et aucun index n'est construit ; le reste des cas est vérifié ci-dessous"));
        }
        // The synonyms apply at query time, but a broken line is an editor's mistake to report here too.
        using (var analyzer = new FrenchAnalyzer(stem: true))
        {
            SynonymSet.Read(Path.Combine(contentPath, SynonymSet.FileName), analyzer, diagnostics);
        }
        var sourceHosts = SourceHosts.Read(Path.Combine(contentPath, SourceHosts.FileName), diagnostics);
        var reader = new CaseStudyReader(taxonomy ?? Taxonomy.Unchecked, today, sourceHosts);
        var results = new List<(CaseKey Key, List<ContentDiagnostic> Diagnostics)>();
        var files = CaseFiles(contentPath, diagnostics);
        found?.Invoke(files.Count);
        OrderedParallel.ForEach(files, file =>
        {
            var own = new List<ContentDiagnostic>();
            var reading = reader.Inspect(file, own, contentPath);
            // Nothing is handed over without a taxonomy: no index is built from unchecked values.
            var handOver = reading.File is not null && taxonomy is not null;
            return (Key: CaseKey.Of(file, reading, display), Diagnostics: own.OrderBy(d => d.Line).ToList(), Prepared: handOver ? prepare(reading.File!) : default, HandedOver: handOver);
        }, read =>
        {
            results.Add((read.Key, read.Diagnostics));
            if (read.HandedOver)
            {
                consume(read.Prepared!);
            }
        }, heldUp);
        var ordered = results.OrderBy(r => r.Key.Path, StringComparer.Ordinal).ToList();
        diagnostics.AddRange(ordered.SelectMany(r => r.Diagnostics));
        // Files with errors take part too: a broken link or a duplicate title is reported in the same run as the rest.
        var slugs = ordered.Select(r => r.Key.Slug).ToHashSet(StringComparer.Ordinal);
        var across = CrossFileChecks(ordered.Select(r => r.Key).ToList(), slugs).ToList();
        diagnostics.AddRange(across);
        // Only files handed over can be rejected after the fact; the others were never indexed.
        var handedOver = ordered.Where(r => r.Key.Valid).Select(r => r.Key.Path).ToHashSet(StringComparer.Ordinal);
        var rejected = across.Where(d => d.Severity == DiagnosticSeverity.Error && handedOver.Contains(d.Path)).Select(d => d.Path).ToHashSet();
        return new ContentScan(taxonomy, Displayed(diagnostics, display), rejected);
    }

    /// <summary>How a file of the content folder is named to editors: relative to the folder that holds <c>content/</c>, with '/'.</summary>
    public static Func<string, string> DisplayPath(string contentPath)
    {
        var parent = ContentParent(contentPath);
        return path => Path.GetRelativePath(parent, Path.GetFullPath(path)).Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The folder that holds the content folder: the one <see cref="DisplayPath"/> names files from.</summary>
    public static string ContentParent(string contentPath) =>
        Path.GetDirectoryName(Path.GetFullPath(contentPath).TrimEnd(Path.DirectorySeparatorChar)) ?? "";

    private static List<ContentDiagnostic> Displayed(List<ContentDiagnostic> diagnostics, Func<string, string> display) =>
        diagnostics.Select(d => d with { Path = display(d.Path) }).ToList();

    /// <summary>
    /// Case files below the content folder; names starting with '_' (templates) are not cases. Folder links
    /// out of the content folder and loops are reported to <paramref name="diagnostics"/> and not followed.
    /// </summary>
    public static IReadOnlyList<string> CaseFiles(string contentPath, ICollection<ContentDiagnostic>? diagnostics = null)
    {
        var folder = Path.Combine(contentPath, CasesFolder);
        return Directory.Exists(folder) ? ContentFile.MarkdownFiles(folder, diagnostics) : [];
    }

    /// <summary>What the checks across files need of a case file, valid or not: not its body.</summary>
    private sealed record CaseKey(string Path, string Shown, string Slug, string? Title, int TitleLine, IReadOnlyList<CaseLink> Links, string Alliance, bool Valid)
    {
        public static CaseKey Of(string path, CaseReading reading, Func<string, string> display) =>
            new(path, display(path), System.IO.Path.GetFileNameWithoutExtension(path), reading.Title, reading.TitleLine, reading.Links,
                reading.File is { } file ? AllianceOf(file.Case) : "", reading.File is not null);

        /// <summary>The first two organisations (the main partners, in any order) and the start year: what makes an alliance the same one.</summary>
        private static string AllianceOf(CaseStudy c) => c.Organisations.Count < 2 || c.Year is null
            ? ""
            : string.Join(" + ", c.Organisations.Take(2).Select(o => FrenchAnalyzer.FoldLower(o.Name).Trim()).Order(StringComparer.Ordinal)) + $" ({c.Year})";
    }

    private static IEnumerable<ContentDiagnostic> CrossFileChecks(IReadOnlyList<CaseKey> all, HashSet<string> slugs)
    {
        // Among duplicates the first keeps its name: a valid file before one with errors, so that a broken
        // copy never takes the published case out of the index.
        var cases = all.OrderBy(c => !c.Valid).ThenBy(c => c.Path, StringComparer.Ordinal).ToList();
        foreach (var group in cases.GroupBy(c => c.Slug, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                yield return new(duplicate.Path, 1, DiagnosticSeverity.Error, $"nom de fichier « {group.Key} » déjà pris par {first.Shown} : deux cas auraient la même adresse /exemples/{group.Key}");
            }
        }
        foreach (var group in cases.Where(c => c.Title is not null).GroupBy(c => c.Title!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                yield return new(duplicate.Path, duplicate.TitleLine, DiagnosticSeverity.Error, $"titre déjà pris par {first.Shown}:{first.TitleLine} : distinguez les deux titres");
            }
        }
        foreach (var group in cases.Where(c => c.Alliance.Length > 0).GroupBy(c => c.Alliance, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                yield return new(duplicate.Path, duplicate.TitleLine, DiagnosticSeverity.Warning,
                    $"même alliance que {first.Shown} ? mêmes partenaires principaux et même année ({group.Key}) : réunissez les deux cas ou distinguez-les");
            }
        }
        foreach (var file in all)
        {
            foreach (var link in file.Links.Where(l => !slugs.Contains(l.Slug)))
            {
                var hint = ClosestMatch.Closest(link.Slug, slugs) is { } s ? $" ; vouliez-vous dire /exemples/{s} ?" : "";
                yield return new(file.Path, link.Line, DiagnosticSeverity.Error, $"lien vers /exemples/{link.Slug} : aucun cas ne porte ce nom{hint}");
            }
        }
    }
}
