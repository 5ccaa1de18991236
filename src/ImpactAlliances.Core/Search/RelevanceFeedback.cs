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
internal static partial class RelevanceFeedback
{
    // Measured with the relevance command on the development sets (RELEVANCE.md, session 9): 3, 5 or 10 cases,
    // 5 to 15 words, weights 0.05 to 0.4, words from the title and summary or from the whole text.

    /// <summary>
    /// How many of the first pass's best cases are read. Five while the names of a single case were read as well (below);
    /// without them, eight (RELEVANCE.md, session 14): the words several of the best cases share weigh more against those of
    /// the first one (6 lost questions recall@10, 10 people recall@10).
    /// </summary>
    public const int Documents = 8;

    /// <summary>
    /// A name (a word the case writes with a capital, away from the start of a sentence: its partners, its town, its
    /// project) is added only when this many of the cases read hold it. A case's own names are its rarest words, repeated
    /// through its text, so they led the added words and ranked up the cases of the same company or town on other subjects
    /// (« engagement bénévole des salariés de grands groupes… »: « colonel », « simone », « legallais », « sncf », « sanofi »,
    /// each from one case; « … collégiens défavorisés »: « airbus », « cpu », « cma », « cgm »). A name several of them hold
    /// (« Crous » for students, « Corse ») is what they share. Acronyms are not taken for names: many name the field (PJJ, ASE).
    /// </summary>
    public const int NameHeldBy = 2;

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
    private static readonly string[] Fields = [CaseStudySchema.Title, CaseStudySchema.Summary, CaseStudySchema.Body];

    /// <summary>How many of the first pass's best cases are ranked again: past them, a case cannot reach the first pages.</summary>
    public const int Depth = 100;

    /// <summary>Fewer words of content than this, and the question is short enough to say what it means.</summary>
    public const int MinimumWords = 3;

    /// <summary>The words a case is most about, each with its share of the case's text times its rarity.</summary>
    /// <param name="Terms">The words kept.</param>
    /// <param name="Weights">Each word's weight.</param>
    /// <param name="Names">Those of the words kept that the case writes as names.</param>
    internal sealed record DocumentWords(string[] Terms, double[] Weights, IReadOnlySet<string> Names);

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
        var asked = new HashSet<string>(text.BodyTerms, StringComparer.Ordinal);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var read = best.Select(entry => snapshot.FeedbackWords(entry.Doc, analyzer)).ToList();
        var held = read.SelectMany(words => words.Terms).GroupBy(term => term, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        for (var d = 0; d < best.Count; d++)
        {
            // A case weighs by its score against the best one's.
            var share = best[d].Score / best[0].Score;
            var words = read[d];
            for (var i = 0; i < words.Terms.Length; i++)
            {
                var term = words.Terms[i];
                if (!asked.Contains(term) && (!words.Names.Contains(term) || held[term] >= NameHeldBy))
                {
                    scores[term] = scores.GetValueOrDefault(term) + share * words.Weights[i];
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
    /// The first pass's cases ranked again: each of the best <see cref="Depth"/> gets the added words' score on top of its own.
    /// </summary>
    public static TopDocuments Rerank(IndexSearcher searcher, Query query, Query expansion, List<TopDocuments.Entry> ranked, int window, SearchSort sort)
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
        var top = new TopDocuments(window, sort);
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
        var text = $"{display.Title}\n{display.Summary}\n{snapshot.SnippetText(doc)}";
        var terms = TermAnalysis.Terms(analyzer, text);
        var cases = snapshot.Reader.MaxDoc;
        var kept = terms.GroupBy(term => term, StringComparer.Ordinal)
            .Select(g => (Term: g.Key, Weight: (double)g.Count() / terms.Length * Rarity(snapshot, g.Key, cases)))
            .Where(w => w.Weight > 0)
            .OrderByDescending(w => w.Weight).ThenBy(w => w.Term, StringComparer.Ordinal)
            .Take(KeptWords)
            .ToList();
        var names = Names(analyzer, text);
        return new DocumentWords([.. kept.Select(w => shared(w.Term))], [.. kept.Select(w => w.Weight)],
            kept.Where(w => names.Contains(w.Term)).Select(w => shared(w.Term)).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The words a text writes as names: more often with a capital (« Airbus », « Corse ») than in lower case, counted away
    /// from the start of a sentence, a line or a quotation. Words in capitals (« PJJ », « CROUS ») are left out: many are the
    /// field's acronyms.
    /// </summary>
    internal static HashSet<string> Names(Analyzer analyzer, string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var analysed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var match in WordPattern().EnumerateMatches(text))
        {
            var word = text.Substring(match.Index, match.Length);
            var before = match.Index - 1;
            while (before >= 0 && text[before] == ' ')
            {
                before--;
            }
            if (before < 0 || SentenceOpeners.Contains(text[before]) || (word.Length > 1 && char.IsUpper(word[1])))
            {
                continue;
            }
            if (!analysed.TryGetValue(word, out var wordTerms))
            {
                analysed[word] = wordTerms = TermAnalysis.Terms(analyzer, word);
            }
            foreach (var term in wordTerms)
            {
                counts[term] = counts.GetValueOrDefault(term) + (char.IsUpper(word[0]) ? 1 : -1);
            }
        }
        return counts.Where(c => c.Value > 0).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>What may come before a word that opens a sentence, a line, a list item, a heading or a quotation.</summary>
    private const string SentenceOpeners = ".!?:\n«»\"(—–-*#";

    [System.Text.RegularExpressions.GeneratedRegex(@"\p{L}[\p{L}\p{Nd}]*")]
    private static partial System.Text.RegularExpressions.Regex WordPattern();

    /// <summary>How rare a word is (log of the inverse share of cases holding it): none for one held by one case (a name, a typo) or by many.</summary>
    private static double Rarity(IndexSnapshot snapshot, string term, int cases)
    {
        var held = snapshot.Reader.DocFreq(new Term(CaseStudySchema.Body, term));
        return held < 2 || held >= SearchQueryBuilder.CommonShare * cases ? 0 : Math.Log((double)cases / held);
    }
}
