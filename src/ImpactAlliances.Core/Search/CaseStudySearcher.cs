using ImpactAlliances.Core.Content;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Extensions.Options;
using System.Globalization;

namespace ImpactAlliances.Core.Search;

/// <summary>Runs searches and case look-ups on the served index snapshot.</summary>
public sealed class CaseStudySearcher(CaseStudyIndex index, IOptions<SearchIndexOptions> options, SynonymProvider? synonyms = null)
    : ICaseStudySearch, IDisposable
{
    private readonly SearchIndexOptions _options = options.Value;
    private readonly Analyzer _analyzer = CaseStudySchema.CreateAnalyzer();

    private SynonymSet Synonyms => synonyms?.Current ?? SynonymSet.Empty;

    /// <inheritdoc />
    public SearchResult Search(SearchRequest request)
    {
        using var lease = index.Acquire();
        var snapshot = lease.Snapshot;
        var clauses = UserQuery.Parse(request.Query);
        var (searched, corrections) = request.Literal ? (clauses, []) : QueryCorrector.Correct(clauses, snapshot, _analyzer, Synonyms);
        var result = Run(snapshot, request, searched, out var failedOnly) with { Corrections = corrections };
        if (Widens(request, searched, result.Total))
        {
            // Few cases hold half of the rarer words: those come first, then the cases holding some of them; the page says so.
            var relaxed = Run(snapshot, request, searched, out _, relaxed: true);
            if (relaxed.Total > result.Total)
            {
                return relaxed with { Corrections = corrections, Relaxed = true, StrictTotal = result.Total };
            }
        }
        return result.Total > 0 ? result : result with
        {
            FilterRemovals = FilterRemovals(snapshot, request, searched, result, failedOnly),
            QuerySuggestions = QuerySuggestions(snapshot, request, clauses),
        };
    }

    private SearchResult Run(IndexSnapshot snapshot, SearchRequest request, IReadOnlyList<QueryClause> clauses, out int[] failedOnly, bool relaxed = false)
    {
        var size = Math.Clamp(request.Size ?? _options.PageSize, 1, _options.MaxPageSize);
        var page = Math.Max(1, request.Page);
        var window = (int)Math.Min((long)page * size, SearchIndexOptions.MaxResultWindow);
        var run = Collect(snapshot, request, clauses, relaxed, window);
        failedOnly = run.Collector.FailedOnly;

        var entries = run.Top.BestFirst().Skip((page - 1) * size).ToList();
        var snippets = SnippetBuilder.Build(snapshot, entries.Select(e => e.Doc).ToList(), run.Text);
        var hits = entries.Select((e, i) => ToHit(snapshot, e.Doc, e.Score, snippets[i])).ToList();
        var facets = FacetResults(snapshot.Taxonomy, run.Counts, run.Selected);
        return new SearchResult(request.Query?.Trim() ?? "", run.Collector.Total, page, size, run.Sort, hits, facets)
        {
            Years = (request.YearFrom, request.YearTo),
            IncludeUndated = request.IncludeUndated,
            Undated = run.Collector.Undated,
            Concepts = run.Text.Concepts,
            PlaceFilters = PlaceFilters(run.Text.Concepts, facets),
            UnknownFilters = UnknownFilter.In(snapshot.Taxonomy, request.Filters),
        };
    }

    /// <summary>A search run: its best documents and every facet's counts.</summary>
    private sealed record Collected(TextQuery Text, SearchSort Sort, TopDocuments Top, FacetedCollector Collector, int[][] Counts, bool[]?[] Selected,
        StatisticsCounter? Statistics);

    private Collected Collect(IndexSnapshot snapshot, SearchRequest request, IReadOnlyList<QueryClause> clauses, bool relaxed, int window,
        StatisticsCounter? statistics = null)
    {
        var text = new SearchQueryBuilder(_analyzer, Synonyms, snapshot.QueryVocabulary(_analyzer), snapshot.Terms).Build(clauses, relaxed);
        var sort = request.Sort ?? (text.Query is null ? SearchSort.Recent : SearchSort.Relevance);
        var years = request.YearFrom is null && request.YearTo is null
            ? ((int, int)?)null
            : (request.YearFrom ?? CaseStudyRules.MinYear, request.YearTo ?? int.MaxValue);
        var selected = SelectedPositions(snapshot.Taxonomy, request.Filters);
        var counts = CaseStudySchema.Facets.Select(f => new int[snapshot.Taxonomy[f.Key].Values.Count]).ToArray();
        var top = new TopDocuments(window, sort);
        var allOf = CaseStudySchema.Facets
            .Select((f, d) => request.AllOf.Contains(f.Key) && selected[d] is { } values ? values.Count(v => v) : 0)
            .ToArray();
        var collector = new FacetedCollector(snapshot.Segments, selected, counts, top, snapshot.TitleRanks, sort, years, allOf, statistics,
            request.IncludeUndated);
        snapshot.Searcher.Search(text.Query ?? new MatchAllDocsQuery(), collector);
        return new Collected(text, sort, top, collector, counts, selected, statistics);
    }

    /// <inheritdoc />
    public CaseExport Export(SearchRequest request, TimeProvider? clock = null)
    {
        var lease = index.Acquire();
        try
        {
            var (run, info) = CollectAll(lease.Snapshot, request, SearchIndexOptions.MaxResultWindow, clock);
            return new CaseExport(lease, run.Top.BestFirst().Select(e => e.Doc).ToList(), info);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ResultStatistics Statistics(SearchRequest request, TimeProvider? clock = null)
    {
        using var lease = index.Acquire();
        var snapshot = lease.Snapshot;
        var (run, info) = CollectAll(snapshot, request, 0, clock, () => new StatisticsCounter(snapshot.Taxonomy));
        return run.Statistics!.ToStatistics(info with { Exported = info.Total }, snapshot.Taxonomy, run.Selected);
    }

    /// <summary>
    /// Every case the result page shows (the same corrections and the same fallback), in one pass, with
    /// the best <paramref name="window"/> of them and, when asked for, their statistics.
    /// </summary>
    private (Collected Run, ExportInfo Info) CollectAll(IndexSnapshot snapshot, SearchRequest request, int window, TimeProvider? clock,
        Func<StatisticsCounter>? statistics = null)
    {
        var clauses = UserQuery.Parse(request.Query);
        var searched = request.Literal ? clauses : QueryCorrector.Correct(clauses, snapshot, _analyzer, Synonyms).Clauses;
        var run = Collect(snapshot, request, searched, relaxed: false, window, statistics?.Invoke());
        if (Widens(request, searched, run.Collector.Total))
        {
            // The same widening as the result page, so that an export or statistics hold what the page shows.
            var widened = Collect(snapshot, request, searched, relaxed: true, window, statistics?.Invoke());
            if (widened.Collector.Total > run.Collector.Total)
            {
                run = widened;
            }
        }
        var info = new ExportInfo(request, run.Sort, run.Collector.Total, Math.Min(run.Collector.Total, window), snapshot.Version.Name,
            snapshot.Manifest.ContentCommit, snapshot.Manifest.BuiltAt, (clock ?? TimeProvider.System).GetUtcNow());
        return (run, info);
    }

    /// <summary>Whether a search of several words, not literal, found too few cases and is widened.</summary>
    private static bool Widens(SearchRequest request, IReadOnlyList<QueryClause> searched, int total) =>
        total < SearchQueryBuilder.FewResults && !request.Literal && searched.Count(c => !c.Excluded) > 1;

    /// <summary>The region of each place the query named, unless already selected, when some results are there.</summary>
    private static List<PlaceFilter> PlaceFilters(IReadOnlyList<Concept> concepts, IReadOnlyList<FacetResult> facets)
    {
        var regions = facets.Single(f => f.Key == CaseStudySchema.Regions.Key).Values;
        return concepts.OfType<PlaceConcept>()
            .Select(p => p.Place.Region)
            .Distinct()
            .Select(slug => regions.FirstOrDefault(v => v.Value == slug))
            .Where(v => v is { Selected: false, Count: > 0 })
            .Select(v => new PlaceFilter(CaseStudySchema.Regions.Key, v!.Value, v.Label, v.Count))
            .ToList();
    }

    /// <summary>For an empty result: each active filter, and what its removal would give.</summary>
    private List<FilterRemoval> FilterRemovals(IndexSnapshot snapshot, SearchRequest request, IReadOnlyList<QueryClause> clauses, SearchResult result, int[] failedOnly)
    {
        var removals = new List<FilterRemoval>();
        for (var d = 0; d < CaseStudySchema.Facets.Count; d++)
        {
            var facet = result.Facets[d];
            var values = facet.Values.Where(v => v.Selected).Select(v => v.Label).ToList();
            if (values.Count > 0)
            {
                removals.Add(new FilterRemoval(facet.Key, facet.Label, values, failedOnly[d]));
            }
        }
        if (request.YearFrom is not null || request.YearTo is not null)
        {
            var withoutYears = Run(snapshot, request with { YearFrom = null, YearTo = null, Size = 1, Page = 1 }, clauses, out _).Total;
            removals.Add(new FilterRemoval("years", "Années", [$"{request.YearFrom?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{request.YearTo?.ToString(CultureInfo.InvariantCulture) ?? "…"}"], withoutYears));
        }
        if (removals.Count > 1 && removals.All(r => r.Count == 0))
        {
            // No single filter is to blame: offer them all at once.
            var unfiltered = request with { Filters = new Dictionary<string, IReadOnlyList<string>>(), YearFrom = null, YearTo = null, Size = 1, Page = 1 };
            removals.Add(new FilterRemoval(FilterRemoval.All, "tous les filtres", [], Run(snapshot, unfiltered, clauses, out _).Total));
        }
        return removals;
    }

    /// <summary>For an empty result: a bolder spelling correction, and each word on its own.</summary>
    private List<QuerySuggestion> QuerySuggestions(IndexSnapshot snapshot, SearchRequest request, IReadOnlyList<QueryClause> clauses)
    {
        var candidates = new List<string>();
        var (bolder, corrections) = QueryCorrector.Correct(clauses, snapshot, _analyzer, Synonyms, extraEdits: 1);
        if (corrections.Count > 0)
        {
            candidates.Add(string.Join(' ', bolder.Select(Display)));
        }
        var words = clauses.Where(c => !c.Excluded).ToList();
        if (words.Count > 1)
        {
            candidates.AddRange(words.Select(Display));
        }
        return candidates.Distinct()
            .Select(q => new QuerySuggestion(q, Run(snapshot, request with { Query = q, Size = 1, Page = 1 }, UserQuery.Parse(q), out _).Total))
            .Where(s => s.Count > 0)
            .ToList();
    }

    private static string Display(QueryClause clause) => clause.Kind switch
    {
        ClauseKind.Phrase => $"\"{clause.Text}\"",
        ClauseKind.Prefix => $"{clause.Text}*",
        _ => clause.Text,
    };

    /// <inheritdoc />
    public CasePage? GetCase(string slug)
    {
        using var lease = index.Acquire();
        var snapshot = lease.Snapshot;
        var top = snapshot.Searcher.Search(new TermQuery(new Term(CaseStudySchema.Slug, slug)), 1);
        if (top.TotalHits == 0)
        {
            return null;
        }
        var doc = top.ScoreDocs[0].Doc;
        var indexed = CaseStudyDocumentMapper.ToIndexedCase(snapshot.Searcher.Doc(doc));
        var taxonomy = snapshot.Taxonomy;
        var sdgs = taxonomy["sdgs"];
        var facets = LabelsOf(taxonomy, CaseStudySchema.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.ValuesOf(indexed.Case).ToList()));
        return new CasePage(
            indexed,
            facets,
            CaseStudySchema.Facets.ToDictionary(f => f.Key, f => taxonomy[f.Key].Label),
            indexed.Case.Sdgs.Select(n => new FacetLabel(n.ToString(System.Globalization.CultureInfo.InvariantCulture), sdgs.Find(n.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Label ?? "")).ToList(),
            Related(snapshot, doc, indexed.Case).Select(h => new RelatedCase(h, RelatedReason.Of(facets, h.Facets))).ToList());
    }

    /// <inheritdoc />
    public IReadOnlyList<Suggestion> Suggest(string? typed, int limit = 8)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > UserQuery.MaxLength)
        {
            return [];
        }
        using var lease = index.Acquire();
        var snapshot = lease.Snapshot;
        var suggestions = snapshot.Suggestions(() => Run(snapshot, new SearchRequest { Size = 1 }, [], out _).Facets);
        return suggestions.Suggest(typed, Math.Clamp(limit, 1, 20));
    }

    /// <inheritdoc />
    public ServedIndex Served
    {
        get
        {
            using var lease = index.Acquire();
            var snapshot = lease.Snapshot;
            return new ServedIndex(snapshot.Version.Name, snapshot.Manifest.ContentCommit, snapshot.Manifest.BuiltAt, snapshot.Manifest.Cases);
        }
    }

    /// <inheritdoc />
    public Taxonomy Taxonomy
    {
        get
        {
            using var lease = index.Acquire();
            return lease.Snapshot.Taxonomy;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _analyzer.Dispose();

    private List<SearchHit> Related(IndexSnapshot snapshot, int doc, CaseStudy c)
    {
        var query = RelatedCases.Query(snapshot.Reader, _analyzer, c, System.Text.Encoding.UTF8.GetString(snapshot.SnippetText(doc)));
        return snapshot.Searcher.Search(query, RelatedCases.Count).ScoreDocs
            .Select(d => ToHit(snapshot, d.Doc, d.Score, null))
            .ToList();
    }

    private static bool[]?[] SelectedPositions(Taxonomy taxonomy, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var selected = new bool[]?[CaseStudySchema.Facets.Count];
        for (var d = 0; d < selected.Length; d++)
        {
            var facet = taxonomy[CaseStudySchema.Facets[d].Key];
            // Unknown values are ignored rather than matching nothing: an old link still shows results.
            var positions = (filters.GetValueOrDefault(facet.Key) ?? []).Select(facet.IndexOf).Where(p => p >= 0).ToList();
            if (positions.Count > 0)
            {
                selected[d] = new bool[facet.Values.Count];
                positions.ForEach(p => selected[d]![p] = true);
            }
        }
        return selected;
    }

    private static List<FacetResult> FacetResults(Taxonomy taxonomy, int[][] counts, bool[]?[] selected)
    {
        var results = new List<FacetResult>(counts.Length);
        for (var d = 0; d < counts.Length; d++)
        {
            var facet = taxonomy[CaseStudySchema.Facets[d].Key];
            var values = facet.Values
                .Select((v, i) => new FacetCount(v.Slug, v.Label, counts[d][i], selected[d]?[i] ?? false))
                .Where(v => v.Count > 0 || v.Selected)
                .OrderByDescending(v => v.Selected)
                .ThenByDescending(v => v.Count)
                .ToList();
            results.Add(new FacetResult(facet.Key, facet.Label, values)
            {
                Families = facet.Families
                    .Select(f => new FacetFamily(f.Slug, f.Label, facet.Values.Where(v => v.Parent == f.Slug).Select(v => v.Slug).ToList()))
                    .ToList(),
            });
        }
        return results;
    }

    private static SearchHit ToHit(IndexSnapshot snapshot, int doc, float score, string? snippet) =>
        snapshot.Hit(doc, display => new SearchHit(display.Slug, display.Title, display.Summary, null, display.Updated, display.Year,
            display.Organisations, LabelsOf(snapshot.Taxonomy, display.Facets), 0)) with { Snippet = snippet, Score = score };

    private static Dictionary<string, IReadOnlyList<FacetLabel>> LabelsOf(Taxonomy taxonomy, IReadOnlyDictionary<string, IReadOnlyList<string>> values) =>
        CaseStudySchema.Facets.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetLabel>)(values.GetValueOrDefault(f.Key) ?? [])
                .Select(v => new FacetLabel(v, taxonomy[f.Key].Find(v)?.Label ?? v))
                .ToList());
}
