using ImpactAlliances.Core.Analysis;

namespace ImpactAlliances.Core.Querying;

/// <summary>
/// Whether a query is a question in English, which the corrector leaves as typed: « companies and associations fighting
/// youth unemployment » was corrected word by word into « compagnies … lighting », an English word one edit from a word of
/// the cases looking like a French typo. The cases are written in French; the page says so.
/// </summary>
internal static class QueryLanguage
{
    /// <summary>How many of a query's words must be English and not French for it to be read as English.</summary>
    internal const int EnglishWords = 2;

    /// <summary>
    /// The short words that say which language a question is written in, where the word lists hold only words of four letters
    /// or more: English ones that are no word of French (« the » is « thé » typed without its accent, and only counts beside an
    /// English word), and French ones that are no word of English. « social innovation in rural areas » has one English word
    /// that is not French (« areas »: « social », « innovation » and « rural » are both), and was read as French and corrected
    /// to « Arras »; « in » tells it is English, as « de » or « et » tell a French question holding an English word is French.
    /// </summary>
    private static readonly HashSet<string> EnglishFunctionWords = new(["the", "of", "in", "and", "for", "to", "by", "at", "is"], StringComparer.Ordinal);

    private static readonly HashSet<string> FrenchFunctionWords =
        new(["de", "des", "du", "la", "le", "les", "et", "en", "au", "aux", "un", "une", "sur", "par"], StringComparer.Ordinal);

    /// <summary>
    /// Whether the query's plain words are English: <see cref="EnglishWords"/> of them or more are English and not French, one
    /// at least a word of four letters or more (the word lists hold no shorter word; a short one counts from
    /// <see cref="EnglishFunctionWords"/>), and they are more than those of French that are not English. A word of both
    /// (« innovation », « service », « social », « associations ») or of neither (a typo, a name) counts for neither side, so that
    /// one English word in a French question (« mobilité solidaire rurale fundraising », « mécénat de compétences et
    /// crowdfunding ») leaves it French, and corrected as before, while a single English word alone stays a word to correct
    /// (« mason » is « maison »).
    /// </summary>
    public static bool IsEnglish(IReadOnlyList<QueryClause> clauses)
    {
        var (english, french, longEnglish) = (0, 0, 0);
        foreach (var clause in clauses)
        {
            if (clause is not { Kind: ClauseKind.Word, Excluded: false })
            {
                continue;
            }
            var folded = SearchQueryBuilder.FoldPrefix(clause.Text);
            if (!folded.All(char.IsAsciiLetterLower))
            {
                continue;
            }
            if (folded.Length < 4)
            {
                english += EnglishFunctionWords.Contains(folded) ? 1 : 0;
                french += FrenchFunctionWords.Contains(folded) ? 1 : 0;
                continue;
            }
            var (isEnglish, isFrench) = (Lexicon.English.Contains(folded), Lexicon.French.Contains(folded));
            longEnglish += isEnglish && !isFrench ? 1 : 0;
            french += isFrench && !isEnglish ? 1 : 0;
        }
        english += longEnglish;
        return longEnglish > 0 && english >= EnglishWords && english > french;
    }
}
