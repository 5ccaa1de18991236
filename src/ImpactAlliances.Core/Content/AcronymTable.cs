using System.Text;
using ImpactAlliances.Core.Analysis;

namespace ImpactAlliances.Core.Content;

/// <summary>
/// The acronyms the cases define themselves, each with its spelt-out form: « Territoires zéro chômeur de longue durée
/// (TZCLD) », « l'Agence régionale de santé (ARS) », « ARS (agence régionale de santé) ». Mined from every case when
/// the index is built and stored with it, so that a query naming an acronym nobody listed in <c>synonyms.yml</c> also
/// finds the cases that only spell it out, and the reverse. A definition counts only when the initials of its words,
/// stop words aside, spell the acronym; an acronym whose cases spell it out in different ways keeps its majority form
/// only when that form is clearly the most common, and one the cases also write as a word (« face », « mer ») is left out.
/// </summary>
public sealed class AcronymTable
{
    /// <summary>No acronym.</summary>
    public static readonly AcronymTable Empty = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The shortest acronym mined.</summary>
    public const int MinLetters = 2;

    /// <summary>The longest acronym mined.</summary>
    public const int MaxLetters = 10;

    /// <summary>
    /// A spelt-out form is kept over another only with this many times its support (cases defining it so); below that,
    /// the acronym means different things in different cases and is left out.
    /// </summary>
    public const int MajorityRatio = 2;

    private AcronymTable(Dictionary<string, string> expansions) => Expansions = expansions;

    /// <summary>Each acronym, in capitals, and its spelt-out form as a case wrote it.</summary>
    public IReadOnlyDictionary<string, string> Expansions { get; }

