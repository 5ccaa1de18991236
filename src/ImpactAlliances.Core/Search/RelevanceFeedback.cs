using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// Pseudo-relevance feedback for descriptive questions: the words the best cases of a first pass are most
/// about, and that few cases hold, added to a second pass as small optional clauses (RM3-like), so that a
/// question whose words the cases do not all use still finds the cases that speak of it in theirs.
/// The added words only rank the first pass's best <see cref="Depth"/> cases again (their scores add to the
/// first pass's), so the cases found and their counts do not change and no second pass over them all is made.
/// </summary>
internal static class RelevanceFeedback
{
    // Measured with the relevance command on the development sets (RELEVANCE.md, session 9): 3, 5 or 10 cases,
    // 5 to 15 words, weights 0.05 to 0.4, words from the title and summary or from the whole text.

    /// <summary>How many of the first pass's best cases are read.</summary>
    public const int Documents = 5;

    /// <summary>How many words are added.</summary>
    public const int Words = 10;

    /// <summary>The weight of the added words, against the question's.</summary>
    public const float Weight = 0.1f;

    /// <summary>How many of its words a case keeps for feedback: those it is most about (32 lost a little, 128 gained nothing).</summary>
    public const int KeptWords = 64;

    /// <summary>
    /// The fields the added words are looked for in: the case's own text, not its partners' names (with them, the
    /// development set lost 0.001 and the people set gained nothing; the body alone lost most of the gain).
    /// </summary>
    private static readonly string[] Fields = [CaseStudySchema.Title, CaseStudySchema.Summary, CaseStudySchema.Keywords, CaseStudySchema.Body];

    /// <summary>How many of the first pass's best cases are ranked again: past them, a case cannot reach the first pages.</summary>
    public const int Depth = 100;

    /// <summary>Fewer words of content than this, and the question is short enough to say what it means.</summary>
    public const int MinimumWords = 3;

    /// <summary>The words a case is most about, each with its share of the case's text times its rarity.</summary>
    internal sealed record DocumentWords(string[] Terms, double[] Weights);

    /// <summary>
    /// Whether a search may be ranked again, from what it asks alone: a page of results (not statistics) of typed
    /// plain words (no phrase, prefix nor OR), enough of them, ranked by relevance. Its first pass then keeps its best
    /// <see cref="Depth"/> cases.
    /// </summary>
    public static bool MayApply(SearchRequest request, IReadOnlyList<QueryClause> clauses, int window) =>
        window > 0 && !request.Literal && request.Sort is null or SearchSort.Relevance
        && clauses.Count(c => !c.Excluded) >= MinimumWords && clauses.All(c => c.Kind == ClauseKind.Word && !c.OrWithPrevious);

    /// <summary>Whether a search that <see cref="MayApply"/> is ranked again, once analysed: enough words of content, no organisation named.</summary>
    public static bool Applies(TextQuery text, SearchSort sort) =>
        sort == SearchSort.Relevance && text.Query is not null && text.ContentWords >= MinimumWords
        && !text.Concepts.Any(c => c is OrganisationConcept);

