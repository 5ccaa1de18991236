using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;

namespace ImpactAlliances.Core.Indexing;

/// <summary>
/// The phrases of two to four words that two cases or more write (« mécénat de compétences », « insertion par l'activité
/// économique »), each as most of its cases spell it, with the number of cases writing it: what the suggestions box completes
/// a phrase being typed with. Mined from every case's text as it is prepared and stored in the commit's data when the version
/// is published, so that a site reads the table instead of reading every text as it starts. An index built before stores none
/// and has no phrases.
/// </summary>
/// <remarks>
/// A phrase starts and ends with a word that links none (not one of <see cref="FrenchAnalyzer.IsStopWord"/>, « l' » or « d' »
/// among them, nor « entre », « contre », « comme »…), holds no negation (« ne », « pas », « ni »: a clause, not the name of a
/// thing) and never runs over punctuation or a line's end. Its singular and plural are one phrase (« épiceries solidaires »).
/// Two rules keep out phrases not worth a line: a phrase all of whose words a quarter of the cases or more write (« sources
/// consultées », the sections' headings « Actions et moyens »: they tell no case from another); and a phrase that a longer
/// one holds in three quarters of its cases or more (« sociale et solidaire » inside « économie sociale et solidaire »: the
/// longer is what is written).
/// </remarks>
internal sealed class PhraseTable
{
    /// <summary>The fewest words a phrase holds.</summary>
    public const int MinWords = 2;

    /// <summary>The most words a phrase holds.</summary>
    public const int MaxWords = 4;

    /// <summary>The fewest cases writing a phrase.</summary>
    public const int MinCases = 2;

    /// <summary>
    /// The most phrases kept, those most cases write: about half again the bundled content's (13,978 at 1,154 cases). A larger
    /// corpus's table would otherwise grow with it, and a site's first suggestion wait for it (a generated corpus of 10,000
    /// cases, whose sentences draw on a small vocabulary, wrote some 200,000: BENCHMARKS.md, session 39).
    /// </summary>
    public const int MaxPhrases = 20_000;

    // Records "spelling␟count␟form␟form␞" (the forms: the other spellings, folded, one each), in the order of their keys. Content
    // files cannot hold these two control characters (ContentFile.Invisible).
    private const char FieldEnd = '\u001F';
    private const char RecordEnd = '\u001E';

    /// <summary>A phrase as most of its cases write it, the number of cases writing it, and its other spellings, folded.</summary>
    public sealed record Phrase(string Text, int Cases, IReadOnlyList<string> Forms);

    private PhraseTable(IReadOnlyList<Phrase> phrases) => Phrases = phrases;

    /// <summary>No phrase.</summary>
    public static PhraseTable Empty { get; } = new([]);

    /// <summary>The phrases, in the order of their keys.</summary>
    public IReadOnlyList<Phrase> Phrases { get; }

    /// <summary>The table stored in <paramref name="reader"/>'s commit; none for an index built before.</summary>
    public static PhraseTable Of(DirectoryReader reader) =>
        Read(reader.IndexCommit.UserData.TryGetValue(CaseStudySchema.PhrasesCommitKey, out var stored) ? stored : null) ?? Empty;

    /// <summary>The table as the commit's data stores it.</summary>
    public string Write()
    {
        var text = new StringBuilder();
        foreach (var phrase in Phrases)
        {
            text.Append(phrase.Text).Append(FieldEnd).Append(phrase.Cases.ToString(CultureInfo.InvariantCulture));
            foreach (var form in phrase.Forms)
            {
                text.Append(FieldEnd).Append(form);
            }
            text.Append(RecordEnd);
        }
        return text.ToString();
    }

    /// <summary>The stored table, or null when there is none or it is not one this class wrote.</summary>
    internal static PhraseTable? Read(string? stored)
    {
        if (stored is null)
        {
            return null;
        }
        var phrases = new List<Phrase>();
        foreach (var record in stored.Split(RecordEnd, StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = record.Split(FieldEnd);
            if (fields.Length < 2 || fields[0].Length == 0
                || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var cases))
            {
                return null;
            }
            phrases.Add(new(fields[0], cases, fields[2..]));
        }
        return new(phrases);
    }

