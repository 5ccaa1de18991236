using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace ImpactAlliances.Core.Analysis;

/// <summary>
/// The reviewed word families, then the Snowball French stemmer, for folded words: what Lucene's
/// <c>StemmerOverrideFilter</c> followed by its <c>SnowballFilter</c> give, with each word's stem kept for the
/// process. Words repeat: a 10,000-case build stems about ten million tokens of far fewer words, and stemming each
/// again took a seventh of the build's CPU (BENCHMARKS.md).
/// </summary>
internal sealed class FrenchStemFilter : TokenFilter
{
    // Enough for the vocabulary of a large corpus; past it, words are stemmed each time, so memory stays bounded
    // (about 30 MB) whatever the text.
    private const int MaxKept = 200_000;

    private static readonly ConcurrentDictionary<string, Stem> Kept = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Stem>.AlternateLookup<ReadOnlySpan<char>> KeptBySpan =
        Kept.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly FrenchStemmer _stemmer = new();
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public FrenchStemFilter(TokenStream input)
        : base(input) => (_term, _keyword) = (AddAttribute<ICharTermAttribute>(), AddAttribute<IKeywordAttribute>());

    /// <summary>A word's stem, and whether a reviewed family gave it (then marked as a keyword, as Lucene's filter marks it).</summary>
    private readonly record struct Stem(string Text, bool OfFamily);

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        if (_keyword.IsKeyword)
        {
            return true;
        }
        var word = _term.Buffer.AsSpan(0, _term.Length);
        if (!KeptBySpan.TryGetValue(word, out var stem))
        {
            stem = StemOf(word.ToString());
            if (Kept.Count < MaxKept)
            {
                Kept.TryAdd(word.ToString(), stem);
            }
        }
        stem.Text.CopyTo(_term.ResizeBuffer(stem.Text.Length));
        _term.Length = stem.Text.Length;
        _keyword.IsKeyword = stem.OfFamily;
        return true;
    }

    private Stem StemOf(string word)
    {
        if (WordFamilies.Stems.TryGetValue(word, out var family))
        {
            return new(family, OfFamily: true);
        }
        _stemmer.SetCurrent(word);
        _stemmer.Stem();
        return new(_stemmer.Current, OfFamily: false);
    }
}
