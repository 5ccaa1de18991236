using System.Globalization;
using ImpactAlliances.Core;
using ImpactAlliances.Core.Evaluation;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Indexer;

/// <summary><c>relevance</c>: nDCG@10 and MRR of the search over the content, against judged queries.</summary>
internal sealed class RelevanceCommand : ICommand
{
    public string Name => "relevance";

    public IReadOnlyDictionary<string, string> Options { get; } = new Dictionary<string, string>
    {
        ["--content"] = "Content:Path",
        ["--judgments"] = "Relevance:Judgments",
        ["--details"] = "Relevance:Details",
    };

    public string Help => """
        Usage: ImpactAlliances.Indexer relevance [--content <dir>] [--judgments <file>]

        Builds a throwaway index of the content, runs every judged query of the judgments file and prints,
        per query and in all, nDCG@10 and the reciprocal rank of the first relevant case (MRR).

          --content <dir>     content folder (default: content, or the Content:Path setting)
          --judgments <file>  judged queries (default: tests/relevance/judgments.json)
          --details <ids>     also print the ranked top 10, with grades, of these queries (comma-separated ids, or 'all')

        Exit codes: 0 printed, 1 invalid content or judgments, 2 bad arguments.
        """;

    public int Run(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        var configuration = services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var judgmentsPath = RepositoryPaths.Resolve(configuration["Relevance:Judgments"] ?? "tests/relevance/judgments.json");
        if (!File.Exists(judgmentsPath))
        {
            error.WriteLine($"{judgmentsPath}: judgments file not found");
            return IndexerCommands.Failed;
        }
        var content = services.GetRequiredService<ContentIndexer>().Load();
        if (!ValidateCommand.Report(content, TextWriter.Null, error))
        {
            return IndexerCommands.Failed;
        }
        var report = Evaluate(services, content, RelevanceJudgments.Read(judgmentsPath));
        Print(report, output);
        if (configuration["Relevance:Details"] is { } details)
        {
            PrintDetails(report, details.Split(','), output);
        }
        return IndexerCommands.Ok;
    }

    /// <summary>Indexes the content into a temporary folder and scores the judged queries on it.</summary>
    internal static RelevanceReport Evaluate(IServiceProvider services, Core.Content.ContentSet content, RelevanceJudgments judgments)
    {
        var folder = Directory.CreateTempSubdirectory("ia-relevance-");
        try
        {
            var options = services.GetRequiredService<IOptions<SearchIndexOptions>>();
            var store = new IndexStore(folder.FullName);
            new IndexBuilder(services.GetRequiredService<MarkdownRenderer>())
                .Build(store, Path.Combine(options.Value.ContentPath, Core.Content.ContentLoader.TaxonomyFile), content.Cases);
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
                output.WriteLine($"      missed [{missed.Value}] {missed.Key}");
            }
        }
    }

    private static void Print(RelevanceReport report, TextWriter output)
    {
        string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
        output.WriteLine("id    kind          nDCG@10  RR     query");
        foreach (var score in report.Queries)
        {
            output.WriteLine($"{score.Query.Id,-5} {score.Query.Kind,-13} {F(score.NdcgAt10),-8} {F(score.ReciprocalRank),-6} {score.Query.Query}");
        }
        output.WriteLine();
        foreach (var kind in report.Queries.GroupBy(q => q.Query.Kind))
        {
            var part = new RelevanceReport(kind.ToList());
            output.WriteLine($"{kind.Key,-13} {kind.Count(),3} queries  nDCG@10 {F(part.NdcgAt10)}  MRR {F(part.Mrr)}");
        }
        output.WriteLine($"{"all",-13} {report.Queries.Count,3} queries  nDCG@10 {F(report.NdcgAt10)}  MRR {F(report.Mrr)}");
    }
}
