using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ImpactAlliances.Core.Analysis;

/// <summary>
/// Lower case exactly as Lucene's <c>LowerCaseFilter</c> writes it, with the letters of French text (ASCII, Latin-1,
/// Latin Extended-A: é, ç, œ…) lowered from a table: Lucene.Net lowers a whole term through ICU as soon as it holds
/// one non-ASCII letter, which took a twentieth of an index build (BENCHMARKS.md). From the first character outside
/// the table, the rest of the term is lowered as Lucene lowers it.
/// </summary>
internal sealed class LatinLowerCaseFilter : TokenFilter
{
    private static readonly char[] Lower = [.. Enumerable.Range(0, 0x180).Select(c => char.ToLowerInvariant((char)c))];

    private readonly ICharTermAttribute _term;

    public LatinLowerCaseFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c >= Lower.Length)
            {
                var rest = buffer.AsSpan(i, length - i);
                var copy = rest.ToArray();
                copy.AsSpan().ToLowerInvariant(rest);
                break;
            }
            buffer[i] = Lower[c];
        }
        return true;
    }
}
