using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ImpactAlliances.Core.Analysis;

/// <summary>A text run through the matching analysis, as query building, synonyms and corrections need it.</summary>
internal static class TermAnalysis
{
    /// <summary>
    /// The field name the text is analysed under: one the schema's per-field analyzer does not name, so that
    /// it gets the matching (stemmed) analysis every text field has.
    /// </summary>
    private const string MatchingField = "query";

    /// <summary>The analysed terms of a text.</summary>
    public static string[] Terms(Analyzer analyzer, string text) => WithPositions(analyzer, text).Terms;

    /// <summary>
    /// The analysed terms and their positions, counted from the first kept term: stop words leave gaps,
    /// as they do in the index, and a phrase whose first word was a stop word still matches.
    /// </summary>
    /// <remarks>
    /// A short text's analysis (a query word, a name) is kept per analyzer and given again, the same arrays, which no caller
    /// changes: every search analyses each of its words two or three times (the corrector, the builder, the place and name
    /// look-ups), and the same words come back search after search; running the analysis chain (tokenising, elisions,
    /// folding, stemming) was about 1.4 % of an uncached API request's CPU. At most <see cref="MaxKept"/> texts are kept
    /// per analyzer, so that words never searched twice cannot fill the memory.
    /// </remarks>
    public static (string[] Terms, int[] Positions) WithPositions(Analyzer analyzer, string text)
        => Kept.GetValue(analyzer, static _ => new(MaxKept, StringComparer.Ordinal))
            .GetOrKeep(text, static (text, analyzer) => Analyse(analyzer, text), analyzer, Keeps(text));

    /// <summary>The longest text whose analysis is kept, and how many are kept per analyzer.</summary>
    internal const int MaxKeptLength = 64, MaxKept = 10_000;

    /// <summary>
    /// Whether a query text is short enough to be kept by the caches of query words (this analysis, the runs' look-ups, the
    /// nearest words): a longer one is worked out each time, so that no input can fill them with texts never asked again.
    /// </summary>
    internal static bool Keeps(string text) => text.Length <= MaxKeptLength;

    private static readonly ConditionalWeakTable<Analyzer, BoundedCache<string, (string[] Terms, int[] Positions)>> Kept = new();

    private static (string[] Terms, int[] Positions) Analyse(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        var positions = new List<int>();
        using var stream = analyzer.GetTokenStream(MatchingField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add(term.ToString());
            positions.Add(position);
        }
        stream.End();
        var first = positions.Count > 0 ? positions[0] : 0;
        return ([.. terms], [.. positions.Select(p => p - first)]);
    }
}
