using System.Buffers;
using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;

namespace ImpactAlliances.Core.Analysis;

/// <summary>
/// The French analysis chain: elision (l', d', qu'...), lower case, stop words, accent folding and,
/// for the stemmed variant, the reviewed word families then the Snowball French stemmer, so that
/// "Mobilité", "mobilites" and "MOBILITÉ" meet, and "précaire" meets "précarité".
/// </summary>
/// <remarks>
/// The folded-only variant keeps whole words: the stemmer cuts "numérique" to "numer", so a prefix
/// query such as <c>numéri*</c> must run on unstemmed text. The surface variant keeps accents and stop
/// words too: it is the vocabulary spelling corrections are written in.
/// </remarks>
internal sealed class FrenchAnalyzer(FrenchAnalyzer.Mode mode) : Analyzer
{
    /// <summary>The Lucene.Net line the analysis follows (the schema's, <c>Version</c>).</summary>
    public const Lucene.Net.Util.LuceneVersion Version = Lucene.Net.Util.LuceneVersion.LUCENE_48;

    /// <summary>How far the analysis goes.</summary>
    public enum Mode
    {
        /// <summary>Elision, lower case, folding, stop words, word families, stemming: matching.</summary>
        Stemmed,
        /// <summary>Elision, lower case, folding, stop words: prefixes.</summary>
        Folded,
        /// <summary>Elision and lower case only: words as written.</summary>
        Surface,
    }

    /// <summary>The matching analyzer (<see cref="Mode.Stemmed"/>) or the folded one.</summary>
    public FrenchAnalyzer(bool stem) : this(stem ? Mode.Stemmed : Mode.Folded)
    {
    }

    /// <summary>Stop words are folded too, so that "à" and "a" are both dropped.</summary>
    private static readonly CharArraySet StopWords = Folded(Lucene.Net.Analysis.Fr.FrenchAnalyzer.DefaultStopSet);

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        var stream = Surface(source);
        if (mode != Mode.Surface)
        {
            stream = Fold(stream);
        }
        if (mode == Mode.Stemmed)
        {
            stream = Stem(stream);
        }
        return new TokenStreamComponents(source, stream);
    }

    // The chain in three stages. The index builder runs only the first over a text, and derives the folded and
    // stemmed tokens from the surface ones word by word (TokenList, FrenchWords), as these filters would.

    /// <summary>Elision and lower case over the tokenizer: words as written (<see cref="Mode.Surface"/>).</summary>
    internal static TokenStream Surface(Tokenizer source) =>
        new LatinLowerCaseFilter(new ElisionFilter(source, Lucene.Net.Analysis.Fr.FrenchAnalyzer.DEFAULT_ARTICLES));

    /// <summary>Accent folding and stop words over surface tokens (<see cref="Mode.Folded"/>).</summary>
    internal static TokenStream Fold(TokenStream surface) =>
        new StopFilter(Version, new ASCIIFoldingFilter(surface), StopWords);

    /// <summary>Word families, then the Snowball stemmer, over folded tokens (<see cref="Mode.Stemmed"/>).</summary>
    internal static TokenStream Stem(TokenStream folded) => new FrenchStemFilter(folded);

    /// <summary>Whether the stop filter drops a folded word.</summary>
    internal static bool IsStopWord(string folded) => StopWords.Contains(folded);

    private static CharArraySet Folded(CharArraySet words)
    {
        var folded = new CharArraySet(Version, words.Count, ignoreCase: true);
        foreach (var word in words)
        {
            folded.Add(FoldAccents(word));
        }
        return folded.AsReadOnly();
    }

    /// <summary>Lower case without accents, ’ as ', as the analysis folds words: sort keys, slugs, suggestions.</summary>
    internal static string FoldLower(string text) => FoldAccents(text.ToLowerInvariant());

    /// <summary>A name folded with its articles kept, the key organisations and places are named by: "La Poste" is not "un poste".</summary>
    internal static string NameKey(string text) => FoldedKey(text, NameKeySeparators);

    // ’ folds to ' before the split.
    private static readonly SearchValues<char> NameKeySeparators = SearchValues.Create(" -',.");

    /// <summary>
    /// The words of <paramref name="text"/> folded as <see cref="FoldLower"/> folds them, split on
    /// <paramref name="separators"/>, without the <paramref name="skipped"/> ones, joined by single spaces: the keys
    /// names are looked up by. One pass without intermediate strings: the place gazetteer makes one for each of its
    /// 35,000 names as the site starts, and a query makes one for every run of its words.
    /// </summary>
    internal static string FoldedKey(string text, SearchValues<char> separators, HashSet<string>? skipped = null)
    {
        var skip = skipped?.GetAlternateLookup<ReadOnlySpan<char>>();
        // A character folds to at most four; a space may precede each word.
        var output = ArrayPool<char>.Shared.Rent(text.Length * 5 + 1);
        int length = 0, wordStart = 0;
        var inWord = false;
        try
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c < 0x80)
                {
                    Add(char.ToLowerInvariant(c));
                    continue;
                }
                var folded = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                    ? FoldLower(text.Substring(i++, 2))
                    : FoldedChars.GetOrAdd(c, static c => FoldLower(c.ToString()));
                foreach (var f in folded)
                {
                    Add(f);
                }
            }
            EndWord();
            return new string(output, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(output);
        }

        void Add(char c)
        {
            if (separators.Contains(c))
            {
                EndWord();
                return;
            }
            if (!inWord)
            {
                output[length] = ' ';
                length += length > 0 ? 1 : 0;
                wordStart = length;
                inWord = true;
            }
            output[length++] = c;
        }

        void EndWord()
        {
            if (inWord && skip is { } words && words.Contains(output.AsSpan(wordStart, length - wordStart)))
            {
                length = Math.Max(wordStart - 1, 0);
            }
            inWord = false;
        }
    }

    // What each non-ASCII character folds to, made once.
    private static readonly ConcurrentDictionary<char, string> FoldedChars = new();

    /// <summary>Removes accents the way <see cref="ASCIIFoldingFilter"/> does, for short strings.</summary>
    internal static string FoldAccents(string text)
    {
        // The folding changes no character below U+0080: most words a query or a case holds are ASCII already.
        if (System.Text.Ascii.IsValid(text))
        {
            return text;
        }
        var input = text.ToCharArray();
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }
}
