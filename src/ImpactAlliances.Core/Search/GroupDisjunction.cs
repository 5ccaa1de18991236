using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// A <see cref="DisjunctionMaxQuery"/> (a word's group: the word in each text field, its synonyms, what it names) whose scorer
/// walks its clauses as Lucene's does, to the same documents with the same scores, at less cost: the scorers' heap is kept
/// as positions in a plain array beside their current documents, and a document's score is summed only when it is asked for.
/// </summary>
/// <remarks>
/// A group of a common word matches most cases (« entreprises », « associations »: 95 % of 100,000), and the conjunction of
/// two such groups visits each of them, most only to be counted for a facet they fail the filter of. Lucene's scorer kept
/// its heap in a <c>Scorer[]</c>, each move a store with its type check (<c>StelemRef</c>, 9 % of that query's time), asked
/// every scorer's document again through a virtual call at each comparison, and scored every clause of every document it
/// landed on, a hit or not (BENCHMARKS.md, forty-first session). The score is the same float: the same clauses summed in the
/// same order, that of the heap, which is Lucene's as long as the heap is moved as Lucene moves it.
/// </remarks>
internal sealed class GroupDisjunction : DisjunctionMaxQuery
{
    /// <summary>The same group as <paramref name="query"/>, with its disjuncts as given.</summary>
    public GroupDisjunction(DisjunctionMaxQuery query, ICollection<Query> disjuncts)
        : base(disjuncts, query.TieBreakerMultiplier) =>
        Boost = query.Boost;

    public override Weight CreateWeight(IndexSearcher searcher) => new GroupWeight(this, searcher);

    private sealed class GroupWeight(GroupDisjunction query, IndexSearcher searcher) : DisjunctionMaxWeight(query, searcher)
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var scorers = new List<Scorer>(m_weights.Count);
            foreach (var weight in m_weights)
            {
                if (weight.GetScorer(context, acceptDocs) is { } scorer)
                {
                    scorers.Add(scorer);
                }
            }
            return scorers.Count == 0 ? null : new GroupScorer(this, query.TieBreakerMultiplier, [.. scorers]);
        }
    }

    /// <summary>
    /// Lucene's <c>DisjunctionMaxScorer</c> and its <c>DisjunctionScorer</c> heap, move for move: a min heap of the clauses'
    /// scorers by current document, of positions into <see cref="_scorers"/>, each scorer's document kept in
    /// <see cref="_docs"/>.
    /// </summary>
    private sealed class GroupScorer : Scorer
    {
        private readonly Scorer[] _scorers;
        private readonly int[] _docs;
        private readonly int[] _heap;
        private readonly float _tieBreaker;
        private int _count;
        private int _doc = -1;
        private bool _scored;
        private float _score;
        private int _freq;

        public GroupScorer(Weight weight, float tieBreaker, Scorer[] scorers)
            : base(weight)
        {
            _scorers = scorers;
            _tieBreaker = tieBreaker;
            _count = scorers.Length;
            _docs = new int[scorers.Length];
            _heap = new int[scorers.Length];
            for (var i = 0; i < scorers.Length; i++)
            {
                _docs[i] = scorers[i].DocID;
                _heap[i] = i;
            }
            for (var i = (_count >> 1) - 1; i >= 0; i--)
            {
                HeapAdjust(i);
            }
        }

        public override int DocID => _doc;

        public override int Freq
        {
            get
            {
                ScoreCurrentDocument();
                return _freq;
            }
        }

        public override long GetCost()
        {
            var sum = 0L;
            for (var i = 0; i < _count; i++)
            {
                sum += _scorers[_heap[i]].GetCost();
            }
            return sum;
        }

        public override ICollection<ChildScorer> GetChildren()
        {
            var children = new List<ChildScorer>(_count);
            for (var i = 0; i < _count; i++)
            {
                children.Add(new ChildScorer(_scorers[_heap[i]], "SHOULD"));
            }
            return children;
        }

        public override int NextDoc()
        {
            while (true)
            {
                var top = _heap[0];
                var doc = _scorers[top].NextDoc();
                if (doc != NO_MORE_DOCS)
                {
                    _docs[top] = doc;
                    HeapAdjust(0);
                }
                else if (!RemoveRoot())
                {
                    return _doc = NO_MORE_DOCS;
                }
                if (_docs[_heap[0]] != _doc)
                {
                    return Landed();
                }
            }
        }

        public override int Advance(int target)
        {
            while (true)
            {
                var top = _heap[0];
                var doc = _scorers[top].Advance(target);
                if (doc != NO_MORE_DOCS)
                {
                    _docs[top] = doc;
                    HeapAdjust(0);
                }
                else if (!RemoveRoot())
                {
                    return _doc = NO_MORE_DOCS;
                }
                if (_docs[_heap[0]] >= target)
                {
                    return Landed();
                }
            }
        }

        public override float GetScore()
        {
            ScoreCurrentDocument();
            return _score;
        }

        private int Landed()
        {
            _scored = false;
            return _doc = _docs[_heap[0]];
        }

        /// <summary>The score of the current document, as Lucene's <c>AfterNext</c> sums it: the root, then its subtrees in order.</summary>
        private void ScoreCurrentDocument()
        {
            if (_scored)
            {
                return;
            }
            _scored = true;
            var sum = _scorers[_heap[0]].GetScore();
            var max = sum;
            _freq = 1;
            ScoreAll(1, ref sum, ref max);
            ScoreAll(2, ref sum, ref max);
            _score = max + (sum - max) * _tieBreaker;
        }

        private void ScoreAll(int root, ref float sum, ref float max)
        {
            if (root < _count && _docs[_heap[root]] == _doc)
            {
                var sub = _scorers[_heap[root]].GetScore();
                _freq++;
                sum += sub;
                max = Math.Max(max, sub);
                ScoreAll((root << 1) + 1, ref sum, ref max);
                ScoreAll((root << 1) + 2, ref sum, ref max);
            }
        }

        /// <summary>Removes the root of the heap; false when it was the last.</summary>
        private bool RemoveRoot()
        {
            if (_count == 1)
            {
                _count = 0;
                return false;
            }
            _heap[0] = _heap[--_count];
            HeapAdjust(0);
            return true;
        }

        /// <summary>Moves the entry at <paramref name="root"/> down until its subtree is a heap again, as Lucene's <c>HeapAdjust</c>.</summary>
        private void HeapAdjust(int root)
        {
            var heap = _heap;
            var docs = _docs;
            var entry = heap[root];
            var doc = docs[entry];
            var i = root;
            while (i <= (_count >> 1) - 1)
            {
                var left = (i << 1) + 1;
                var leftEntry = heap[left];
                var leftDoc = docs[leftEntry];
                var right = left + 1;
                var rightDoc = int.MaxValue;
                var rightEntry = 0;
                if (right < _count)
                {
                    rightEntry = heap[right];
                    rightDoc = docs[rightEntry];
                }
                if (leftDoc < doc)
                {
                    if (rightDoc < leftDoc)
                    {
                        heap[i] = rightEntry;
                        heap[right] = entry;
                        i = right;
                    }
                    else
                    {
                        heap[i] = leftEntry;
                        heap[left] = entry;
                        i = left;
                    }
                }
                else if (rightDoc < doc)
                {
                    heap[i] = rightEntry;
                    heap[right] = entry;
                    i = right;
                }
                else
                {
                    return;
                }
            }
        }
    }
}
