using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ImpactAlliances.Core.Search;

/// <summary>What an export records so that the same result set can be asked for again and compared.</summary>
/// <param name="Request">The search, every filter and the sort as applied.</param>
/// <param name="Sort">The sort applied (the default one resolved).</param>
/// <param name="Total">How many cases the search found.</param>
/// <param name="Exported">How many the export holds: all of them, up to <see cref="SearchIndexOptions.MaxResultWindow"/>.</param>
/// <param name="IndexVersion">The index version the results come from.</param>
/// <param name="ContentCommit">The git commit of the content that version was built from, when known.</param>
/// <param name="IndexBuiltAt">When that version was built.</param>
/// <param name="ExportedAt">When the export was made.</param>
public sealed record ExportInfo(
    SearchRequest Request,
    SearchSort Sort,
    int Total,
    int Exported,
    string IndexVersion,
    string? ContentCommit,
    DateTimeOffset IndexBuiltAt,
    DateTimeOffset ExportedAt);

/// <summary>
/// Every case of a search, in the search's order, read from the index version it was found in: the
/// version stays open until the export is disposed, so a switch to a newer index during a long download
/// changes nothing. The cases are read one at a time as they are enumerated.
/// </summary>
public sealed class CaseExport : IDisposable
{
    private readonly SnapshotLease _lease;
    private readonly IReadOnlyList<int> _docs;

    internal CaseExport(SnapshotLease lease, IReadOnlyList<int> docs, ExportInfo info) => (_lease, _docs, Info) = (lease, docs, info);

    /// <summary>What the export holds and where it comes from.</summary>
    public ExportInfo Info { get; }

    /// <summary>The cases with their Markdown body, read from the stored documents as they are enumerated.</summary>
    public IEnumerable<CaseStudy> Cases => _docs.Select(doc => CaseStudyDocumentMapper.ToIndexedCase(_lease.Snapshot.Searcher.Doc(doc)).Case);

    /// <summary>
    /// The cases' front matter, without their body (<see cref="CaseStudy.Body"/> is empty): what a citation
    /// or a sitemap needs, read from <see cref="CaseStudySchema.Record"/> without decoding the stored documents.
    /// </summary>
    public IEnumerable<CaseStudy> FrontMatters => Read(CaseStudySchema.Record, CaseStudyDocumentMapper.ToCase);

    /// <summary>The cases' rows of a table export: the values of <see cref="CaseTable.Columns"/> but the address.</summary>
    public IEnumerable<string[]> Rows => Read(CaseStudySchema.TableRow, CaseTable.Decode);

    // Unlike IndexSnapshot.BinaryValue, the doc values of each segment are looked up once for the whole
    // export: per case, that look-up cost a quarter of the time of an export of 10,000 cases.
    private IEnumerable<T> Read<T>(string field, Func<BytesRef, T> decode)
    {
        var leaves = _lease.Snapshot.Reader.Leaves;
        var values = leaves.Select(l => l.AtomicReader.GetBinaryDocValues(field)).ToArray();
        var bytes = new BytesRef();
        foreach (var doc in _docs)
        {
            var leaf = ReaderUtil.SubIndex(doc, leaves);
            values[leaf].Get(doc - leaves[leaf].DocBase, bytes);
            yield return decode(bytes);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lease.Dispose();
}
