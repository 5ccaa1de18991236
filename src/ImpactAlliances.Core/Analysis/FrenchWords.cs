using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace ImpactAlliances.Core.Analysis;

/// <summary>
/// What the analysis makes of single words, each worked out once for the process: words repeat (a 10,000-case build
/// analyses about ten million tokens of far fewer words), and folding and stemming each token again through Lucene's
/// filters took a fifth of the build's CPU (BENCHMARKS.md).
/// </summary>
internal static class FrenchWords
{
    // Enough for the vocabulary of a large corpus; past it, and for words longer than any French word, values are
    // worked out each time, so memory stays bounded (some tens of megabytes) whatever the text or the queries.
    private const int MaxKept = 200_000;
    private const int MaxKeptLength = 40;

    /// <summary>A word's stem, and whether a reviewed family gave it.</summary>
    public readonly record struct Stemmed(string Text, bool OfFamily);

    /// <summary>
    /// What the index analysis makes of a surface word: its folded form (null when it is a stop word) and that form's
    /// stem, kept together so that each token of a text is looked up once, not once to fold and once to stem.
    /// </summary>
    public readonly record struct Analysed(string? Folded, string? Stem);

    private static readonly Kept<Stemmed> Stems = new();
    private static readonly Kept<Analysed> Words = new();

    [ThreadStatic]
    private static FrenchStemmer? _stemmer;

    /// <summary>The stem of a folded word: its reviewed family's, else the Snowball French stemmer's.</summary>
    public static Stemmed Stem(ReadOnlySpan<char> word) => Stems.Get(word, static word =>
    {
        if (WordFamilies.Stems.TryGetValue(word, out var family))
        {
            return new(family, OfFamily: true);
        }
        var stemmer = _stemmer ??= new FrenchStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return new(stemmer.Current, OfFamily: false);
    });

    /// <summary>
    /// A lower-case word without its accents (Lucene's ASCII folding), or null when it is a stop word, and the stem of
    /// that folded word (<see cref="Stem"/>).
    /// </summary>
    public static Analysed Analyse(ReadOnlySpan<char> word) => Words.Get(word, static word =>
    {
        var folded = FrenchAnalyzer.FoldAccents(word);
        return FrenchAnalyzer.IsStopWord(folded) ? default : new(folded, Stem(folded).Text);
    });

    private sealed class Kept<T>
    {
        private readonly BoundedCache<string, T> _byWord = new(MaxKept, StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

        public Kept() => _bySpan = _byWord.AlternateLookup<ReadOnlySpan<char>>();

        public T Get(ReadOnlySpan<char> word, Func<string, T> make)
        {
            if (_bySpan.TryGetValue(word, out var value))
            {
                return value;
            }
            var key = word.ToString();
            return word.Length > MaxKeptLength ? make(key) : _byWord.Keep(key, make(key));
        }
    }
}
