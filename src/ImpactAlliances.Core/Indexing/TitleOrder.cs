using System.Buffers.Binary;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;

namespace ImpactAlliances.Core.Indexing;

/// <summary>
/// Each document's position in title order (the folded titles of <see cref="CaseStudySchema.TitleSort"/>, ties by
/// document number): what every search breaks its last ties with, and the title sort. Computed when a version is
/// built and stored in its commit's data, so that a site reads it instead of sorting 100,000 titles as it starts
/// (BENCHMARKS.md, twenty-second session); an index built before reads nothing and computes it.
/// </summary>
internal static class TitleOrder
{
    /// <summary>The ranks stored in <paramref name="reader"/>'s commit, else computed from its titles.</summary>
    internal static int[] Of(DirectoryReader reader) => Read(reader.IndexCommit.UserData, reader.MaxDoc) ?? Compute(reader);

    /// <summary>The ranks as the commit's data holds them: little-endian 32-bit integers, in base 64.</summary>
    internal static string Write(int[] ranks)
    {
        var bytes = new byte[ranks.Length * sizeof(int)];
        for (var doc = 0; doc < ranks.Length; doc++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(doc * sizeof(int)), ranks[doc]);
        }
        return Convert.ToBase64String(bytes);
    }

    /// <summary>The stored ranks, or null when the commit holds none for these <paramref name="documents"/>.</summary>
    internal static int[]? Read(IDictionary<string, string> commitData, int documents)
    {
        if (!commitData.TryGetValue(CaseStudySchema.TitleOrderCommitKey, out var stored))
        {
            return null;
        }
        var bytes = Convert.FromBase64String(stored);
        if (bytes.Length != documents * sizeof(int))
        {
            return null;
        }
        var ranks = new int[documents];
        for (var doc = 0; doc < documents; doc++)
        {
            ranks[doc] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(doc * sizeof(int)));
        }
        return ranks;
    }

    /// <summary>The ranks computed from the titles' doc values.</summary>
    internal static int[] Compute(DirectoryReader reader)
    {
        if (reader.Leaves.Count == 1 && RanksFromOrdinals(reader.Leaves[0].AtomicReader) is { } ranked)
        {
            return ranked;
        }
        var keys = new string[reader.MaxDoc];
        var bytes = new Lucene.Net.Util.BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var titles = leaf.AtomicReader.GetSortedDocValues(CaseStudySchema.TitleSort);
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                titles.Get(doc, bytes);
                keys[leaf.DocBase + doc] = bytes.Utf8ToString();
            }
        }
        var order = Enumerable.Range(0, keys.Length).OrderBy(d => keys[d], StringComparer.Ordinal).ThenBy(d => d).ToArray();
        var ranks = new int[keys.Length];
        for (var rank = 0; rank < order.Length; rank++)
        {
            ranks[order[rank]] = rank;
        }
        return ranks;
    }

    /// <summary>
    /// The title order of a one-segment index (as built) from its sorted doc values, without sorting strings:
    /// their ordinals are the titles' order (of their UTF-8 bytes), and documents sharing a title follow one
    /// another by number. Null when the bytes' order is not the strings' order (a title with characters beyond
    /// U+FFFF beside ones above U+E000), which the sort of <see cref="Compute"/> then settles.
    /// </summary>
    private static int[]? RanksFromOrdinals(AtomicReader segment)
    {
        var titles = segment.GetSortedDocValues(CaseStudySchema.TitleSort);
        if (titles is null)
        {
            return null;
        }
        // The values in ordinal order, read in one pass (looking each ordinal up seeks a compressed block).
        var values = titles.GetTermsEnum();
        string? previous = null;
        while (values.MoveNext())
        {
            var title = values.Term.Utf8ToString();
            if (previous is not null && string.CompareOrdinal(previous, title) >= 0)
            {
                return null;
            }
            previous = title;
        }
        // A document without a title sorts as the empty title: first, with it if some document has it.
        var emptyFirst = titles.ValueCount > 0 && titles.LookupTerm(new Lucene.Net.Util.BytesRef("")) == 0;
        int Bucket(int doc) => titles.GetOrd(doc) is var ord && ord >= 0 ? ord + 1 : emptyFirst ? 1 : 0;
        var starts = new int[titles.ValueCount + 2];
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            starts[Bucket(doc) + 1]++;
        }
        for (var b = 1; b < starts.Length; b++)
        {
            starts[b] += starts[b - 1];
        }
        var ranks = new int[segment.MaxDoc];
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            ranks[doc] = starts[Bucket(doc)]++;
        }
        return ranks;
    }
}