    /// <summary>
    /// The distinct phrases of one text, each with its key (<see cref="Key"/>) and its spelling where the text first writes it, and
    /// the keys of the distinct words that can start or end one.
    /// </summary>
    internal static (Dictionary<string, string> Phrases, HashSet<string> Words) Mine(string text)
    {
        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var run = new List<Word>();
        var spelling = new StringBuilder();
        var key = new StringBuilder();
        foreach (var piece in Runs(text))
        {
            run.Clear();
            foreach (var token in piece.Split(Spaces, StringSplitOptions.RemoveEmptyEntries))
            {
                run.Add(Word.Of(token));
            }
            for (var first = 0; first < run.Count; first++)
            {
                if (!run[first].CanEnd)
                {
                    continue;
                }
                words.Add(run[first].Key);
                // A negation makes a clause, not the name of a thing (« sources consultées ne donnent », « donnent pas de bilan »).
                if (run[first].Negates)
                {
                    continue;
                }
                // « l'économie circulaire » writes « économie circulaire ».
                spelling.Clear().Append(run[first].Text, run[first].Text.Length - run[first].Core.Length, run[first].Core.Length);
                key.Clear().Append(run[first].Key);
                for (var last = first + 1; last < run.Count && last - first < MaxWords && !run[last].Negates; last++)
                {
                    spelling.Append(' ').Append(run[last].Text);
                    key.Append(' ').Append(run[last].Elided ? run[last].Elision + run[last].Key : run[last].Key);
                    if (run[last].CanEnd)
                    {
                        phrases.TryAdd(key.ToString(), spelling.ToString());
                    }
                }
            }
        }
        return (phrases, words);
    }

    /// <summary>
    /// What tells one phrase from another: its words folded, each without the s or x of a plural (« épiceries solidaires » is
    /// « épicerie solidaire »: the search a suggestion leads to finds both).
    /// </summary>
    internal static string Key(string phrase) => string.Join(' ', phrase.Split(Spaces, StringSplitOptions.RemoveEmptyEntries)
        .Select(Word.Of).Select(w => w.Elided ? w.Elision + w.Key : w.Key));

    /// <summary>The folded form of a phrase: what a typed text is matched with.</summary>
    internal static string Fold(string phrase) => FrenchAnalyzer.FoldLower(phrase.Replace('’', '\''));

