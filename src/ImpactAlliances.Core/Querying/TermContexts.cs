using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ImpactAlliances.Core.Querying;

/// <summary>
/// The terms-dictionary look-ups of one index snapshot, kept: a word searched again neither walks the terms
/// dictionary to count its cases nor again to score them. Each look-up allocates a terms enumerator and its
/// frames, and that garbage, not the work, set the tail latency of a query.
/// </summary>
internal sealed class TermContexts(IndexReader reader)
{
    /// <summary>Beyond this many kept terms (about 100 bytes each per segment), look-ups are not kept.</summary>
    private const int Capacity = 200_000;

    private readonly ConcurrentDictionary<Term, TermContext> _contexts = new();

    public IndexReader Reader => reader;

    /// <summary>The term's state in every segment; safe to share between queries of this snapshot.</summary>
    public TermContext Of(Term term)
    {
        if (_contexts.TryGetValue(term, out var known))
        {
            return known;
        }
        var context = TermContext.Build(reader.Context, term);
        if (_contexts.Count < Capacity)
        {
            _contexts.TryAdd(term, context);
        }
        return context;
    }

    /// <summary>A term query that reuses the kept look-up.</summary>
    public TermQuery Query(Term term) => new(term, Of(term));
}
