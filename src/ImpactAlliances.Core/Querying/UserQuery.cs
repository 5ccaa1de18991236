using System.Text;
using System.Text.RegularExpressions;

namespace ImpactAlliances.Core.Querying;

/// <summary>The kind of a clause of a user's query.</summary>
public enum ClauseKind
{
    /// <summary>A word: matches its stemmed form.</summary>
    Word,
    /// <summary>Words in quotes: must appear in that order.</summary>
    Phrase,
    /// <summary>A word ending with <c>*</c>: matches whole words that start with it.</summary>
    Prefix,
}

/// <summary>One clause of a user's query.</summary>
/// <param name="Kind">Word, phrase or prefix.</param>
/// <param name="Text">The text as typed, without quotes or star.</param>
/// <param name="Excluded">Written with a leading '-' or after NOT: results must not match it.</param>
/// <param name="OrWithPrevious">Written after OR / OU: either this clause or the previous one must match.</param>
public sealed record QueryClause(ClauseKind Kind, string Text, bool Excluded = false, bool OrWithPrevious = false);

/// <summary>
/// Reads what a person types into clauses. Total: any input gives a (possibly empty) list, never an error.
/// </summary>
/// <remarks>
/// Syntax: words (how many must match is the query builder's business); <c>"…"</c> is a phrase; <c>word*</c> a prefix; <c>-word</c> or
/// <c>NOT word</c> excludes; <c>OR</c>/<c>OU</c> between two clauses accepts either; <c>AND</c>/<c>ET</c> is
/// the default and ignored. Other operator characters are read as spaces. An acronym written with dots (<c>E.S.S.</c>) is
/// read as the acronym (<c>ESS</c>).
/// </remarks>
public static partial class UserQuery
{
    /// <summary>Longer input is cut: no real query needs more, and it bounds the work.</summary>
    public const int MaxLength = 500;

    /// <summary>
    /// A text longer than <see cref="MaxLength"/> cut to it, at the last space before it if any, rather than inside a word
    /// that would then be « corrected »: what is searched of such a text (<see cref="Parse"/>), and what a page shows of it.
    /// </summary>
    public static string Cut(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }
        var space = text.LastIndexOf(' ', MaxLength);
        return (space > 0 ? text[..space] : text[..MaxLength]).TrimEnd();
    }

    /// <summary>
    /// A typed text with words replaced, in the order of the list (the order of the query's clauses), each where it first
    /// stands as a whole word after the one before: a correction or an offered word changes the word typed, not a longer
    /// word that holds it (« art artisanat »; « remplir empli »: « remplir emploi », not « remploir empli »).
    /// </summary>
    internal static string ReplaceWords(string text, IEnumerable<Correction> words)
    {
        var from = 0;
        foreach (var (typed, replacement) in words)
        {
            var at = WholeWord(text, typed, from);
            if (at >= 0)
            {
                text = string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + typed.Length));
                from = at + replacement.Length;
            }
        }
        return text;
    }

    // Where a word stands whole in the text from a position, between the characters that end a word for Parse, or -1.
    private static int WholeWord(string text, string word, int from)
    {
        for (var at = text.IndexOf(word, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || EndsWord(text[at - 1])) && (end == text.Length || EndsWord(text[end])))
            {
                return at;
            }
        }
        return -1;
    }

    private static bool EndsWord(char c) => Cleaned(c) is var read && (char.IsWhiteSpace(read) || read == '"');

    /// <summary>Splits a query into clauses.</summary>
    public static IReadOnlyList<QueryClause> Parse(string? input)
    {
        var clauses = new List<QueryClause>();
        if (string.IsNullOrWhiteSpace(input))
        {
            return clauses;
        }
        var text = Clean(Cut(input));
        var (orNext, notNext) = (false, false);
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var excluded = notNext;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                excluded = true;
                i++;
            }
            QueryClause clause;
            if (text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                var phrase = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
                i = end < 0 ? text.Length : end + 1;
                clause = new QueryClause(ClauseKind.Phrase, phrase.Trim(), excluded, orNext);
            }
            else
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"')
                {
                    end++;
                }
                var word = text[i..end];
                i = end;
                switch (word)
                {
                    case "OR" or "OU" when clauses.Count > 0:
                        orNext = true;
                        continue;
                    case "AND" or "ET" or "OR" or "OU":
                        continue;
                    case "NOT" or "SAUF":
                        notNext = true;
                        continue;
                }
                clause = word.EndsWith('*')
                    ? new QueryClause(ClauseKind.Prefix, WithoutAcronymDots(word.TrimEnd('*')), excluded, orNext)
                    : new QueryClause(ClauseKind.Word, WithoutAcronymDots(word), excluded, orNext);
            }
            (orNext, notNext) = (false, false);
            if (clause.Text.Length > 0)
            {
                clauses.Add(clause);
            }
        }
        return clauses;
    }

    /// <summary>Clauses written back as a query that <see cref="Parse"/> reads into the same clauses.</summary>
    public static string Format(IEnumerable<QueryClause> clauses) => string.Join(' ', clauses.Select(Format));

    /// <summary>One clause as it is typed: a phrase in quotes, a prefix with its star, <c>-</c> before an exclusion, <c>OR</c> before an alternative.</summary>
    public static string Format(QueryClause clause)
    {
        var text = clause.Kind switch
        {
            ClauseKind.Phrase => $"\"{clause.Text}\"",
            ClauseKind.Prefix => $"{clause.Text}*",
            _ => clause.Text,
        };
        return (clause.OrWithPrevious ? "OR " : "") + (clause.Excluded ? "-" : "") + text;
    }

    /// <summary>
    /// « E.S.S. », « A.R.S » and « l'a.r.s. » as the acronym without its dots, in capitals: the tokenizer keeps the dots
    /// inside the word (« e.s.s »), which no case writes, and the dots say it is an acronym however it is cased.
    /// </summary>
    private static string WithoutAcronymDots(string word) =>
        DottedAcronym().Match(word) is { Success: true } dotted
            ? dotted.Groups["elided"].Value + dotted.Groups["letters"].Value.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant()
            : word;

    // Single letters each followed by a dot, the last dot optional, after an elided article or not.
    [GeneratedRegex(@"^(?<elided>\p{L}{1,2}['’])?(?<letters>(?:\p{L}\.)+\p{L}\.?)$")]
    private static partial Regex DottedAcronym();

    // Query-syntax characters of other engines carry no meaning here; reading them as spaces keeps
    // "title:foo" or "(a b)" from gluing words together.
    private static string Clean(string input)
    {
        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            builder.Append(Cleaned(c));
        }
        return builder.ToString();
    }

    private static char Cleaned(char c) =>
        c is ':' or '(' or ')' or '[' or ']' or '{' or '}' or '^' or '~' or '!' or '+' or '\\' or '/' or '|' or '&' or '?' || char.IsControl(c)
            ? ' '
            : c is '«' or '»' or '“' or '”' or '„' ? '"'
            // The Unicode hyphens a word processor or a web page puts in « sans‑abri » are the hyphen the words are indexed with.
            : c is '\u2010' or '\u2011' ? '-' : c;
}
