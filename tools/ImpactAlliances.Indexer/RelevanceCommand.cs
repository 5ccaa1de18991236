using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Evaluation;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Indexer;

/// <summary><c>relevance</c>: nDCG@10 and MRR of the search over the content, against judged queries.</summary>
internal sealed class RelevanceCommand : IndexerCommand
{
    /// <summary>The judged sets: the development sets the engine is tuned on, then the blind sets it never is (<see cref="IsBlind"/>).</summary>
    internal static readonly IReadOnlyList<(string Name, string Path)> Sets =
    [
        ("development", "tests/relevance/judgments.json"),
        ("questions", "tests/relevance/judgments-questions.json"),
        ("people", "tests/relevance/judgments-people.json"),
        ("field", "tests/relevance/judgments-field.json"),
        ("mixed", "tests/relevance/judgments-mixed.json"),
        ("users", "tests/relevance/judgments-users.json"),
        ("researchers", "tests/relevance/judgments-researchers.json"),
        ("ex-blind6", "tests/relevance/judgments-ex-blind6.json"),
        ("ex-blind7", "tests/relevance/judgments-ex-blind7.json"),
        ("blind", "tests/relevance/blind.json"),
        ("blind2", "tests/relevance/blind2.json"),
        ("blind3", "tests/relevance/blind3.json"),
        ("blind4", "tests/relevance/blind4.json"),
        ("blind5", "tests/relevance/blind5.json"),
        ("blind8", "tests/relevance/blind8.json"),
        ("blind9", "tests/relevance/blind9.json"),
        ("blind10", "tests/relevance/blind10.json"),
        ("blind11", "tests/relevance/blind11.json"),
    ];

    /// <summary>
    /// A blind set's file name starts with « blind ». Its queries are not printed one by one unless --details names one
    /// of them (or « all »): whoever tunes the engine reads its figures per kind and per set, never query by query, even
    /// while asking for the details of a development query.
    /// </summary>
    internal static bool IsBlind(string path) => Path.GetFileName(path).StartsWith("blind", StringComparison.Ordinal);

    /// <summary>Whether a set's queries are printed one by one: a development set's always, a blind set's only when asked for.</summary>
    internal static bool PrintsQueries(string path, IEnumerable<string> ids, string[]? details) =>
        !IsBlind(path) || (details is not null && (details.Contains("all") || ids.Any(details.Contains)));

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly Option<string> _judgments = Text("--judgments", "fichier", "ne mesurer que ce fichier de jugements");
    private readonly Option<string> _details = Text("--details", "ids", "afficher aussi les 10 premiers résultats, avec leur note, de ces requêtes\n(identifiants séparés par des virgules, ou « all »)");
    private readonly Option<string> _json = Text("--json", "fichier", "écrire aussi les chiffres de chaque jeu en JSON dans ce fichier");

    public RelevanceCommand() : base("relevance", "nDCG@10 et MRR de la recherche sur les requêtes jugées de tests/relevance")
    {
        Add(Content());
        Add(_judgments);
        Add(_details);
        Add(_json);
    }

    // Built from Sets, so that the help names every set the command reads.
    public override string Details => $"""
        Construit un index jetable des cas contre lesquels chaque jeu a été jugé (« judged_against » ; les cas
        ajoutés depuis ne sont pas jugés), lance chaque requête jugée des jeux de tests/relevance, ceux de
        développement, sur lesquels le moteur est réglé :
          {FileNames(blind: false)}
        et les jeux aveugles, écrits et jugés sans voir le moteur :
          {FileNames(blind: true)}
        et affiche par requête, par sorte et par jeu le nDCG@10, le rappel@10 et le rang réciproque du
        premier cas noté 2 ou plus (MRR). Les requêtes d'un jeu aveugle (fichier « blind… ») ne sont
        affichées une à une que si --details en nomme une (ou « all ») : on règle le moteur sans les lire.
        """;

    private static string FileNames(bool blind) =>
        string.Join(", ", Sets.Where(set => IsBlind(set.Path) == blind).Select(set => Path.GetFileName(set.Path)));

    public override string ExitCodes => "0 affiché, 1 contenu ou jugements invalides, ou requête de --details inconnue, 2 arguments incorrects.";

