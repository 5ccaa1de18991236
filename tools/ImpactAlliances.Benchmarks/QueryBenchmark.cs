using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Benchmarks;

/// <summary>
/// In-process query latency over a corpus folder, with the method of the shared baselines
/// (../shared/bench): build, one warm-up round of the query mix, then timed rounds; each query returns
/// the top 20 with snippets and the counts of every facet. Prints one JSON line with nearest-rank
/// percentiles, comparable with the SQLite FTS5 and MiniSearch lines.
/// </summary>
public static class QueryBenchmark
{
    private const string Usage = """
        Usage: ImpactAlliances.Benchmarks --content <dir> [--queries <file>] [--reps <n>] [--index <dir>] [--verbose] [--typed] [--dump <file>] [--stats | --export | --snippets]

          --content <dir>   corpus folder (taxonomy.yml and cases/), e.g. from the indexer's generate command
          --queries <file>  query mix (default: ../shared/bench/queries.json)
          --reps <n>        timed rounds of the whole mix (default 10)
          --index <dir>     reuse or keep the index there (default: a temporary folder, built and removed)
          --size <n>        results per query, each with a snippet (default 20, as the baselines)
          --verbose         one line per query: median latency, median CPU of the searching thread and hit total
          --dump <file>     write each query's whole search result (hits with their scores and snippets, totals, facets) as
                            one JSON line, before timing, whatever the mode: to compare the answers of two builds
          --typed           search as the site does (corrections, widening, relevance feedback), not literally as the baselines
          --stats           time the statistics of each search's results (the /statistiques page) instead of the search,
                            over the whole base first, then the mix
          --export          time the export of each search's results, every case read from the index (/api/export),
                            over the whole base first, then the mix
          --snippets        time the snippets of each search's hits, the site's builder against Lucene's
                            PostingsHighlighter, and count the hits each gives a snippet (--verbose: both, per query)
        """;

