namespace ImpactAlliances.Core.Search;

/// <summary>
/// Keeps the best <c>n</c> documents by relevance (ties to the most recent), or by a sort key (larger
/// first, ties by score). Remaining ties go to the title that comes first, so that the order does not
/// depend on how the index was written. Documents <paramref name="leading"/> names come before every other, whatever
/// their score or key: in a widened search, those the strict search found, which the page counts and lists first.
/// </summary>
internal sealed class TopDocuments(int size, SearchSort sort, IReadOnlySet<int>? leading = null)
{
    private readonly PriorityQueue<Entry, Entry> _queue = new(size + 1, new WorstFirst(sort));

    /// <summary>A candidate document.</summary>
    public readonly record struct Entry(int Doc, float Score, long Key, int TitleRank, bool Leads);

    /// <summary>Whether any document is kept: a count (size 0) needs neither scores nor sort keys.</summary>
    public bool Keeps => size > 0;

    public void Offer(int doc, float score, long key, int titleRank)
    {
        if (size == 0)
        {
            return;
        }
        var entry = new Entry(doc, score, key, titleRank, leading?.Contains(doc) == true);
        if (_queue.Count < size)
        {
            _queue.Enqueue(entry, entry);
        }
        else if (_queue.Comparer.Compare(entry, _queue.Peek()) > 0)
        {
            _queue.DequeueEnqueue(entry, entry);
        }
    }

    /// <summary>An empty queue of <paramref name="count"/> documents, ordered as this one.</summary>
    public TopDocuments Like(int count) => new(count, sort, leading);

    /// <summary>The kept documents, best first. Drains the queue: a second call returns nothing, so take the list once.</summary>
    public List<Entry> BestFirst()
    {
        var result = new List<Entry>(_queue.Count);
        while (_queue.TryDequeue(out var entry, out _))
        {
            result.Add(entry);
        }
        result.Reverse();
        return result;
    }

    /// <summary>The kept documents, in no order, leaving them kept.</summary>
    public HashSet<int> Docs() => _queue.UnorderedItems.Select(item => item.Element.Doc).ToHashSet();

    /// <summary>
    /// The kept documents that lead, in this queue's order, in a queue of their own, leaving them kept: what a widened
    /// list counts, in the order it lists them.
    /// </summary>
    public TopDocuments Leaders()
    {
        // A queue sized for the leading cases (a widened search counts fewer than FewResults), not for the whole window.
        var leaders = Like(leading?.Count ?? 0);
        foreach (var (entry, _) in _queue.UnorderedItems)
        {
            if (entry.Leads)
            {
                leaders.Offer(entry.Doc, entry.Score, entry.Key, entry.TitleRank);
            }
        }
        return leaders;
    }

    /// <summary>The best <paramref name="count"/> kept documents, best first, leaving them kept.</summary>
    public List<Entry> Peek(int count)
    {
        // The best few of a queue that may hold thousands (an export): kept in a small queue of their own.
        var best = Like(count);
        foreach (var (entry, _) in _queue.UnorderedItems)
        {
            best.Offer(entry.Doc, entry.Score, entry.Key, entry.TitleRank);
        }
        return best.BestFirst();
    }

    /// <summary>Orders entries from worst to best, so the queue's head is the one to drop.</summary>
    private sealed class WorstFirst(SearchSort sort) : IComparer<Entry>
    {
        public int Compare(Entry x, Entry y)
        {
            if (x.Leads != y.Leads)
            {
                return x.Leads ? 1 : -1;
            }
            // Relevance: score, then recency (the key); the other orders: their key, then score.
            var primary = sort == SearchSort.Relevance ? x.Score.CompareTo(y.Score) : x.Key.CompareTo(y.Key);
            if (primary == 0)
            {
                primary = sort == SearchSort.Relevance ? x.Key.CompareTo(y.Key) : x.Score.CompareTo(y.Score);
            }
            // Last, the title that sorts first, so that the order never depends on how the index was written.
            return primary != 0 ? primary : y.TitleRank != x.TitleRank ? y.TitleRank.CompareTo(x.TitleRank) : y.Doc.CompareTo(x.Doc);
        }
    }
}
