using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>A segment's facet values and dates as kept for the collector: the same as each dimension's and the doc values'.</summary>
public sealed class SegmentFacetsFacts(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    [Fact]
    public void A_case_s_row_of_every_dimension_holds_each_dimension_s_values_in_order_and_its_dates_are_the_doc_values()
    {
        using var lease = fixture.Index.Acquire();
        var snapshot = lease.Snapshot;
        var withValues = 0;
        foreach (var leaf in snapshot.Reader.Leaves)
        {
            var segment = snapshot.Segments[leaf.Ord];
            var years = leaf.AtomicReader.GetNumericDocValues(CaseStudySchema.Year);
            var updated = leaf.AtomicReader.GetNumericDocValues(CaseStudySchema.Updated);
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                var expected = Enumerable.Range(0, CaseStudySchema.Facets.Count)
                    .SelectMany(d => segment.ValuesOf(d, doc).ToArray().Select(v => (d, v))).ToList();
                var row = segment.AllValuesOf(doc).ToArray().Select(value => DimensionAndPosition(segment.Offsets, value)).ToList();
                Assert.Equal(expected, row);
                Assert.All(expected, e => Assert.InRange(segment.Offsets[e.d] + e.v, segment.Offsets[e.d], segment.Offsets[e.d + 1] - 1));
                Assert.Equal(years?.Get(doc) ?? 0, segment.YearOf(doc));
                Assert.Equal(updated?.Get(doc) ?? 0, segment.UpdatedOf(doc));
                withValues += expected.Select(e => e.d).Distinct().Count() > 1 ? 1 : 0;
            }
        }
        Assert.True(withValues > 10, "cases with values in several dimensions");
    }

    /// <summary>A value of a row of every dimension as its dimension, the last whose offset it reaches, and its position in it.</summary>
    private static (int Dimension, int Position) DimensionAndPosition(int[] offsets, int value)
    {
        var dimension = Array.FindLastIndex(offsets, offset => offset <= value);
        return (dimension, value - offsets[dimension]);
    }
}