    protected override int Run(IServiceProvider services, ParseResult parsed, TextWriter output, TextWriter error)
    {
        var sets = parsed.GetValue(_judgments) is { } one ? [("judgments", one)] : Sets;
        var judgments = new List<(string Name, RelevanceJudgments Judgments)>();
        foreach (var (name, path) in sets)
        {
            var resolved = RepositoryPaths.Resolve(path);
            if (!File.Exists(resolved))
            {
                error.WriteLine($"{resolved} : fichier de jugements introuvable");
                return IndexerCommands.Failed;
            }
            try
            {
                judgments.Add((name, RelevanceJudgments.Read(resolved)));
            }
            catch (InvalidDataException ex)
            {
                error.WriteLine(ex.Message);
                return IndexerCommands.Failed;
            }
        }
        var details = parsed.GetValue(_details)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // Said before the indexes are built, not after a minute of figures without the queries asked for.
        if (details?.Where(id => id != "all" && !judgments.Any(set => set.Judgments.Queries.Any(q => q.Id == id))).ToList() is [_, ..] unknown)
        {
            error.WriteLine($"--details : aucune requête {string.Join(", ", unknown.Select(id => $"« {id} »"))} dans les jeux mesurés");
            return IndexerCommands.Failed;
        }
        var json = parsed.GetValue(_json);
        if (json is not null && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(json))))
        {
            error.WriteLine($"--json : le dossier de {json} n'existe pas ; rien ne serait écrit");
            return IndexerCommands.Failed;
        }
        var content = services.GetRequiredService<ContentIndexer>().Load();
        if (!ValidateCommand.Report(content, TextWriter.Null, error))
        {
            return IndexerCommands.Failed;
        }
        var reports = Evaluate(services, content, judgments);
        foreach (var ((name, report), (_, path)) in reports.Zip(sets))
        {
            Print(name, report, output, perQuery: PrintsQueries(path, report.Queries.Select(q => q.Query.Id), details));
            if (details is not null)
            {
                PrintDetails(report, details, output);
            }
        }
        if (json is not null)
        {
            File.WriteAllText(json, JsonSerializer.Serialize(reports.ToDictionary(r => r.Name, r => Summary(r.Report)), Indented));
        }
        return IndexerCommands.Ok;
    }

    /// <summary>A set's figures, overall and per kind, as the floor file and the JSON output write them.</summary>
    internal static Dictionary<string, object> Summary(RelevanceReport report)
    {
        var summary = new Dictionary<string, object>
        {
            ["queries"] = report.Queries.Count,
            ["ndcg_at_10"] = Math.Round(report.NdcgAt10, 3),
            ["recall_at_10"] = Math.Round(report.RecallAt10, 3),
            ["mrr"] = Math.Round(report.Mrr, 3),
        };
        summary["kinds"] = report.Queries.GroupBy(q => q.Query.Kind).ToDictionary(g => g.Key, g =>
        {
            var part = new RelevanceReport(g.ToList());
            return new { queries = g.Count(), ndcg_at_10 = Math.Round(part.NdcgAt10, 3), recall_at_10 = Math.Round(part.RecallAt10, 3), mrr = Math.Round(part.Mrr, 3) };
        });
        return summary;
    }

    /// <summary>Indexes the cases each set was judged against into a temporary folder and scores the set on it.</summary>
    internal static List<(string Name, RelevanceReport Report)> Evaluate(IServiceProvider services, Core.Content.ContentSet content, IReadOnlyList<(string Name, RelevanceJudgments Judgments)> sets) =>
        sets.Select(set => (set.Name, Evaluate(services, content, set.Judgments))).ToList();

    private static RelevanceReport Evaluate(IServiceProvider services, Core.Content.ContentSet content, RelevanceJudgments judgments)
    {
        var judged = judgments.JudgedAgainst?.ToHashSet(StringComparer.Ordinal);
        var cases = content.Cases.Where(c => judged is null || judged.Contains(c.Case.Slug)).ToList();
        var folder = Directory.CreateTempSubdirectory("ia-relevance-");
        try
        {
            var options = services.GetRequiredService<IOptions<SearchIndexOptions>>();
            var store = new IndexStore(folder.FullName);
            new IndexBuilder(services.GetRequiredService<MarkdownRenderer>())
                .Build(store, Path.Combine(options.Value.ContentPath, Core.Content.ContentLoader.TaxonomyFile), cases);
            using var index = new CaseStudyIndex(store);
            using var searcher = new CaseStudySearcher(index, options, services.GetRequiredService<SynonymProvider>());
            return RelevanceEvaluator.Evaluate(searcher, judgments);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void PrintDetails(RelevanceReport report, string[] ids, TextWriter output)
    {
        foreach (var score in report.Queries.Where(q => ids.Contains("all") || ids.Contains(q.Query.Id)))
        {
            output.WriteLine();
            output.WriteLine($"{score.Query.Id} {score.Query.Query} {string.Join(' ', (score.Query.Filters ?? new Dictionary<string, IReadOnlyList<string>>()).Select(f => $"{f.Key}={string.Join('|', f.Value)}"))}");
            foreach (var (slug, rank) in score.Top.Select((s, i) => (s, i + 1)))
            {
                output.WriteLine($"  {rank,2}. [{score.Query.Relevant.GetValueOrDefault(slug)}] {slug}");
            }
            foreach (var missed in score.Query.Relevant.Where(r => !score.Top.Contains(r.Key)).OrderByDescending(r => r.Value))
            {
                output.WriteLine($"      manqué [{missed.Value}] {missed.Key}");
            }
        }
    }

    private static void Print(string name, RelevanceReport report, TextWriter output, bool perQuery)
    {
        string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
        output.WriteLine($"== jeu {name}");
        if (perQuery)
        {
            output.WriteLine("id    sorte         nDCG@10  R@10   RR     requête");
            foreach (var score in report.Queries)
            {
                output.WriteLine($"{score.Query.Id,-5} {score.Query.Kind,-13} {F(score.NdcgAt10),-8} {F(score.RecallAt10),-6} {F(score.ReciprocalRank),-6} {score.Query.Query}");
            }
            output.WriteLine();
        }
        foreach (var kind in report.Queries.GroupBy(q => q.Query.Kind))
        {
            var part = new RelevanceReport(kind.ToList());
            output.WriteLine($"{kind.Key,-13} {kind.Count(),3} requêtes  nDCG@10 {F(part.NdcgAt10)}  rappel@10 {F(part.RecallAt10)}  MRR {F(part.Mrr)}");
        }
        output.WriteLine($"{name,-13} {report.Queries.Count,3} requêtes  nDCG@10 {F(report.NdcgAt10)}  rappel@10 {F(report.RecallAt10)}  MRR {F(report.Mrr)}");
        output.WriteLine();
    }
}
