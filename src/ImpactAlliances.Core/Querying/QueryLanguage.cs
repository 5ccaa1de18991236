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
    /// Whether the query's plain words of four letters or more (the corrector changes no shorter word, and the word lists
    /// hold none) are English: <see cref="EnglishWords"/> of them or more are words of English that are not words of French,
    /// and they are more than those of French that are not English. A word of both (« innovation », « service »,
    /// « social », « associations ») or of neither (a typo, a name) counts for neither side, so that one English word in a
    /// French question (« mobilité solidaire rurale fundraising ») leaves it French, and corrected as before, while a single
    /// English word alone stays a word to correct (« mason » is « maison »).
    /// </summary>
    public static bool IsEnglish(IReadOnlyList<QueryClause> clauses)
    {
        var (english, french) = (0, 0);
        foreach (var clause in clauses)
        {
            if (clause is not { Kind: ClauseKind.Word, Excluded: false })
            {
                continue;
            }
            var folded = SearchQueryBuilder.FoldPrefix(clause.Text);
            if (folded.Length < 4 || !folded.All(char.IsAsciiLetterLower))
            {
                continue;
            }
            var (isEnglish, isFrench) = (Lexicon.English.Contains(folded), Lexicon.French.Contains(folded));
            english += isEnglish && !isFrench ? 1 : 0;
            french += isFrench && !isEnglish ? 1 : 0;
        }
        return english >= EnglishWords && english > french;
    }
}
