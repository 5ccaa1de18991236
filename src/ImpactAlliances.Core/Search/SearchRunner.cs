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
    /// <summary>The result page of a request, with its corrections and offered words, and advice when it is empty.</summary>
    public SearchResult Search(SearchRequest request)
    {
        var (clauses, searched, corrected) = Searched(request);
        var size = Math.Clamp(request.Size ?? options.PageSize, 1, options.MaxPageSize);
        var page = Math.Max(1, request.Page);
        var (run, strict) = CollectWidened(request, searched, (int)Math.Min((long)page * size, SearchIndexOptions.MaxResultWindow));
        var result = Told(Result(request, searched, run, strict, page, size), corrected);
        return result.Total > 0 || result.Relaxed ? result : result with
        {
            FilterRemovals = EmptyResultAdvice.FilterRemovals(this, request, searched, result, run.Collector.FailedOnly),
            QuerySuggestions = EmptyResultAdvice.QuerySuggestions(this, request, clauses),
        };
    }

    /// <summary>
    /// The statistics of every case the result page counts, collected in the same pass as the search's result without
    /// its hits, which heads their page (filters, notes) when <paramref name="heading"/> asks for it: that result costs
    /// more runs (how many cases hold every word, which words none holds), which a CSV of the counts does without.
    /// </summary>
    public ResultStatistics Statistics(SearchRequest request, TimeProvider? clock, bool heading)
    {
        var (_, searched, corrected) = Searched(request);
        var (shown, strict) = CollectWidened(request, searched, 0, () => new StatisticsCounter(snapshot.Taxonomy));
        var counted = Counted(shown, strict);
        var info = Info(request, counted, 0, clock);
        var result = heading ? Told(Result(request, searched, shown, strict, 1, options.PageSize), corrected) : null;
        return counted.Statistics!.ToStatistics(info with { Exported = info.Total }, result, snapshot.Taxonomy, counted.Selected);
    }

    /// <summary>A result with what its correction tells the page: the words replaced, the words offered, a question read as English.</summary>
    private static SearchResult Told(SearchResult result, Corrected corrected) =>
        result with { Corrections = corrected.Corrections, Offered = corrected.Offered, QueryInEnglish = corrected.English };

    /// <summary>
    /// The request's words parsed, and as searched: corrected unless asked literally, with the words of French that no case
    /// writes left as typed and their closest words offered (<see cref="Corrected.Offered"/>).
    /// </summary>
    private (IReadOnlyList<QueryClause> Clauses, IReadOnlyList<QueryClause> Searched, Corrected Corrected) Searched(SearchRequest request)
    {
        var clauses = UserQuery.Parse(request.Query);
        var corrected = request.Literal ? new Corrected(clauses, [], []) : Correct(clauses);
        return (clauses, corrected.Clauses, corrected);
    }

    /// <summary>
    /// The result of the runs collected: a page of the run shown, the facets of the run counted and what the page says of
    /// them; when few cases held half of the rarer words, those come first, then the cases holding some of them, and the
    /// page says so; when none of them holds every term, which terms none holds, and how many hold them all without the filters.
    /// </summary>
    private SearchResult Result(SearchRequest request, IReadOnlyList<QueryClause> searched, Collected run, Collected strict, int page, int size)
    {
        var counted = Counted(run, strict);
        var allWords = AllWordsTotal(request, strict, counted);
        var result = Page(request, run, counted, page, size) with
        {
            NothingSearched = !string.IsNullOrWhiteSpace(request.Query) && run.Text.Query is null,
            OnlyExclusions = run.Text.OnlyExclusions,
            NothingWeighs = run.Text.NothingWeighs,
            AllWordsTotal = allWords,
            AllWordsNarrows = strict.Text.GroupsOptional,
        };
        if (allWords == 0)
        {
            result = result with
            {
                TermsHeldByNone = EmptyResultAdvice.TermsHeldByNone(this, request, searched),
                AllWordsWithoutFilters = EmptyResultAdvice.AllWordsWithoutFilters(this, request, searched),
            };
        }
        return run == strict ? result : result with { Relaxed = true, StrictTotal = strict.Collector.Total };
    }

    /// <summary>
    /// How many of the cases counted hold every group (<see cref="SearchResult.AllWordsTotal"/>): they are among the strict
    /// run's, so none when it found nothing and the widened run is counted.
    /// </summary>
    private int? AllWordsTotal(SearchRequest request, Collected strict, Collected counted) =>
        counted.Collector.Total == 0 ? null
        : strict.Collector.Total == 0 ? 0
        : strict.Text.EveryGroup is { } every ? Count(request, every)
        : null;

    /// <summary>
    /// Query words that match no case replaced by close words of the index; words of French that no case writes, two edits
    /// or more from the closest, left as typed and that word offered.
    /// </summary>
    public Corrected Correct(IReadOnlyList<QueryClause> clauses, int extraEdits = 0) =>
        QueryCorrector.Correct(clauses, snapshot.Terms, snapshot.Vocabulary, analyzer, synonyms, extraEdits, snapshot.QueryVocabulary(analyzer));

    /// <summary>How many cases clauses already corrected find, without widening: what a piece of advice would give.</summary>
    public int Count(SearchRequest request, IReadOnlyList<QueryClause> clauses) => Count(request, Build(clauses, Strictly(request)).Query);

    /// <summary>How many cases a query finds within the request's filters and year range: the hits counted, nothing else.</summary>
    private int Count(SearchRequest request, Query? query)
    {
        var (selected, years, allOf) = Filters(request);
        var collector = FacetedCollector.Counting(snapshot.Segments, selected, years, allOf, request.IncludeUndated);
        snapshot.Searcher.Search(query ?? new MatchAllDocsQuery(), collector);
        return collector.Total;
    }

    /// <summary>The coverage of a request's search before any widening.</summary>
    private static Coverage Strictly(SearchRequest request) => request.AllWords ? Coverage.Every : Coverage.Enough;

    /// <summary>
    /// Every case the result page counts (the same corrections and the same widening: see <see cref="Counted"/>), in one
    /// pass, with the best <paramref name="window"/> of them.
    /// </summary>
    public (Collected Run, ExportInfo Info) CollectAll(SearchRequest request, int window, TimeProvider? clock)
    {
        var (_, searched, _) = Searched(request);
        var (shown, strict) = CollectWidened(request, searched, window);
        var run = Counted(shown, strict);
        if (!ReferenceEquals(run, shown))
        {
            // A widened list shows the counted cases first, ranked by its own scores: they are exported in that order.
            run = run with { Top = shown.Top.Leaders() };
        }
        return (run, Info(request, run, window, clock));
    }

    /// <summary>What produced a run counted, and where it comes from.</summary>
    private ExportInfo Info(SearchRequest request, Collected run, int window, TimeProvider? clock) =>
        new(request, run.Sort, run.Collector.Total, Math.Min(run.Collector.Total, window), snapshot.Version.Name,
            snapshot.Manifest.ContentCommit, snapshot.Manifest.BuiltAt, (clock ?? TimeProvider.System).GetUtcNow());

    /// <summary>
    /// The strict run and the run to show: the strict one, or, when a search of several words found too few,
    /// the widened one if it finds more; for a descriptive question, that run ranked again with relevance
    /// feedback (<see cref="RelevanceFeedback"/>). Pages, snippets and labels are made only for the run shown.
    /// </summary>
    private (Collected Shown, Collected Strict) CollectWidened(SearchRequest request, IReadOnlyList<QueryClause> searched, int window,
        Func<StatisticsCounter>? statistics = null)
    {
        // A descriptive question ranks its first pass's best cases again (relevance feedback): that pass keeps them.
        var feedback = RelevanceFeedback.MayApply(request, searched, window);
        var first = feedback ? Math.Max(window, RelevanceFeedback.Depth) : window;
        var mayWiden = !request.Literal && !request.AllWords && searched.Count(c => !c.Excluded) > 1;
        // A strict run that may be widened keeps every case it finds (fewer than FewResults), not only its best `first`: in
        // relevance order the widened run ranks them by its own scores, so any of them may come within its first page.
        var strict = Collect(request, searched, Strictly(request), mayWiden && first > 0 ? Math.Max(first, SearchQueryBuilder.FewResults) : first,
            statistics?.Invoke());
        var shown = strict;
        if (strict.Collector.Total < SearchQueryBuilder.FewResults && mayWiden)
        {
            // Whatever the order asked for, the cases holding enough of the words come first, as the page says and counts them.
            var counted = strict.Collector.Total > 0 && strict.Top.Keeps ? strict.Top.Docs() : null;
            var widened = Collect(request, searched, Coverage.Some, first, statistics?.Invoke(), counted);
            if (widened.Collector.Total > strict.Collector.Total)
            {
                shown = widened;
            }
        }
        if (feedback && RelevanceFeedback.Applies(shown.Text, shown.Sort)
            && RelevanceFeedback.Expansion(snapshot, analyzer, shown.Top.Peek(RelevanceFeedback.Documents), shown.Text) is { } expansion)
        {
            var fed = shown with { Top = RelevanceFeedback.Rerank(snapshot.Searcher, shown.Text.Query!, expansion, shown.Top.BestFirst(), shown.Top.Like(window)) };
            return (fed, ReferenceEquals(shown, strict) ? fed : strict);
        }
        return (shown, strict);
    }

    /// <summary>
    /// The run whose cases are counted: a widened search lists the cases holding some of the words after those holding
    /// enough of them, but a count, an export or a statistic of cases holding one common word of a question would
    /// mislead; only when no case holds enough of them are the others counted.
    /// </summary>
    private static Collected Counted(Collected shown, Collected strict) => strict.Collector.Total > 0 ? strict : shown;

    /// <summary>One page of a run's results, with its snippets, and the facets of the run that counts.</summary>
    private SearchResult Page(SearchRequest request, Collected run, Collected counted, int page, int size)
    {
        // In longs: a page number typed in a URL times the size overflows an int to a negative count, which skips nothing.
        var entries = run.Top.BestFirst().Skip((int)Math.Min((long)(page - 1) * size, int.MaxValue)).Take(size).ToList();
        var snippets = SnippetBuilder.Build(snapshot, entries.Select(e => e.Doc).ToList(), run.Text);
        var hits = entries.Select((e, i) => snapshot.Hit(e.Doc) with { Snippet = snippets[i], Score = e.Score }).ToList();
        var facets = FacetPresentation.Results(snapshot.Taxonomy, counted.Counts, counted.Selected);
        return new SearchResult(request.Query?.Trim() ?? "", run.Collector.Total, page, size, run.Sort, hits, facets)
        {
            Years = (request.YearFrom, request.YearTo),
            IncludeUndated = request.IncludeUndated,
            Undated = counted.Collector.Undated,
            Concepts = run.Text.Concepts,
            OfferedFilters = FacetPresentation.OfferedFilters(run.Text.Concepts, facets),
            UnknownFilters = UnknownFilter.In(snapshot.Taxonomy, request.Filters),
        };
    }

    private TextQuery Build(IReadOnlyList<QueryClause> clauses, Coverage coverage) =>
        new SearchQueryBuilder(analyzer, synonyms, snapshot.QueryVocabulary(analyzer), snapshot.Terms).Build(clauses, coverage);

    private Collected Collect(SearchRequest request, IReadOnlyList<QueryClause> clauses, Coverage coverage, int window, StatisticsCounter? statistics = null,
        IReadOnlySet<int>? leading = null) =>
        Run(request, Build(clauses, coverage), window, statistics, leading);

    /// <summary>The request's facet filters (selected taxonomy positions, and how many a case must all have) and year range.</summary>
    private (bool[]?[] Selected, (int From, int To)? Years, int[] AllOf) Filters(SearchRequest request)
    {
        var years = request.YearFrom is null && request.YearTo is null
            ? ((int, int)?)null
            : (request.YearFrom ?? CaseStudyRules.MinYear, request.YearTo ?? int.MaxValue);
        var selected = FacetPresentation.Selected(snapshot.Taxonomy, request.Filters);
        var allOf = CaseStudySchema.Facets
            .Select((f, d) => request.AllOf.Contains(f.Key) && selected[d] is { } values ? values.Count(v => v) : 0)
            .ToArray();
        return (selected, years, allOf);
    }

    private Collected Run(SearchRequest request, TextQuery text, int window, StatisticsCounter? statistics = null, IReadOnlySet<int>? leading = null)
    {
        // Without a word that weighs every case scores the same: the result says the order it has.
        var sort = request.Sort ?? (text.NothingWeighs ? SearchSort.Recent : SearchSort.Relevance);
        var (selected, years, allOf) = Filters(request);
        var top = new TopDocuments(window, sort, leading);
        var collector = new FacetedCollector(snapshot.Segments, selected, snapshot.FacetOffsets, top, snapshot.TitleRanks, sort, years, allOf, statistics,
            request.IncludeUndated);
        snapshot.Searcher.Search(text.Query ?? new MatchAllDocsQuery(), collector);
        return new Collected(text, sort, top, collector, collector.CountsByDimension(), selected, statistics);
    }
}