    /// <summary>The added words as one optional clause, or null when the best cases share none worth adding.</summary>
    public static Query? Expansion(IndexSnapshot snapshot, Analyzer analyzer, IReadOnlyList<TopDocuments.Entry> best, TextQuery text)
    {
        if (best.Count < 2 || best[0].Score <= 0)
        {
            return null;
        }
        var asked = new HashSet<string>(text.BodyTerms.Concat(text.BodyPhrases.SelectMany(p => p.Terms)), StringComparer.Ordinal);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in best)
        {
            // A case weighs by its score against the best one's.
            var share = entry.Score / best[0].Score;
            var words = snapshot.FeedbackWords(entry.Doc, analyzer);
            for (var i = 0; i < words.Terms.Length; i++)
            {
                if (!asked.Contains(words.Terms[i]))
                {
                    scores[words.Terms[i]] = scores.GetValueOrDefault(words.Terms[i]) + share * words.Weights[i];
                }
            }
        }
        var chosen = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(Words).ToList();
        if (chosen.Count == 0 || chosen[0].Value <= 0)
        {
            return null;
        }
        var expansion = new BooleanQuery(disableCoord: true) { Boost = Weight };
        foreach (var (term, score) in chosen)
        {
            var any = new DisjunctionMaxQuery(0.1f) { Boost = (float)(score / chosen[0].Value) };
            foreach (var field in Fields)
            {
                var boost = CaseStudySchema.TextFields[field];
                any.Add(new TermQuery(new Term(field, term), snapshot.Terms.Of(new Term(field, term))) { Boost = boost });
            }
            expansion.Add(any, Occur.SHOULD);
        }
        return expansion;
    }

    /// <summary>
    /// The first pass's cases ranked again into <paramref name="top"/> (empty, ordered as the first pass's): each of the best
    /// <see cref="Depth"/> gets the added words' score on top of its own.
    /// </summary>
    public static TopDocuments Rerank(IndexSearcher searcher, Query query, Query expansion, List<TopDocuments.Entry> ranked, TopDocuments top)
    {
        var again = ranked.Take(Depth).Select(e => e.Doc).ToHashSet();
        var added = new ExpansionScores(again);
        // The filter leads: the added words' postings are read only up to the cases ranked again (Lucene's default
        // strategy reads them whole in a segment where one of those cases comes early).
        searcher.Search(new FilteredQuery(expansion, new DocumentsFilter(again), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), added);
        // Each query's scores come normalised by its own weights; brought to the question's scale, the sum ranks
        // as one query holding both would.
        var own = Weights(searcher, query);
        var scale = own > 0 ? (float)Math.Sqrt(Weights(searcher, expansion) / own) : 1f;
        foreach (var entry in ranked)
        {
            top.Offer(entry.Doc, entry.Score + scale * added.Scores.GetValueOrDefault(entry.Doc), entry.Key, entry.TitleRank);
        }
        return top;
    }

    /// <summary>The sum of a query's squared weights, which Lucene's classic scoring divides its scores by the root of.</summary>
    private static double Weights(IndexSearcher searcher, Query query) => searcher.Rewrite(query).CreateWeight(searcher).GetValueForNormalization();

    /// <summary>The cases to rank again, as a filter: the added words' postings are read only for them.</summary>
    private sealed class DocumentsFilter(HashSet<int> docs) : Filter
    {
        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, Lucene.Net.Util.IBits acceptDocs)
        {
            var reader = context.AtomicReader;
            Lucene.Net.Util.FixedBitSet? set = null;
            foreach (var doc in docs)
            {
                var local = doc - context.DocBase;
                if (local >= 0 && local < reader.MaxDoc && (acceptDocs is null || acceptDocs.Get(local)))
                {
                    (set ??= new Lucene.Net.Util.FixedBitSet(reader.MaxDoc)).Set(local);
                }
            }
            // None of them in this segment: nothing to read there.
            return set;
        }
    }

    /// <summary>The added words' score of each case ranked again.</summary>
    private sealed class ExpansionScores(HashSet<int> docs) : ICollector
    {
        private Scorer? _scorer;
        private int _base;

        public Dictionary<int, float> Scores { get; } = new(docs.Count);

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;

        public void Collect(int doc) => Scores[_base + doc] = _scorer!.GetScore();
    }

    /// <summary>A case's words (title, summary, body), weighed by their share of its text and their rarity; the first <see cref="KeptWords"/>.</summary>
    /// <param name="snapshot">The index.</param>
    /// <param name="analyzer">The search analysis.</param>
    /// <param name="doc">The case.</param>
    /// <param name="shared">The one copy of each word kept for all cases (a word is kept once, not once per case holding it).</param>
    internal static DocumentWords Read(IndexSnapshot snapshot, Analyzer analyzer, int doc, Func<string, string> shared)
    {
        var display = snapshot.Display(doc);
        var terms = TermAnalysis.Terms(analyzer, $"{display.Title}\n{display.Summary}\n{snapshot.SnippetText(doc)}");
        var cases = snapshot.Reader.MaxDoc;
        var kept = terms.GroupBy(term => term, StringComparer.Ordinal)
            .Select(g => (Term: g.Key, Weight: (double)g.Count() / terms.Length * Rarity(snapshot, g.Key, cases)))
            .Where(w => w.Weight > 0)
            .OrderByDescending(w => w.Weight).ThenBy(w => w.Term, StringComparer.Ordinal)
            .Take(KeptWords)
            .ToList();
        return new DocumentWords([.. kept.Select(w => shared(w.Term))], [.. kept.Select(w => w.Weight)]);
    }

    /// <summary>How rare a word is (log of the inverse share of cases holding it): none for one held by one case (a name, a typo) or by many.</summary>
    private static double Rarity(IndexSnapshot snapshot, string term, int cases)
    {
        var held = snapshot.Reader.DocFreq(new Term(CaseStudySchema.Body, term));
        return held < 2 || held >= SearchQueryBuilder.CommonShare * cases ? 0 : Math.Log((double)cases / held);
    }
}