    /// <summary>What is timed for each request.</summary>
    private enum Mode { Search, Statistics, Export, Snippets }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Query mix entry, as in the shared queries.json.</summary>
    private sealed record BenchQuery(string Q, Dictionary<string, string[]>? Filters);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var options = Parse(args);
        if (options is null || !options.TryGetValue("--content", out var contentArgument))
        {
            error.WriteLine(Usage);
            return 2;
        }
        var content = Path.GetFullPath(contentArgument);
        var queriesFile = options.GetValueOrDefault("--queries") ?? RepositoryPaths.Resolve("../shared/bench/queries.json");
        var reps = int.Parse(options.GetValueOrDefault("--reps") ?? "10", CultureInfo.InvariantCulture);
        var size = int.Parse(options.GetValueOrDefault("--size") ?? "20", CultureInfo.InvariantCulture);
        var keepIndex = options.TryGetValue("--index", out var indexPath);
        indexPath ??= Directory.CreateTempSubdirectory("ia-bench-").FullName;
        try
        {
            var mode = options.ContainsKey("--stats") ? Mode.Statistics : options.ContainsKey("--export") ? Mode.Export
                : options.ContainsKey("--snippets") ? Mode.Snippets : Mode.Search;
            return Measure(content, queriesFile, reps, size, indexPath, options.ContainsKey("--verbose"), !options.ContainsKey("--typed"), mode, output, error,
                options.GetValueOrDefault("--dump"));
        }
        finally
        {
            if (!keepIndex)
            {
                Directory.Delete(indexPath, recursive: true);
            }
        }
    }

    private static int Measure(string content, string queriesFile, int reps, int size, string indexPath, bool verbose, bool literal, Mode mode,
        TextWriter output, TextWriter error, string? dump)
    {
        var store = new IndexStore(indexPath);
        var build = Stopwatch.StartNew();
        var parseSeconds = 0.0;
        if (store.CurrentVersion() is null)
        {
            // Synthetic corpora may date cases ahead of today; for measuring, every parsed case counts.
            var loaded = ContentLoader.Load(content, new DateOnly(2100, 1, 1));
            parseSeconds = build.Elapsed.TotalSeconds;
            if (loaded.Taxonomy is null)
            {
                error.WriteLine(string.Join('\n', loaded.Diagnostics));
                return 1;
            }
            new IndexBuilder(new MarkdownRenderer()).Build(store, Path.Combine(content, ContentLoader.TaxonomyFile), loaded.Cases);
        }
        var buildSeconds = build.Elapsed.TotalSeconds;
        if (mode == Mode.Snippets)
        {
            return SnippetComparison.Run(content, indexPath, queriesFile, reps, size, verbose, output);
        }
        var searchOptions = Options.Create(new SearchIndexOptions { ContentPath = content });
        var queries = JsonSerializer.Deserialize<List<BenchQuery>>(File.ReadAllText(queriesFile), JsonOptions)!;
        // The first query after opening an index, reported apart: it pays for opening and warming the snapshot.
        var opening = Stopwatch.StartNew();
        using var index = new CaseStudyIndex(store);
        // The content folder's synonyms, as the site reads them: a generated corpus has none, the real content has its own.
        using var synonyms = new SynonymProvider(searchOptions, NullLogger<SynonymProvider>.Instance, TimeProvider.System);
        using var searcher = new CaseStudySearcher(index, searchOptions, synonyms);
        searcher.Search(new SearchRequest { Query = queries[0].Q, Size = size, Literal = literal });
        var firstQueryMs = opening.Elapsed.TotalMilliseconds;
        var requests = queries.Select(q => new SearchRequest
        {
            Query = q.Q,
            Filters = (q.Filters ?? []).ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value),
            Size = size,
            Literal = literal,
        }).ToList();
        if (mode != Mode.Search)
        {
            // The whole base is the largest result set: the worst case of both.
            requests.Insert(0, new SearchRequest { Size = size });
            queries.Insert(0, new BenchQuery("(toute la base)", null));
        }
        Func<SearchRequest, int> run = mode switch
        {
            Mode.Statistics => r => searcher.Statistics(r).Total,
            Mode.Export => r =>
            {
                using var export = searcher.Export(r);
                return export.Rows.Count(); // what the CSV export reads
            },
            _ => r => searcher.Search(r).Total,
        };

        // Warm-up: at least one round and two seconds, so that the JIT has compiled the hot paths fully,
        // as in a site that has been serving for a while.
        var results = requests.Select(run).ToList();
        if (dump is not null)
        {
            File.WriteAllLines(dump, requests.Select(r => JsonSerializer.Serialize(searcher.Search(r), JsonOptions)));
        }
        for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(2);)
        {
            requests.ForEach(r => run(r));
        }
        var latencies = new List<double>(reps * requests.Count);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var collectionsBefore = GC.CollectionCount(0);
        var pausedBefore = GC.GetTotalPauseDuration();
        // CPU time as well as latency: on a shared machine a query's wall time measures the neighbours too.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var perQuery = requests.Select(_ => new List<double>()).ToList();
        var cpuPerQuery = requests.Select(_ => new List<double>()).ToList();
        for (var round = 0; round < reps; round++)
        {
            for (var i = 0; i < requests.Count; i++)
            {
                var cpuStart = ThreadClock.Milliseconds();
                var start = Stopwatch.GetTimestamp();
                run(requests[i]);
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var cpu = ThreadClock.Milliseconds() - cpuStart;
                latencies.Add(ms);
                perQuery[i].Add(ms);
                cpuPerQuery[i].Add(cpu);
            }
        }
        var processCpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / latencies.Count;
        var allocatedPerQuery = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)latencies.Count;
        var collections = GC.CollectionCount(0) - collectionsBefore;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        // After the figures of the timed rounds, whose allocations it would join.
        var threadCpu = cpuPerQuery.SelectMany(c => c).ToList();
        if (verbose)
        {
            for (var i = 0; i < requests.Count; i++)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Percentile(perQuery[i], 50),8:0.00} ms {Percentile(cpuPerQuery[i], 50),8:0.00} ms cpu {results[i],7} hits  {queries[i].Q}"));
            }
        }
        output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["engine"] = "impact-alliances-lucene",
            ["mode"] = mode.ToString().ToLowerInvariant(),
            ["docs"] = index.Acquire().Snapshot is var s ? s.Reader.NumDocs : 0,
            ["parse_s"] = Math.Round(parseSeconds, 3),
            ["build_s"] = Math.Round(buildSeconds, 3),
            ["index_mb"] = Math.Round(Directory.EnumerateFiles(indexPath, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / 1048576.0, 1),
            ["queries"] = requests.Count,
            ["reps"] = reps,
            ["samples"] = latencies.Count,
            ["p50_ms"] = Math.Round(Percentile(latencies, 50), 3),
            ["p95_ms"] = Math.Round(Percentile(latencies, 95), 3),
            ["p99_ms"] = Math.Round(Percentile(latencies, 99), 3),
            ["max_ms"] = Math.Round(latencies.Max(), 3),
            ["first_query_ms"] = Math.Round(firstQueryMs, 1),
            ["cpu_ms_per_query"] = Math.Round(processCpuPerQuery, 3),
            // The searching thread's CPU per query, by the same percentiles: what the code costs whatever the machine's load.
            ["thread_cpu_p50_ms"] = Math.Round(Percentile(threadCpu, 50), 3),
            ["thread_cpu_p95_ms"] = Math.Round(Percentile(threadCpu, 95), 3),
            ["thread_cpu_p99_ms"] = Math.Round(Percentile(threadCpu, 99), 3),
            // Garbage per query drives the tail: each gen0 collection pauses a query.
            ["alloc_kb_per_query"] = Math.Round(allocatedPerQuery / 1024, 1),
            ["gen0_collections"] = collections,
            ["gc_pause_ms"] = Math.Round(paused.TotalMilliseconds, 1),
            ["max_rss_mb"] = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576,
            // French analysis (elision, stemming) finds more than the baselines' folding-only tokens, so totals differ by design.
            ["hits"] = results,
        }.Concat(mode == Mode.Search ? [] : new Dictionary<string, object>
        {
            // The whole base alone: every case counted or read.
            ["whole_base_p50_ms"] = Math.Round(Percentile(perQuery[0], 50), 3),
            ["whole_base_p99_ms"] = Math.Round(Percentile(perQuery[0], 99), 3),
        })
            // JSON has no NaN (the serializer throws on one): a figure this machine cannot measure, the thread's CPU off Linux
            // (ThreadClock), is left out rather than losing the whole line.
            .Where(figure => figure.Value is not double.NaN).ToDictionary()));
        return 0;
    }

    /// <summary>Nearest-rank percentile, as the baselines compute it.</summary>
    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
    }

    private static Dictionary<string, string>? Parse(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--verbose" or "--typed" or "--stats" or "--export" or "--snippets")
            {
                options[args[i]] = "";
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i]] = args[++i];
            }
            else
            {
                return null;
            }
        }
        return options;
    }
}