    /// <summary>
    /// The words that do not count in an acronym's initials: « Agence de l'environnement et de la maîtrise de l'énergie »
    /// is ADEME. Folded, as <see cref="FrenchAnalyzer.FoldLower"/> gives them.
    /// </summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "a", "au", "aux", "en", "sur", "par", "un", "une",
    };

    /// <summary>The longest spelt-out form looked for, in words (stop words included).</summary>
    private const int MaxWords = 3 * MaxLetters;

    /// <summary>
    /// The acronyms a text defines, each with its spelt-out form as written: « spelt-out form (ACR) » and « ACR (spelt-out
    /// form) », when the initials of the form's words, stop words aside, spell the acronym.
    /// </summary>
    public static IEnumerable<(string Acronym, string Expansion)> Definitions(string text)
    {
        for (var open = text.IndexOf('('); open >= 0; open = text.IndexOf('(', open + 1))
        {
            var close = text.IndexOf(')', open + 1);
            if (close < 0)
            {
                yield break;
            }
            var inside = text.AsSpan(open + 1, close - open - 1);
            // « Spelt-out form (ACR) » or « (ACR, 2019) ».
            var comma = inside.IndexOfAny(',', ';');
            if (IsAcronym(comma >= 0 ? inside[..comma].Trim() : inside.Trim()) is { } acronym
                && Before(text, open, acronym) is { } before)
            {
                yield return (acronym, before);
                continue;
            }
            // « ACR (spelt-out form) ».
            var end = open;
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }
            var start = end;
            while (start > 0 && char.IsLetter(text[start - 1]))
            {
                start--;
            }
            if ((start == 0 || !char.IsLetterOrDigit(text[start - 1])) && IsAcronym(text.AsSpan(start, end - start)) is { } named
                && Spells(Words(inside.ToString()), named) == 0)
            {
                yield return (named, Clean(inside.ToString()));
            }
        }
    }

    /// <summary>The distinct words of capitals a text holds (acronyms or not): how many cases write a word so.</summary>
    /// <remarks>
    /// Every case's whole text passes here at build time, so it jumps from capital to capital instead of walking every
    /// word: a word is one of capitals when it starts at a capital and holds nothing else (the same words as
    /// <see cref="WordRanges"/> then <see cref="IsAcronym"/>; <c>AcronymTableFacts</c> holds it to them).
    /// </remarks>
    public static IEnumerable<string> Capitals(string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>();
        for (var at = text.AsSpan().IndexOfAnyInRange('A', 'Z'); at >= 0;)
        {
            var end = at;
            while (end < text.Length && text[end] is >= 'A' and <= 'Z')
            {
                end++;
            }
            if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || (end < text.Length && char.IsLetterOrDigit(text[end])))
            {
                // Capitals within a word of other letters: on to the end of that word.
                while (end < text.Length && char.IsLetterOrDigit(text[end]))
                {
                    end++;
                }
            }
            else if (end - at is >= MinLetters and <= MaxLetters && found.Add(text[at..end]))
            {
                words.Add(text[at..end]);
            }
            var next = text.AsSpan(end).IndexOfAnyInRange('A', 'Z');
            at = next < 0 ? -1 : end + next;
        }
        return words;
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="word"/> (lower case) as a word of its own, in lower case.</summary>
    public static bool WritesLowerCase(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether an acronym is also a word of the cases: written in lower case in a quarter as many cases as write it in
    /// capitals, or more (« face » in 60 cases, FACE in 8; « ptce » once in a web address, PTCE in 14).
    /// </summary>
    public static bool UsedAsWord(int casesInCapitals, int casesInLowerCase) => casesInLowerCase > 0 && 4 * casesInLowerCase >= casesInCapitals;

    /// <summary>
    /// The table of the definitions found in each case: one entry per acronym, its spelt-out form the one most cases
    /// gave (by <see cref="MajorityRatio"/>), unless <paramref name="usedAsWord"/> says the cases also write it as a word.
    /// </summary>
    /// <param name="definitions">Each case's definitions (a case counts once for each).</param>
    /// <param name="usedAsWord">Whether an acronym is also a word of the cases (« FACE » and « face »).</param>
    public static AcronymTable Of(IEnumerable<IEnumerable<(string Acronym, string Expansion)>> definitions, Func<string, bool> usedAsWord)
    {
        // Per acronym, per form (folded, singular), the cases giving it and the ways it was written.
        var forms = new Dictionary<string, Dictionary<string, (int Cases, Dictionary<string, int> Written)>>(StringComparer.Ordinal);
        foreach (var found in definitions)
        {
            foreach (var (acronym, expansion) in found.Distinct())
            {
                var byForm = forms.TryGetValue(acronym, out var known) ? known : forms[acronym] = new(StringComparer.Ordinal);
                var key = FormKey(expansion);
                var (cases, written) = byForm.TryGetValue(key, out var form) ? form : (0, new Dictionary<string, int>(StringComparer.Ordinal));
                written[expansion] = written.GetValueOrDefault(expansion) + 1;
                byForm[key] = (cases + 1, written);
            }
        }
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (acronym, byForm) in forms)
        {
            var ranked = byForm.Values.OrderByDescending(f => f.Cases).ToList();
            if ((ranked.Count > 1 && ranked[0].Cases < MajorityRatio * ranked[1].Cases) || usedAsWord(acronym))
            {
                continue;
            }
            table[acronym] = ranked[0].Written.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).First().Key;
        }
        return new AcronymTable(table);
    }

    /// <summary>The table as text, one acronym a line, sorted: stored with the index.</summary>
    public string Write()
    {
        var text = new StringBuilder();
        foreach (var (acronym, expansion) in Expansions.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(acronym).Append('\t').Append(expansion).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Reads a table <see cref="Write"/> wrote; lines of another shape are skipped.</summary>
    public static AcronymTable Read(string? text)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0 && tab < line.Length - 1)
            {
                table[line[..tab]] = line[(tab + 1)..];
            }
        }
        return table.Count == 0 ? Empty : new AcronymTable(table);
    }

    /// <summary>The text as an acronym: capitals only, <see cref="MinLetters"/> to <see cref="MaxLetters"/> of them.</summary>
    private static string? IsAcronym(ReadOnlySpan<char> text)
    {
        if (text.Length < MinLetters || text.Length > MaxLetters)
        {
            return null;
        }
        foreach (var c in text)
        {
            if (c is < 'A' or > 'Z')
            {
                return null;
            }
        }
        return text.ToString();
    }

    /// <summary>The words before <paramref name="open"/>, within their sentence, whose initials end by spelling the acronym.</summary>
    private static string? Before(string text, int open, string acronym)
    {
        var start = open;
        while (start > 0 && text[start - 1] is not ('.' or ';' or ':' or '!' or '?' or '\n' or '(' or ')' or '«' or '»' or '"' or '[' or ']'))
        {
            start--;
        }
        var sentence = text[start..open];
        var words = Words(sentence);
        if (words.Count > MaxWords)
        {
            words = words[^MaxWords..];
        }
        // From the last word back: each word not a stop word gives the next initial, from the last one.
        var letter = acronym.Length - 1;
        for (var i = words.Count - 1; i >= 0; i--)
        {
            var (word, at) = words[i];
            if (StopWords.Contains(word))
            {
                continue;
            }
            if (char.ToUpperInvariant(word[0]) != acronym[letter])
            {
                return null;
            }
            if (--letter < 0)
            {
                return Clean(sentence[at..]);
            }
        }
        return null;
    }

    /// <summary>
    /// How many initials of <paramref name="acronym"/> remain unspelt after reading the words in order (0: the words spell
    /// it exactly; -1: they do not).
    /// </summary>
    private static int Spells(List<(string Word, int At)> words, string acronym)
    {
        var letter = 0;
        foreach (var (word, _) in words)
        {
            if (StopWords.Contains(word))
            {
                continue;
            }
            if (letter >= acronym.Length || char.ToUpperInvariant(word[0]) != acronym[letter])
            {
                return -1;
            }
            letter++;
        }
        return acronym.Length - letter;
    }

    /// <summary>The words of a text, folded, and where each starts; apostrophes and hyphens separate words (« l'Agence », « Île-de-France »).</summary>
    private static List<(string Word, int At)> Words(string text) =>
        WordRanges(text).Select(r => (FrenchAnalyzer.FoldLower(text[r]), r.Start.Value)).ToList();

    /// <summary>Where each run of letters and digits of a text lies.</summary>
    private static IEnumerable<Range> WordRanges(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }
            yield return start..i;
        }
    }

    /// <summary>The form as written, on one line, without the punctuation around it.</summary>
    private static string Clean(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\n', '\r', '\u00a0', '\u202f'], StringSplitOptions.RemoveEmptyEntries))
        .Trim(',', ';', ' ', '-', '–', '—');

    /// <summary>
    /// What makes two forms the same: folded, lower case, each word's plural ending taken off (« pôles territoriaux »
    /// is « pôle territorial »).
    /// </summary>
    private static string FormKey(string expansion) =>
        string.Join(' ', Words(expansion).Select(w => w.Word switch
        {
            { Length: > 4 } word when word.EndsWith("aux", StringComparison.Ordinal) => word[..^3] + "al",
            { Length: > 3 } word when word[^1] is 's' or 'x' => word[..^1],
            var word => word,
        }));
}
