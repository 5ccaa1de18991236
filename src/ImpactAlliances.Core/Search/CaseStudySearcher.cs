using ImpactAlliances.Core.Content;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Core.Search;

/// <summary>Runs searches and case look-ups on the served index snapshot.</summary>
public sealed class CaseStudySearcher(CaseStudyIndex index, IOptions<SearchIndexOptions> options) : ICaseStudySearch, IDisposable
{
    private readonly SearchIndexOptions _options = options.Value;
    private readonly Analyzer _analyzer = CaseStudySchema.CreateAnalyzer();
    private SearchQueryBuilder QueryBuilder => new(_analyzer);

    /// <inheritdoc />
    public SearchResult Search(SearchRequest request)
    {
        using var lease = index.Acquire();
        var snapshot = lease.Snapshot;
        var text = QueryBuilder.Build(request.Query);
        var sort = request.Sort ?? (text.Query is null ? SearchSort.Recent : SearchSort.Relevance);
        var size = Math.Clamp(request.Size ?? _options.PageSize, 1, _options.MaxPageSize);
        var page = Math.Max(1, request.Page);
        var window = (int)Math.Min((long)page * size, SearchIndexOptions.MaxResultWindow);

        var selected = SelectedPositions(snapshot.Taxonomy, request.Filters);
        var counts = CaseStudySchema.Facets.Select(f => new int[snapshot.Taxonomy[f.Key].Values.Count]).ToArray();
        var top = new TopDocuments(window, sort);
        var collector = new FacetedCollector(snapshot.Segments, selected, counts, top);
        snapshot.Searcher.Search(text.Query ?? new MatchAllDocsQuery(), collector);

        var hits = top.BestFirst().Skip((page - 1) * size)
            .Select(e => ToHit(snapshot, e.Doc, e.Score, text))
            .ToList();
        return new SearchResult(request.Query?.Trim() ?? "", collector.Total, page, size, sort, hits, FacetResults(snapshot.Taxonomy, counts, selected));
    }

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
        return new CasePage(
            indexed,
            LabelsOf(taxonomy, CaseStudySchema.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.ValuesOf(indexed.Case).ToList())),
            CaseStudySchema.Facets.ToDictionary(f => f.Key, f => taxonomy[f.Key].Label),
            indexed.Case.Sdgs.Select(n => new FacetLabel(n.ToString(System.Globalization.CultureInfo.InvariantCulture), sdgs.Find(n.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Label ?? "")).ToList(),
            Related(snapshot, doc, indexed.Case));
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
        var query = RelatedCases.Query(snapshot.Reader, _analyzer, c, TextOf(snapshot, doc));
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
            results.Add(new FacetResult(facet.Key, facet.Label, values));
        }
        return results;
    }

    private static SearchHit ToHit(IndexSnapshot snapshot, int doc, float score, TextQuery? query)
    {
        var leaves = snapshot.Reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var local = doc - leaf.DocBase;
        var bytes = new BytesRef();
        leaf.AtomicReader.GetBinaryDocValues(CaseStudySchema.Display).Get(local, bytes);
        var display = CaseStudyDocumentMapper.ToDisplay(bytes);
        var snippet = query is { BodyTerms.Count: > 0 } or { BodyPrefixes.Count: > 0 }
            ? SnippetBuilder.Build(leaf.AtomicReader, local, TextOf(leaf.AtomicReader, local), query)
            : null;
        return new SearchHit(display.Slug, display.Title, display.Summary, snippet, display.Updated, display.Year,
            display.Organisations, LabelsOf(snapshot.Taxonomy, display.Facets), score);
    }

    private static string TextOf(IndexSnapshot snapshot, int doc)
    {
        var leaves = snapshot.Reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return TextOf(leaf.AtomicReader, doc - leaf.DocBase);
    }

    private static string TextOf(AtomicReader reader, int doc)
    {
        var bytes = new BytesRef();
        reader.GetBinaryDocValues(CaseStudySchema.SnippetText).Get(doc, bytes);
        return bytes.Utf8ToString();
    }

    private static Dictionary<string, IReadOnlyList<FacetLabel>> LabelsOf(Taxonomy taxonomy, IReadOnlyDictionary<string, IReadOnlyList<string>> values) =>
        CaseStudySchema.Facets.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetLabel>)(values.GetValueOrDefault(f.Key) ?? [])
                .Select(v => new FacetLabel(v, taxonomy[f.Key].Find(v)?.Label ?? v))
                .ToList());
}
