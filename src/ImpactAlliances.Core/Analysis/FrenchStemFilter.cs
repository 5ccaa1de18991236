using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ImpactAlliances.Core.Analysis;

/// <summary>
/// The reviewed word families, then the Snowball French stemmer, for folded words: what Lucene's
/// <c>StemmerOverrideFilter</c> followed by its <c>SnowballFilter</c> give, with each word's stem kept for the
/// process (<see cref="FrenchWords.Stem"/>).
/// </summary>
internal sealed class FrenchStemFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public FrenchStemFilter(TokenStream input)
        : base(input) => (_term, _keyword) = (AddAttribute<ICharTermAttribute>(), AddAttribute<IKeywordAttribute>());

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
        var stem = FrenchWords.Stem(_term.Buffer.AsSpan(0, _term.Length));
        stem.Text.CopyTo(_term.ResizeBuffer(stem.Text.Length));
        _term.Length = stem.Text.Length;
        // Lucene's override filter marks a family's word as a keyword, which the stemmer then leaves.
        _keyword.IsKeyword = stem.OfFamily;
        return true;
    }
}