    // The stretches of text between punctuation: a phrase never runs over a comma, a full stop, a bracket or a dash.
    private static IEnumerable<string> Runs(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || IsBreak(text, i))
            {
                if (i > start)
                {
                    yield return text[start..i];
                }
                start = i + 1;
            }
        }
    }

    // Letters, digits, spaces, apostrophes and a hyphen inside a word (« tiers-lieu ») are part of a run; anything else breaks
    // it, a line's end among them (a heading, an item of a list).
    private static bool IsBreak(string text, int i) => text[i] switch
    {
        '\'' or '’' => false,
        '\n' or '\r' => true,
        '-' => i == 0 || i == text.Length - 1 || !char.IsLetterOrDigit(text[i - 1]) || !char.IsLetterOrDigit(text[i + 1]),
        _ => !char.IsLetterOrDigit(text[i]) && !char.IsWhiteSpace(text[i]),
    };

    private static readonly char[] Spaces = [' ', '\t', '\u00A0', '\u202F', '\u2009'];

    /// <summary>
    /// One word of a run: as written; the word without an elided article (« activité » of « l'activité »), that article folded
    /// with its apostrophe, the word's key (folded, without a plural's s or x); and whether a phrase may start or end with it.
    /// </summary>
    private readonly record struct Word(string Text, string Core, string Elision, string Key, bool CanEnd)
    {
        public bool Elided => Elision.Length > 0;

        public bool Negates => Elision == "n'" || Key is "ne" or "pas" or "ni";

        public static Word Of(string token)
        {
            var apostrophe = token.AsSpan().IndexOfAny('\'', '’');
            // « l'activité », « d'énergie », « qu'elle », « jusqu'à »: the word after the elided one is what counts.
            var elided = apostrophe > 0 && apostrophe < token.Length - 1 && Elisions.Contains(FrenchAnalyzer.FoldLower(token[..apostrophe]));
            var core = elided ? token[(apostrophe + 1)..] : token;
            var folded = FrenchAnalyzer.FoldLower(core.Replace('’', '\''));
            var linking = FrenchAnalyzer.IsStopWord(folded) || Linking.Contains(folded);
            var key = !linking && folded.Length > 3 && folded[^1] is 's' or 'x' ? folded[..^1] : folded;
            return new(token, core, elided ? FrenchAnalyzer.FoldLower(token[..apostrophe]) + "'" : "", key, !linking && folded.Any(char.IsLetter));
        }
    }

    // Words that link others, beside the analysis's stop words: a phrase does not start or end with them (« partagé entre »,
    // « lutte contre », « ne chiffrent ni »).
    private static readonly HashSet<string> Linking = new(StringComparer.Ordinal)
    {
        "ni", "entre", "contre", "comme", "dont", "selon", "puis", "aussi", "plus", "moins", "tres", "sans", "sous", "vers", "chez",
        "depuis", "apres", "avant", "pendant", "ou", "si", "lors", "afin", "ainsi", "donc", "car", "or", "tout", "tous", "toute",
        "toutes", "autre", "autres", "cet", "cette", "ces", "ceux", "celle", "celles", "leurs", "jusqu",
        "lorsqu", "puisqu", "deja", "encore", "bien", "non", "chaque", "plusieurs", "certains", "certaines", "meme", "memes",
    };

    private static readonly HashSet<string> Elisions = new(StringComparer.Ordinal) { "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu" };

    /// <summary>
    /// Counts the phrases and words of the cases of a build, one case at a time from any thread; then makes the table.
    /// </summary>
    internal sealed class Counter
    {
        private readonly ConcurrentDictionary<string, Tally> _phrases = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, int> _words = new(StringComparer.Ordinal);
        private readonly Lock _spellings = new();
        private int _cases;

        /// <summary>Counts the phrases and the words that may start or end one, of one case's text.</summary>
        public void Add(string text)
        {
            var (phrases, words) = Mine(text);
            foreach (var (folded, spelling) in phrases)
            {
                _phrases.GetOrAdd(folded, static (_, spelling) => new Tally(spelling), spelling).Count(spelling, 1, _spellings);
            }
            foreach (var word in words)
            {
                _words.AddOrUpdate(word, 1, static (_, n) => n + 1);
            }
            Interlocked.Increment(ref _cases);
        }

        /// <summary>Counts one case's text no more: a case taken out of the build after it was counted.</summary>
        public void Remove(string text)
        {
            var (phrases, words) = Mine(text);
            foreach (var (folded, spelling) in phrases)
            {
                if (_phrases.TryGetValue(folded, out var tally))
                {
                    tally.Count(spelling, -1, _spellings);
                }
            }
            foreach (var word in words)
            {
                _words.AddOrUpdate(word, 0, static (_, n) => n - 1);
            }
            Interlocked.Decrement(ref _cases);
        }

        /// <summary>The table of the phrases counted, under the rules of <see cref="PhraseTable"/>.</summary>
        public PhraseTable Table()
        {
            var kept = new Dictionary<string, Tally>(StringComparer.Ordinal);
            foreach (var (folded, tally) in _phrases)
            {
                // Kept when one word at least is written by fewer than a quarter of the cases.
                if (tally.Cases >= MinCases && folded.Split(' ').Any(IsRare))
                {
                    kept[folded] = tally;
                }
            }
            var held = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (folded, tally) in kept)
            {
                foreach (var part in Parts(folded))
                {
                    if (kept.TryGetValue(part, out var shorter) && tally.Cases * 4 >= shorter.Cases * 3)
                    {
                        held.Add(part);
                    }
                }
            }
            return new(kept.Where(p => !held.Contains(p.Key)).OrderByDescending(p => p.Value.Cases).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Take(MaxPhrases).OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new Phrase(p.Value.Spelling, p.Value.Cases, p.Value.Forms)).ToList());
        }

        // A word of a phrase's key that is no linking word, written by fewer than a quarter of the cases.
        private bool IsRare(string word)
        {
            var core = word[(word.IndexOf('\'', StringComparison.Ordinal) + 1)..];
            return !FrenchAnalyzer.IsStopWord(core) && _words.GetValueOrDefault(core) * 4 < _cases;
        }

        // The shorter phrases inside a phrase: its runs of two words or more, but itself.
        private static IEnumerable<string> Parts(string folded)
        {
            var words = folded.Split(' ');
            for (var first = 0; first < words.Length; first++)
            {
                for (var last = first + 1; last < words.Length; last++)
                {
                    if (last - first + 1 < words.Length)
                    {
                        yield return string.Join(' ', words[first..(last + 1)]);
                    }
                }
            }
        }

        /// <summary>How many cases write a phrase, and how many write each of its spellings.</summary>
        private sealed class Tally(string first)
        {
            private Dictionary<string, int>? _others;
            private int _cases;
            private int _first;

            public int Cases => _cases;

            /// <summary>The spellings but the one shown, folded, each once.</summary>
            public string[] Forms
            {
                get
                {
                    var shown = Fold(Spelling);
                    return _others is null ? [] : _others.Append(new(first, _first)).Where(o => o.Value > 0).Select(o => Fold(o.Key)).Where(f => f != shown).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                }
            }

            /// <summary>The spelling most cases write; at equal counts, one without the capital a sentence gives it, then the first in order.</summary>
            public string Spelling => _others is null
                ? first
                : _others.Append(new(first, _first)).OrderByDescending(s => s.Value).ThenByDescending(s => char.IsLower(s.Key[0]))
                    .ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;

            /// <summary>
            /// Counts one case more (<paramref name="cases"/> 1) or less (-1) writing the phrase so; a spelling other than the
            /// first (rare) under the counter's lock.
            /// </summary>
            public void Count(string spelling, int cases, Lock others)
            {
                Interlocked.Add(ref _cases, cases);
                if (spelling == first)
                {
                    Interlocked.Add(ref _first, cases);
                    return;
                }
                lock (others)
                {
                    _others ??= new(StringComparer.Ordinal);
                    _others[spelling] = _others.GetValueOrDefault(spelling) + cases;
                }
            }
        }
    }
}
