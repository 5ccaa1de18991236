using ImpactAlliances.Core.Content;

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

    /// <summary>The cases, read from the index as they are enumerated.</summary>
    public IEnumerable<IndexedCase> Cases
    {
        get
        {
            foreach (var doc in _docs)
            {
                yield return CaseStudyDocumentMapper.ToIndexedCase(_lease.Snapshot.Searcher.Doc(doc));
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lease.Dispose();
}
