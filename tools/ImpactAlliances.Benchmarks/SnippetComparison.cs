using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.PostingsHighlight;

namespace ImpactAlliances.Benchmarks;

/// <summary>
/// The site's snippet builder against Lucene's PostingsHighlighter, on the same index, queries and hits: time per
/// result page and what each shows. Both read the offsets indexed with the body's postings and the same text
/// (the snippet doc values), so the comparison is of the two algorithms, not of their storage.
/// </summary>
public static class SnippetComparison
{
    private sealed record BenchQuery(string Q);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Lucene's highlighter reading the text the site's builder reads, marking as the site marks.</summary>
    private sealed class Postings(IndexSnapshot snapshot) : ICUPostingsHighlighter
    {
        // One row per field (the body only), one text per document.
        protected override IList<string[]> LoadFieldValues(IndexSearcher searcher, string[] fields, int[] docids, int maxLength) =>
            [docids.Select(doc => snapshot.SnippetText(doc)).ToArray()];

        protected override PassageFormatter GetFormatter(string field) => new DefaultPassageFormatter("<mark>", "</mark>", "… ", escape: true);

        // No match in the body (the title or the summary matched): no snippet, as the site shows, rather than the first sentence.
        protected override Passage[] GetEmptyHighlight(string fieldName, ICU4N.Text.BreakIterator bi, int maxPassages) => [];
    }

    public static int Run(string content, string indexPath, string queriesFile, int reps, int size, bool verbose, TextWriter output)
    {
        using var index = new CaseStudyIndex(new IndexStore(indexPath));
        using var lease = index.Acquire();
        var snapshot = lease.Snapshot;
        using var analyzer = CaseStudySchema.CreateAnalyzer();
        // The content folder's synonyms, as the site reads them: their expressions are marked where they stand together.
        var synonyms = SynonymSet.Read(Path.Combine(content, SynonymSet.FileName), analyzer, new List<ContentDiagnostic>());
        var builder = new SearchQueryBuilder(analyzer, synonyms, snapshot.QueryVocabulary(analyzer), snapshot.Terms);
        var highlighter = new Postings(snapshot);
        var runs = JsonSerializer.Deserialize<List<BenchQuery>>(File.ReadAllText(queriesFile), JsonOptions)!
            .Select(q => (q.Q, Text: builder.Build(UserQuery.Parse(q.Q))))
            .Where(q => q.Text.Query is not null && (q.Text.BodyTerms.Count > 0 || q.Text.BodyPhrases.Count > 0))
            .Select(q => (q.Q, q.Text, Top: snapshot.Searcher.Search(q.Text.Query!, size), Body: BodyQuery(q.Text)))
            .ToList();
        if (runs.Count == 0)
        {
            output.WriteLine("no query of the mix has body words on this index");
            return 1;
        }

        string?[] Ours(int i) => SnippetBuilder.Build(snapshot, runs[i].Top.ScoreDocs.Select(d => d.Doc).ToList(), runs[i].Text);
        string[] Lucene(int i) => highlighter.Highlight(CaseStudySchema.Body, runs[i].Body, snapshot.Searcher, runs[i].Top, 1);

        var ours = Time(runs.Count, reps, i => Ours(i));
        var lucene = Time(runs.Count, reps, i => Lucene(i));
        var (both, onlyOurs, onlyLucene, hits) = (0, 0, 0, 0);
        for (var i = 0; i < runs.Count; i++)
        {
            var (a, b) = (Ours(i), Lucene(i));
            for (var h = 0; h < a.Length; h++)
            {
                hits++;
                var (hasA, hasB) = (a[h] is not null, !string.IsNullOrEmpty(b[h]));
                both += hasA && hasB ? 1 : 0;
                onlyOurs += hasA && !hasB ? 1 : 0;
                onlyLucene += !hasA && hasB ? 1 : 0;
            }
            if (verbose)
            {
                output.WriteLine($"« {runs[i].Q} »\n  ours:   {a.FirstOrDefault()}\n  lucene: {b.FirstOrDefault()}");
            }
        }
        output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["docs"] = snapshot.Reader.NumDocs,
            ["queries"] = runs.Count,
            ["hits_per_query"] = size,
            ["reps"] = reps,
            ["ours_p50_ms"] = ours.P50,
            ["ours_p99_ms"] = ours.P99,
            ["ours_cpu_ms"] = ours.CpuMs,
            ["ours_alloc_kb"] = ours.AllocKb,
            ["postings_highlighter_p50_ms"] = lucene.P50,
            ["postings_highlighter_p99_ms"] = lucene.P99,
            ["postings_highlighter_cpu_ms"] = lucene.CpuMs,
            ["postings_highlighter_alloc_kb"] = lucene.AllocKb,
            ["hits"] = hits,
            ["snippet_both"] = both,
            ["snippet_only_ours"] = onlyOurs,
            ["snippet_only_postings_highlighter"] = onlyLucene,
        }));
        return 0;
    }

    /// <summary>
    /// The body words of the query, which is what the site's builder marks (prefixes aside: the highlighter takes terms only,
    /// so it marks an expression's terms wherever they stand).
    /// </summary>
    private static BooleanQuery BodyQuery(TextQuery text)
    {
        var query = new BooleanQuery();
        foreach (var term in text.BodyTerms.Concat(text.BodyPhrases.SelectMany(p => p.Terms)).Distinct())
        {
            query.Add(new TermQuery(new Term(CaseStudySchema.Body, term)), Occur.SHOULD);
        }
        return query;
    }

    /// <summary>Latency percentiles, allocation and CPU time (the process's, per page: on a shared machine the wall time measures the neighbours too).</summary>
    private static (double P50, double P99, double AllocKb, double CpuMs) Time(int count, int reps, Action<int> run)
    {
        for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(2);)
        {
            for (var i = 0; i < count; i++)
            {
                run(i);
            }
        }
        var latencies = new List<double>(count * reps);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var round = 0; round < reps; round++)
        {
            for (var i = 0; i < count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                run(i);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / latencies.Count;
        var allocKb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / latencies.Count;
        return (Math.Round(QueryBenchmark.Percentile(latencies, 50), 3), Math.Round(QueryBenchmark.Percentile(latencies, 99), 3), Math.Round(allocKb, 1),
            Math.Round(cpuMs, 4));
    }
}
