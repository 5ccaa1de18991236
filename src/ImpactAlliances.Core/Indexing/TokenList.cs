using ImpactAlliances.Core.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Analysis.TokenAttributes;

namespace ImpactAlliances.Core.Indexing;

/// <summary>
/// The tokens of one analysed text (term, position increment, offsets), recorded once so that the index builder
/// can analyse a text on any thread and hand the tokens to the writer, and derive the folded and stemmed tokens
/// of a text from its surface ones instead of tokenizing it three times.
/// </summary>
/// <remarks>
/// Replaying a list gives the attributes indexing reads (term, position increment, offsets, and the final offset
/// and increment after the last token) exactly as the analysis gave them, so a field indexed from a replay is
/// the field indexed from its text.
/// </remarks>
internal sealed class TokenList
{
    private char[] _chars;
    private int _charCount;
    // Per token: start and length in _chars, position increment, start and end offsets.
    private int[] _tokens;

    // Sized from what the list will hold: grown by doubling, the arrays of a 1,000-case build's bodies were
    // allocated and copied again and again (BENCHMARKS.md).
    private TokenList(int chars, int tokens)
    {
        _chars = new char[Math.Max(chars, 16)];
        _tokens = new int[5 * Math.Max(tokens, 4)];
    }

    /// <summary>How many tokens.</summary>
    public int Count { get; private set; }

    /// <summary>The offset <see cref="TokenStream.End"/> reported: the length of the text read.</summary>
    public int FinalOffset { get; private set; }

    /// <summary>The position increment <see cref="TokenStream.End"/> reported (positions skipped after the last token).</summary>
    public int FinalPositionIncrement { get; private set; }

    /// <summary>The surface tokens of a text (<see cref="FrenchAnalyzer.Mode.Surface"/>): what the other variants derive from.</summary>
    public static TokenList Surface(string text) =>
        // French prose: about one word for every six or seven characters.
        Record(SurfaceAnalyzer.GetTokenStream("", text), text.Length, text.Length / 6);

    /// <summary>
    /// The folded tokens (<see cref="FrenchAnalyzer.Mode.Folded"/>) of the text these surface tokens came from: what
    /// <see cref="FrenchAnalyzer.Fold"/> gives, word by word, a stop word's position going to the next token kept
    /// (or to the end) as Lucene's stop filter moves it.
    /// </summary>
    public TokenList Folded() => Derive(folded: true, stemmed: false).Folded!;

    /// <summary>
    /// The stemmed tokens (<see cref="FrenchAnalyzer.Mode.Stemmed"/>) of the text these surface tokens came from: the
    /// folded tokens (<see cref="Folded"/>), each replaced by what <see cref="FrenchAnalyzer.Stem"/> gives for it.
    /// (No filter of the chain marks a word as a keyword before the stemmer; one that did would have to be followed
    /// here too. <c>PreAnalysedDocumentFacts</c> would tell.)
    /// </summary>
    public TokenList Stemmed() => Derive(folded: false, stemmed: true).Stemmed!;

    /// <summary>Both <see cref="Folded"/> and <see cref="Stemmed"/>, from one look-up per token.</summary>
    public (TokenList Folded, TokenList Stemmed) FoldedAndStemmed()
    {
        var (folded, stemmed) = Derive(folded: true, stemmed: true);
        return (folded!, stemmed!);
    }

    // The stemmed tokens are the folded ones with each term stemmed: same positions, same offsets.
    private (TokenList? Folded, TokenList? Stemmed) Derive(bool folded, bool stemmed)
    {
        var foldedList = folded ? new TokenList(_charCount + _charCount / 16, Count) : null;
        var stemmedList = stemmed ? new TokenList(_charCount, Count) : null;
        var skipped = 0;
        for (var i = 0; i < Count; i++)
        {
            var at = i * 5;
            var word = FrenchWords.Analyse(_chars.AsSpan(_tokens[at], _tokens[at + 1]));
            if (word.Folded is null)
            {
                skipped += _tokens[at + 2];
                continue;
            }
            var (increment, start, end) = (_tokens[at + 2] + skipped, _tokens[at + 3], _tokens[at + 4]);
            foldedList?.Add(word.Folded, increment, start, end);
            stemmedList?.Add(word.Stem, increment, start, end);
            skipped = 0;
        }
        foreach (var list in (ReadOnlySpan<TokenList?>)[foldedList, stemmedList])
        {
            if (list is not null)
            {
                (list.FinalOffset, list.FinalPositionIncrement) = (FinalOffset, FinalPositionIncrement + skipped);
            }
        }
        return (foldedList, stemmedList);
    }

