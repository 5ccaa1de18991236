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
/// among them, nor « entre », « contre », « comme »…), holds no negation nor relative pronoun (« ne », « pas », « qui »,
/// « dont »: a clause, not the name of a thing) and never runs over punctuation or a line's end. Its singular and plural are
/// one phrase (« épiceries solidaires »). Rules read from the cases' own words keep out phrases not worth a line: a phrase all
/// of whose words a quarter of the cases or more write (« sources consultées », the sections' headings « Actions et moyens »:
/// they tell no case from another); a phrase that a longer one holds in three quarters of its cases or more (« sociale et
/// solidaire » inside « économie sociale et solidaire »: the longer is what is written); a clause's words: a verb's form
/// (« sources consultées décrivent », « aider les jeunes »), an article after a word that may end a phrase (« aide les
/// résidents »: a verb and its object); and a phrase ending on a word that introduces what follows (« emploi grâce »,
/// « jardin parmi »). See <see cref="Counter"/>.
/// </remarks>
internal sealed partial class PhraseTable
{
    /// <summary>The fewest words a phrase holds.</summary>
    public const int MinWords = 2;

    /// <summary>The most words a phrase holds.</summary>
    public const int MaxWords = 4;

    /// <summary>The fewest cases writing a phrase.</summary>
    public const int MinCases = 2;

    /// <summary>
    /// The most phrases kept, those most cases write: about twice the bundled content's (10,391 at 1,154 cases). A larger
    /// corpus's table would otherwise grow with it, and a site's first suggestion wait for it (a generated corpus of 10,000
    /// cases, whose sentences draw on a small vocabulary, wrote some 200,000: BENCHMARKS.md, session 39).
    /// </summary>
    public const int MaxPhrases = 20_000;

    // "one-in␞" (ReadOneIn), then records "spelling␟count␟form␟form␞" (the forms: the other spellings, folded, one each), in the
    // order of their keys. Content files cannot hold these two control characters (ContentFile.Invisible).
    private const char FieldEnd = '\u001F';
    private const char RecordEnd = '\u001E';

    /// <summary>A phrase as most of its cases write it, the number of cases writing it, and its other spellings, folded.</summary>
    public sealed record Phrase(string Text, int Cases, IReadOnlyList<string> Forms);

    private PhraseTable(IReadOnlyList<Phrase> phrases, int readOneIn)
    {
        Phrases = phrases;
        ReadOneIn = readOneIn;
    }

    /// <summary>No phrase.</summary>
    public static PhraseTable Empty { get; } = new([], 1);

    /// <summary>The phrases, in the order of their keys.</summary>
    public IReadOnlyList<Phrase> Phrases { get; }

    /// <summary>One case in how many the build read to count the phrases (<see cref="Counter.Every"/>): 1, every case.</summary>
    public int ReadOneIn { get; }

    /// <summary>
    /// Whether the counts are estimates: the build read some of its cases only, and counted each phrase as many times. Told
    /// from the table, not from the index's number of cases: a build reads some when it expects more than
    /// <see cref="Counter.ReadAll"/> files, drafts and invalid ones included.
    /// </summary>
    public bool Estimated => ReadOneIn > 1;

    /// <summary>The table stored in <paramref name="reader"/>'s commit; none for an index built before.</summary>
    public static PhraseTable Of(DirectoryReader reader) =>
        Read(reader.IndexCommit.UserData.TryGetValue(CaseStudySchema.PhrasesCommitKey, out var stored) ? stored : null) ?? Empty;

    /// <summary>The table as the commit's data stores it.</summary>
    public string Write()
    {
        var text = new StringBuilder().Append(ReadOneIn.ToString(CultureInfo.InvariantCulture)).Append(RecordEnd);
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
        var records = stored.Split(RecordEnd, StringSplitOptions.RemoveEmptyEntries);
        if (records.Length == 0 || !int.TryParse(records[0], NumberStyles.None, CultureInfo.InvariantCulture, out var readOneIn) || readOneIn < 1)
        {
            return null;
        }
        var phrases = new List<Phrase>();
        foreach (var record in records.AsSpan(1))
        {
            var fields = record.Split(FieldEnd);
            if (fields.Length < 2 || fields[0].Length == 0
                || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var cases))
            {
                return null;
            }
            phrases.Add(new(fields[0], cases, fields[2..]));
        }
        return new(phrases, readOneIn);
    }

    /// <summary>
    /// What tells one phrase from another: its words folded, each without the s or x of a plural (« épiceries solidaires » is
    /// « épicerie solidaire »: the search a suggestion leads to finds both).
    /// </summary>
    internal static string Key(string phrase) => string.Join(' ', phrase.Split(Spaces, StringSplitOptions.RemoveEmptyEntries)
        .Select(Word.Of).Select(w => w.Elided ? w.Elision + w.Key : w.Key));

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

        // A negation or a relative pronoun, « ou »: what a clause holds, not the name of a thing (« sources ne mesurent pas »,
        // « emploi qui réunit », « emploi ou la Mission locale »).
        public bool Negates => Elision is "n'" or "qu'" || Key is "ne" or "pas" or "ni" or "qui" or "que" or "dont" or "ou";

        public static Word Of(string token)
        {
            var apostrophe = token.AsSpan().IndexOfAny('\'', '’');
            // « l'activité », « d'énergie », « qu'elle », « jusqu'à »: the word after the elided one is what counts.
            var elided = apostrophe > 0 && apostrophe < token.Length - 1 && Elisions.Contains(FrenchAnalyzer.FoldLower(token[..apostrophe]));
            var core = elided ? token[(apostrophe + 1)..] : token;
            var folded = FrenchAnalyzer.FoldLower(core);
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
        "lequel", "laquelle", "lesquels", "lesquelles", "auxquels", "auxquelles", "duquel", "desquels", "desquelles", "eux",
    };

    private static readonly HashSet<string> Elisions = new(StringComparer.Ordinal) { "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu" };
}
