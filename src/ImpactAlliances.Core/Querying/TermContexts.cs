using ImpactAlliances.Core.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ImpactAlliances.Core.Querying;

/// <summary>
/// The terms-dictionary look-ups of one index snapshot, kept: a word searched again neither walks the terms
/// dictionary to count its cases nor again to score them. Each look-up allocates a terms enumerator and its
/// frames, and that garbage, not the work, set the tail latency of a query.
/// </summary>
/// <remarks>
/// The snapshot's reader (<c>KeptTermsReader</c>) also keeps each segment's term states, for the look-ups Lucene's phrase
/// weights make themselves, but a look-up through it still builds an enumerator per segment and a context: this keeps the
/// whole context (every segment's state, the counts summed) for our term queries, the corrector and the snippets, and without
/// it a search of the API's mix allocated 2.6 times as much (279 KB against 107 KB, fixture corpus, the same results).
/// </remarks>
internal sealed class TermContexts(IndexReader reader)
{
    /// <summary>Beyond this many kept terms (about 100 bytes each per segment), look-ups are not kept.</summary>
    private const int Capacity = 200_000;

    private readonly BoundedCache<Term, TermContext> _contexts = new(Capacity);

    public IndexReader Reader => reader;

    /// <summary>The term's state in every segment; safe to share between queries of this snapshot.</summary>
    public TermContext Of(Term term) => _contexts.TryGetValue(term, out var known)
        ? known
        // The kept key owns its bytes: a caller's term may point into a block of a query's rewrite, which it would keep alive.
        : _contexts.Keep(new Term(term.Field, BytesRef.DeepCopyOf(term.Bytes)), TermContext.Build(reader.Context, term));

    /// <summary>A term query that reuses the kept look-up.</summary>
    public TermQuery Query(Term term) => new(term, Of(term));
}
