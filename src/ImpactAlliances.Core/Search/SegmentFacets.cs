using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// The facet values of every document of one segment, read once from its sorted-set doc values into
/// plain arrays (one compressed row list per dimension) holding positions in the taxonomy facet.
/// </summary>
/// <remarks>
/// Reading ordinals through <see cref="SortedSetDocValues"/> document by document is what dominated
/// counting over large result sets; arrays built when the reader opens make each count an array walk.
/// A hit counts for every dimension, so its values are also kept in one row of all dimensions (two bytes a value, counted
/// in one array: for « projet territoire », 85,646 hits of 100,000 cases, the counting of that row was 44 % of the collector's
/// time, BENCHMARKS.md, forty-first session), and its year and update date in plain arrays: the collector's own work, read for every case a search finds, was 5 % of an uncached
/// API request's CPU (BENCHMARKS.md, thirty-sixth session), the doc values' decoding of the two dates 1.3 % more.
/// </remarks>
internal sealed class SegmentFacets
{
    private readonly int[][] _starts;
    private readonly int[][] _values;
    private readonly int[] _allStarts;
    private readonly ushort[] _all;
    private readonly int[] _years;
    private readonly long[] _updated;

    private SegmentFacets(int[][] starts, int[][] values, int[] offsets, int[] years, long[] updated)
    {
        (_starts, _values, _years, _updated) = (starts, values, years, updated);
        Offsets = offsets;
        EarliestYear = years.Where(year => year > 0).DefaultIfEmpty().Min();
        _allStarts = new int[years.Length + 1];
        _all = new ushort[values.Sum(v => v.Length)];
        var at = 0;
        for (var doc = 0; doc < years.Length; doc++)
        {
            _allStarts[doc] = at;
            for (var d = 0; d < values.Length; d++)
            {
                foreach (var value in ValuesOf(d, doc))
                {
                    _all[at++] = (ushort)(offsets[d] + value);
                }
            }
        }
        _allStarts[years.Length] = at;
    }

    /// <summary>Where each dimension's values begin in the row of every dimension (<see cref="AllValuesOf"/>): <see cref="OffsetsOf"/>.</summary>
    public int[] Offsets { get; }

    /// <summary>Reads the facet values of a segment, for the dimensions of the schema, in schema order; <paramref name="offsets"/>: <see cref="OffsetsOf"/>.</summary>
    public static SegmentFacets Read(AtomicReader reader, Taxonomy taxonomy, int[] offsets)
    {
        var dimensions = CaseStudySchema.Facets.Count;
        var starts = new int[dimensions][];
        var values = new int[dimensions][];
        for (var d = 0; d < dimensions; d++)
        {
            (starts[d], values[d]) = ReadDimension(reader, taxonomy[CaseStudySchema.Facets[d].Key]);
        }
        return new SegmentFacets(starts, values, offsets, Numbers(reader, CaseStudySchema.Year, v => (int)v), Numbers(reader, CaseStudySchema.Updated, v => v));
    }

    /// <summary>
    /// Where each dimension's values begin among all the taxonomy's values, one dimension after the other in schema order
    /// (<see cref="Offsets"/>); the last, how many values in all.
    /// </summary>
    public static int[] OffsetsOf(Taxonomy taxonomy)
    {
        var dimensions = CaseStudySchema.Facets.Count;
        var offsets = new int[dimensions + 1];
        for (var d = 0; d < dimensions; d++)
        {
            offsets[d + 1] = offsets[d] + taxonomy[CaseStudySchema.Facets[d].Key].Values.Count;
        }
        return offsets[dimensions] <= ushort.MaxValue + 1 ? offsets
            : throw new InvalidDataException($"facets of more than {ushort.MaxValue + 1} values in all");
    }

    /// <summary>
    /// The values of document <paramref name="doc"/> in every dimension, in dimension order, each as its taxonomy position
    /// after its dimension's offset (<see cref="Offsets"/>): one array of counts holds every dimension's.
    /// </summary>
    public ReadOnlySpan<ushort> AllValuesOf(int doc) => _all.AsSpan(_allStarts[doc], _allStarts[doc + 1] - _allStarts[doc]);

    /// <summary>The document's start year; 0 when it has none.</summary>
    public int YearOf(int doc) => _years[doc];

    /// <summary>The earliest known start year of the segment's cases, or 0 when none has one.</summary>
    public int EarliestYear { get; }

    /// <summary>The document's update date as the index stores it; 0 when it has none.</summary>
    public long UpdatedOf(int doc) => _updated[doc];

    /// <summary>A numeric doc value of every document of the segment; 0 for a field the segment does not hold.</summary>
    private static T[] Numbers<T>(AtomicReader reader, string field, Func<long, T> convert)
    {
        var numbers = new T[reader.MaxDoc];
        if (reader.GetNumericDocValues(field) is { } values)
        {
            for (var doc = 0; doc < numbers.Length; doc++)
            {
                numbers[doc] = convert(values.Get(doc));
            }
        }
        return numbers;
    }

    /// <summary>The taxonomy positions of the values of document <paramref name="doc"/> in dimension <paramref name="dimension"/>.</summary>
    public ReadOnlySpan<int> ValuesOf(int dimension, int doc)
    {
        var starts = _starts[dimension];
        return _values[dimension].AsSpan(starts[doc], starts[doc + 1] - starts[doc]);
    }

    private static (int[] Starts, int[] Values) ReadDimension(AtomicReader reader, TaxonomyFacet facet)
    {
        var starts = new int[reader.MaxDoc + 1];
        var docValues = reader.GetSortedSetDocValues(facet.Key);
        if (docValues is null)
        {
            return (starts, []);
        }
        // Segment ordinals to taxonomy positions; a value the taxonomy no longer has maps to -1 and is skipped.
        var positions = new int[docValues.ValueCount];
        var bytes = new BytesRef();
        for (var ord = 0; ord < positions.Length; ord++)
        {
            docValues.LookupOrd(ord, bytes);
            positions[ord] = facet.IndexOf(bytes.Utf8ToString());
        }
        var values = new List<int>(reader.MaxDoc * 2);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            starts[doc] = values.Count;
            docValues.SetDocument(doc);
            long ord;
            while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                if (positions[ord] >= 0)
                {
                    values.Add(positions[ord]);
                }
            }
        }
        starts[reader.MaxDoc] = values.Count;
        return (starts, values.ToArray());
    }
}