    /// <summary>Records every token of a stream, which it consumes and closes; room is made for about so many.</summary>
    public static TokenList Record(TokenStream stream, int chars = 256, int tokens = 32)
    {
        var list = new TokenList(chars, tokens);
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offsets = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                list.Add(term.Buffer.AsSpan(0, term.Length), increment.PositionIncrement, offsets.StartOffset, offsets.EndOffset);
            }
            stream.End();
            (list.FinalOffset, list.FinalPositionIncrement) = (offsets.EndOffset, increment.PositionIncrement);
        }
        return list;
    }

    /// <summary>A field indexed from these tokens.</summary>
    public Field Field(string name, FieldType type) => new ReplayedField(name, type, [(this, 0)]);

    /// <summary>
    /// A field indexed from these tokens followed by <paramref name="next"/>'s, whose offsets are shifted by
    /// <paramref name="nextShift"/> (where its text starts in the joined text): for a field of documents only,
    /// which keeps neither positions nor offsets.
    /// </summary>
    public Field FieldThen(TokenList next, int nextShift, string name, FieldType type) => new ReplayedField(name, type, [(this, 0), (next, nextShift)]);

    // Token streams are costly to set up (Lucene.Net looks up each attribute's class), so texts and replays go
    // through analyzers, which keep one chain per thread and feed it each list as its "text" (Reader).
    private static readonly FrenchAnalyzer SurfaceAnalyzer = new(FrenchAnalyzer.Mode.Surface);
    private static readonly ReplayAnalyzer Replay = new();

    private void Add(ReadOnlySpan<char> term, int increment, int start, int end)
    {
        var length = term.Length;
        if (_charCount + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + length));
        }
        term.CopyTo(_chars.AsSpan(_charCount));
        if ((Count + 1) * 5 > _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }
        var at = Count * 5;
        (_tokens[at], _tokens[at + 1], _tokens[at + 2], _tokens[at + 3], _tokens[at + 4]) = (_charCount, length, increment, start, end);
        _charCount += length;
        Count++;
    }

    private sealed class ReplayedField(string name, FieldType type, (TokenList List, int Shift)[] parts) : Field(name, type)
    {
        /// <summary>The replayed tokens; <paramref name="analyzer"/>, the writer's, would analyse the text again.</summary>
        public override TokenStream GetTokenStream(Analyzer analyzer) => Replay.GetTokenStream(Name, new Reader(parts));
    }

    private sealed class ReplayAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) => new(new ReplayTokenizer(reader));
    }

    /// <summary>What a replay reads: token lists, not characters.</summary>
    private sealed class Reader((TokenList List, int Shift)[] parts) : StringReader("")
    {
        public (TokenList List, int Shift)[] Parts { get; } = parts;
    }

    private sealed class ReplayTokenizer : Tokenizer
    {
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private readonly IOffsetAttribute _offsets;
        private (TokenList List, int Shift)[] _parts = [];
        private int _part;
        private int _next;

        public ReplayTokenizer(TextReader input) : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
            _offsets = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            while (_next == _parts[_part].List.Count)
            {
                if (_part == _parts.Length - 1)
                {
                    return false;
                }
                (_part, _next) = (_part + 1, 0);
            }
            ClearAttributes();
            var (list, shift) = _parts[_part];
            var at = _next++ * 5;
            var t = list._tokens;
            _term.CopyBuffer(list._chars, t[at], t[at + 1]);
            _increment.PositionIncrement = t[at + 2];
            _offsets.SetOffset(t[at + 3] + shift, t[at + 4] + shift);
            return true;
        }

        public override void End()
        {
            base.End();
            var (last, shift) = _parts[^1];
            _offsets.SetOffset(last.FinalOffset + shift, last.FinalOffset + shift);
            _increment.PositionIncrement = last.FinalPositionIncrement;
        }

        public override void Reset()
        {
            base.Reset();
            _parts = ((Reader)m_input).Parts;
            (_part, _next) = (0, 0);
        }
    }
}
