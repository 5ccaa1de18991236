using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Search;

namespace ImpactAlliances.Core.Search;

/// <summary>A search run: its best documents and every facet's counts.</summary>
internal sealed record Collected(TextQuery Text, SearchSort Sort, TopDocuments Top, FacetedCollector Collector, int[][] Counts, bool[]?[] Selected,
    StatisticsCounter? Statistics);

/// <summary>
/// Runs searches on one snapshot: corrects the query, builds it, collects the best cases and every facet's counts
/// in one pass, widens a search of several words that found too few, and makes the result page.
/// </summary>
internal sealed class SearchRunner(IndexSnapshot snapshot, Analyzer analyzer, SynonymSet synonyms, SearchIndexOptions options)
{
    /// <summary>The result page of a request, with advice when it is empty.</summary>
    public SearchResult Search(SearchRequest request)
    {
        var clauses = UserQuery.Parse(request.Query);
        var (searched, corrections) = request.Literal ? (clauses, []) : Correct(clauses);
        var result = Page(request, searched, out var failedOnly) with { Corrections = corrections };
        if (Widens(request, searched, result.Total))
        {
            // Few cases hold half of the rarer words: those come first, then the cases holding some of them; the page says so.
            var relaxed = Page(request, searched, out _, relaxed: true);
            if (relaxed.Total > result.Total)
            {
                return relaxed with { Corrections = corrections, Relaxed = true, StrictTotal = result.Total };
            }
        }
        return result.Total > 0 ? result : result with
        {
            FilterRemovals = EmptyResultAdvice.FilterRemovals(this, request, searched, result, failedOnly),
            QuerySuggestions = EmptyResultAdvice.QuerySuggestions(this, request, clauses),
        };
    }

    /// <summary>Query words that match no case replaced by close words of the index.</summary>
    public (IReadOnlyList<QueryClause> Clauses, IReadOnlyList<Correction> Corrections) Correct(IReadOnlyList<QueryClause> clauses, int extraEdits = 0) =>
        QueryCorrector.Correct(clauses, snapshot.Reader, snapshot.Vocabulary, analyzer, synonyms, extraEdits);

    /// <summary>One page of results for clauses already corrected, with facets; no widening, no advice.</summary>
    public SearchResult Page(SearchRequest request, IReadOnlyList<QueryClause> clauses, out int[] failedOnly, bool relaxed = false)
    {
        var size = Math.Clamp(request.Size ?? options.PageSize, 1, options.MaxPageSize);
        var page = Math.Max(1, request.Page);
        var window = (int)Math.Min((long)page * size, SearchIndexOptions.MaxResultWindow);
        var run = Collect(request, clauses, relaxed, window);
        failedOnly = run.Collector.FailedOnly;

        var entries = run.Top.BestFirst().Skip((page - 1) * size).ToList();
        var snippets = SnippetBuilder.Build(snapshot, entries.Select(e => e.Doc).ToList(), run.Text);
        var hits = entries.Select((e, i) => snapshot.Hit(e.Doc) with { Snippet = snippets[i], Score = e.Score }).ToList();
        var facets = FacetPresentation.Results(snapshot.Taxonomy, run.Counts, run.Selected);
        return new SearchResult(request.Query?.Trim() ?? "", run.Collector.Total, page, size, run.Sort, hits, facets)
        {
            Years = (request.YearFrom, request.YearTo),
            IncludeUndated = request.IncludeUndated,
            Undated = run.Collector.Undated,
            Concepts = run.Text.Concepts,
            PlaceFilters = FacetPresentation.PlaceFilters(run.Text.Concepts, facets),
            UnknownFilters = UnknownFilter.In(snapshot.Taxonomy, request.Filters),
        };
    }

    /// <summary>
    /// Every case the result page shows (the same corrections and the same fallback), in one pass, with
    /// the best <paramref name="window"/> of them and, when asked for, their statistics.
    /// </summary>
    public (Collected Run, ExportInfo Info) CollectAll(SearchRequest request, int window, TimeProvider? clock, Func<StatisticsCounter>? statistics = null)
    {
        var clauses = UserQuery.Parse(request.Query);
        var searched = request.Literal ? clauses : Correct(clauses).Clauses;
        var run = Collect(request, searched, relaxed: false, window, statistics?.Invoke());
        if (Widens(request, searched, run.Collector.Total))
        {
            // The same widening as the result page, so that an export or statistics hold what the page shows.
            var widened = Collect(request, searched, relaxed: true, window, statistics?.Invoke());
            if (widened.Collector.Total > run.Collector.Total)
            {
                run = widened;
            }
        }
        var info = new ExportInfo(request, run.Sort, run.Collector.Total, Math.Min(run.Collector.Total, window), snapshot.Version.Name,
            snapshot.Manifest.ContentCommit, snapshot.Manifest.BuiltAt, (clock ?? TimeProvider.System).GetUtcNow());
        return (run, info);
    }

    private Collected Collect(SearchRequest request, IReadOnlyList<QueryClause> clauses, bool relaxed, int window, StatisticsCounter? statistics = null)
    {
        var text = new SearchQueryBuilder(analyzer, synonyms, snapshot.QueryVocabulary(analyzer), snapshot.Terms).Build(clauses, relaxed);
        var sort = request.Sort ?? (text.Query is null ? SearchSort.Recent : SearchSort.Relevance);
        var years = request.YearFrom is null && request.YearTo is null
            ? ((int, int)?)null
            : (request.YearFrom ?? CaseStudyRules.MinYear, request.YearTo ?? int.MaxValue);
        var selected = FacetPresentation.Selected(snapshot.Taxonomy, request.Filters);
        var counts = FacetPresentation.EmptyCounts(snapshot.Taxonomy);
        var top = new TopDocuments(window, sort);
        var allOf = CaseStudySchema.Facets
            .Select((f, d) => request.AllOf.Contains(f.Key) && selected[d] is { } values ? values.Count(v => v) : 0)
            .ToArray();
        var collector = new FacetedCollector(snapshot.Segments, selected, counts, top, snapshot.TitleRanks, sort, years, allOf, statistics,
            request.IncludeUndated);
        snapshot.Searcher.Search(text.Query ?? new MatchAllDocsQuery(), collector);
        return new Collected(text, sort, top, collector, counts, selected, statistics);
    }

    /// <summary>Whether a search of several words, not literal, found too few cases and is widened.</summary>
    private static bool Widens(SearchRequest request, IReadOnlyList<QueryClause> searched, int total) =>
        total < SearchQueryBuilder.FewResults && !request.Literal && searched.Count(c => !c.Excluded) > 1;
}
