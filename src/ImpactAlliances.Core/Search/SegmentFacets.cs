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
/// </remarks>
internal sealed class SegmentFacets
{
    private readonly int[][] _starts;
    private readonly int[][] _values;

    private SegmentFacets(int[][] starts, int[][] values) => (_starts, _values) = (starts, values);

    /// <summary>Reads the facet values of a segment, for the dimensions of the schema, in schema order.</summary>
    public static SegmentFacets Read(AtomicReader reader, Taxonomy taxonomy)
    {
        var dimensions = CaseStudySchema.Facets.Count;
        var starts = new int[dimensions][];
        var values = new int[dimensions][];
        for (var d = 0; d < dimensions; d++)
        {
            (starts[d], values[d]) = ReadDimension(reader, taxonomy[CaseStudySchema.Facets[d].Key]);
        }
        return new SegmentFacets(starts, values);
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
