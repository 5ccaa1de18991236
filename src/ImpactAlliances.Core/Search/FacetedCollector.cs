using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// One pass over the text matches that yields the hits, the top documents and every facet's
/// drill-sideways counts: a document that passes every facet filter is a hit and counts for all
/// facets; one that fails exactly one facet's filter counts only for that facet. A collector made by
/// <see cref="Counting"/> only counts the hits.
/// </summary>
internal sealed class FacetedCollector : ICollector
{
    private readonly SegmentFacets[] _segments;
    private readonly bool[]?[] _selected;
    private readonly int[]? _allOf;
    private readonly StatisticsCounter? _statistics;
    private readonly int[] _filtered;
    private readonly int[] _offsets;
    // Every dimension's counts in one array, each value at its dimension's offset, as the segments' rows hold them.
    private readonly int[] _counts;
    private readonly TopDocuments _top;
    private SegmentFacets _segment = null!;
    private readonly int[] _titleRanks;
    private readonly SearchSort _sort;
    private readonly (int From, int To)? _years;
    private readonly bool _includeUndated;
    private Scorer? _scorer;
    private int _docBase;
    private readonly bool _countOnly;

    /// <param name="segments">Facet arrays of the snapshot's segments.</param>
    /// <param name="selected">Per dimension, the selected taxonomy positions; null when the dimension is not filtered.</param>
    /// <param name="offsets">Where each dimension's values begin among all the taxonomy's values (<see cref="SegmentFacets.OffsetsOf"/>).</param>
    /// <param name="top">Keeps the best documents.</param>
    /// <param name="allOf">Per dimension, how many selected values a document must all have; 0 when any one of them will do.</param>
    /// <param name="statistics">Counts the statistics of the hits, when asked for.</param>
    public FacetedCollector(SegmentFacets[] segments, bool[]?[] selected, int[] offsets, TopDocuments top,
        int[] titleRanks, SearchSort sort = SearchSort.Relevance, (int From, int To)? years = null,
        int[]? allOf = null, StatisticsCounter? statistics = null, bool includeUndated = true)
    {
        _allOf = allOf;
        _statistics = statistics;
        _includeUndated = includeUndated;
        _sort = sort;
        _titleRanks = titleRanks;
        _years = years;
        FailedOnly = new int[selected.Length];
        _segments = segments;
        _selected = selected;
        _filtered = Enumerable.Range(0, selected.Length).Where(d => selected[d] is not null).ToArray();
        _offsets = offsets;
        _counts = new int[offsets[^1]];
        _top = top;
    }

    private FacetedCollector(SegmentFacets[] segments, bool[]?[] selected, (int From, int To)? years, int[]? allOf, bool includeUndated)
        : this(segments, selected, [0], new TopDocuments(0, SearchSort.Recent), [], SearchSort.Recent, years, allOf, includeUndated: includeUndated) =>
        _countOnly = true;

    /// <summary>
    /// A collector that only counts the hits (<see cref="Total"/>), with the same text, filters and year range: no facet
    /// counts, <see cref="FailedOnly"/> nor <see cref="Undated"/>, no best documents, no statistics. What a count read
    /// alone (a piece of advice, how many cases hold every word) needs, at the cost of the filters alone.
    /// </summary>
    public static FacetedCollector Counting(SegmentFacets[] segments, bool[]?[] selected, (int From, int To)? years, int[]? allOf,
        bool includeUndated) =>
        new(segments, selected, years, allOf, includeUndated);

    /// <summary>Per dimension and taxonomy position, the drill-sideways count, counted so far.</summary>
    public int[][] CountsByDimension() => [.. Enumerable.Range(0, _offsets.Length - 1).Select(d => _counts[_offsets[d].._offsets[d + 1]])];

    /// <summary>Per dimension, documents that fail that dimension's filter only: removing it would add them.</summary>
    public int[] FailedOnly { get; }

    /// <summary>Documents that match the text and every facet filter and have no start year, whether the year range kept them or not.</summary>
    public int Undated { get; private set; }

    /// <summary>Number of hits.</summary>
    public int Total { get; private set; }

    // In order: Lucene's out-of-order BooleanScorer allocates a table of 2,048 buckets for every query, a
    // seventh of what a search allocated, for no gain in time on indexes of this size (BENCHMARKS.md).
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _segment = _segments[context.Ord];
        _docBase = context.DocBase;
    }

    public void Collect(int doc)
    {
        // The year range applies like the text: to the hits and to every count. Cases without a year (0)
        // pass it unless they are asked to be left out; they are counted either way, for the page to say.
        var year = _segment.YearOf(doc);
        if (_years is { } years && (year == 0 ? !_includeUndated : year < years.From || year > years.To))
        {
            if (year == 0 && !_countOnly && PassesAll(doc))
            {
                Undated++;
            }
            return;
        }
        if (_countOnly)
        {
            if (PassesAll(doc))
            {
                Total++;
            }
            return;
        }
        var failed = -1;
        foreach (var dimension in _filtered)
        {
            if (!Passes(dimension, doc))
            {
                if (failed >= 0)
                {
                    return;
                }
                failed = dimension;
            }
        }
        if (failed >= 0)
        {
            FailedOnly[failed]++;
            Count(failed, doc);
            return;
        }
        Total++;
        _statistics?.Add(_segment, doc, year);
        if (year == 0)
        {
            Undated++;
        }
        foreach (var value in _segment.AllValuesOf(doc))
        {
            _counts[value]++;
        }
        if (!_top.Keeps)
        {
            return;
        }
        // Relevance breaks ties in score by recency.
        var key = _sort switch
        {
            SearchSort.Title => -(long)_titleRanks[_docBase + doc],
            SearchSort.Year => year * 100_000_000L + _segment.UpdatedOf(doc),
            _ => _segment.UpdatedOf(doc),
        };
        _top.Offer(_docBase + doc, _sort == SearchSort.Relevance ? _scorer?.GetScore() ?? 0f : 0f, key, _titleRanks[_docBase + doc]);
    }

    private bool PassesAll(int doc)
    {
        foreach (var dimension in _filtered)
        {
            if (!Passes(dimension, doc))
            {
                return false;
            }
        }
        return true;
    }

    private bool Passes(int dimension, int doc)
    {
        var selected = _selected[dimension]!;
        var required = _allOf?[dimension] ?? 0;
        var found = 0;
        foreach (var value in _segment.ValuesOf(dimension, doc))
        {
            if (selected[value] && ++found >= required)
            {
                return true;
            }
        }
        return false;
    }

    private void Count(int dimension, int doc)
    {
        var offset = _offsets[dimension];
        foreach (var value in _segment.ValuesOf(dimension, doc))
        {
            _counts[offset + value]++;
        }
    }
}
