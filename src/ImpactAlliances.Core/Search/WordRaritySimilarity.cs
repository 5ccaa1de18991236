using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// Lucene's classic scoring, with a word's rarity taken as the cases' rarity of it, whatever field it is matched in,
/// and a phrase as rare as its rarest word. Lucene counts rarity per field and sums a phrase's words: « milieu »,
/// in three titles of 1,154, and « rural », in 31, made the title phrase « milieu rural » (idf 6.7 + 4.6, squared by
/// the classic formula) outweigh the topic of « aidants familiaux en milieu rural » (« aidants »: idf 6.0 in titles),
/// though the body, where the words are counted fairly, holds « milieu » in 69 cases, « rural » in 135 and « aidants »
/// in about 25. The words of a searched phrase are set expressions, which come together, not independent ones.
/// Index-time norms are the default ones: the index does not change.
/// </summary>
/// <param name="bodyDocFreq">How many cases' bodies hold a word (the body is each case's longest text).</param>
internal sealed class WordRaritySimilarity(Func<Term, int> bodyDocFreq) : DefaultSimilarity
{
    /// <summary>The word's rarity in the field where most cases hold it: the body, unless the field holds it more.</summary>
    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics termStats)
    {
        var held = Held(collectionStats.Field, termStats);
        return new IdfExplanation(Idf(held, collectionStats.MaxDoc), held, collectionStats.MaxDoc, phrase: false);
    }

    /// <summary>A phrase's rarity: its rarest word's (each counted as above), not the sum of its words'.</summary>
    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics[] termStats)
    {
        if (termStats.Length == 0)
        {
            return base.IdfExplain(collectionStats, termStats);
        }
        var held = termStats.Min(term => Held(collectionStats.Field, term));
        return new IdfExplanation(Idf(held, collectionStats.MaxDoc), held, collectionStats.MaxDoc, phrase: true);
    }

    /// <summary>
    /// An idf whose description is written only when an explanation is read: every term and phrase weight of every search
    /// asks for its idf as an explanation and reads only its value, and formatting its text for each was a string per
    /// weight (some sixteen a search of the benchmarks' mix, more for long questions) that nothing read.
    /// </summary>
    internal sealed class IdfExplanation(float value, long held, long maxDoc, bool phrase) : Explanation(value, null)
    {
        private string? _description;

        /// <inheritdoc />
        public override string Description
        {
            get => _description ??= phrase
                ? $"idf(docFreq={held}, maxDocs={maxDoc}), the phrase's rarest word"
                : $"idf(docFreq={held}, maxDocs={maxDoc})";
            set => _description = value;
        }
    }

    // Only the stemmed text fields share the body's words; a facet value, a slug or an unstemmed word keeps its field's
    // count, and a body word already has the body's.
    private long Held(string field, TermStatistics term) => field != CaseStudySchema.Body && CaseStudySchema.TextFields.ContainsKey(field)
        ? Math.Max(term.DocFreq, bodyDocFreq(new Term(CaseStudySchema.Body, term.Term)))
        : term.DocFreq;
}
