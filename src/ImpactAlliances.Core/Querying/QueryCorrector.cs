using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Index;

namespace ImpactAlliances.Core.Querying;

/// <summary>A query word replaced by a close word of the index.</summary>
public sealed record Correction(string From, string To);

/// <summary>
/// Typo tolerance: a query word that matches no case is replaced by the closest word of the index,
/// within an edit distance that grows with the word's length as the leading engines do (none under 4
/// letters, 1 up to 7, 2 from 8). Words that match, even rarely, are never changed, so exact matches
/// always come first.
/// </summary>
internal static class QueryCorrector
{
    /// <summary>Edits allowed for a word of this length.</summary>
    public static int MaxEdits(int length) => length < 4 ? 0 : length < 8 ? 1 : 2;

    public static (IReadOnlyList<QueryClause> Clauses, IReadOnlyList<Correction> Corrections) Correct(
        IReadOnlyList<QueryClause> clauses, IndexReader reader, Lazy<SpellVocabulary> vocabulary, Analyzer analyzer, SynonymSet synonyms, int extraEdits = 0)
    {
        var corrections = new List<Correction>();
        var corrected = new List<QueryClause>(clauses.Count);
        foreach (var clause in clauses)
        {
            var replacement = clause.Kind == ClauseKind.Word && !clause.Excluded
                ? Replacement(clause.Text, reader, vocabulary, analyzer, synonyms, extraEdits)
                : null;
            if (replacement is null)
            {
                corrected.Add(clause);
                continue;
            }
            corrections.Add(new Correction(clause.Text, replacement));
            corrected.Add(clause with { Text = replacement });
        }
        return (corrected, corrections);
    }

    /// <summary>Whether a word (as typed) matches some case once analysed.</summary>
    public static bool Matches(string word, IndexReader reader, Analyzer analyzer)
    {
        var terms = TermAnalysis.Terms(analyzer, word);
        return terms.Length != 1 || CaseStudySchema.TextFields.Keys.Any(field => reader.DocFreq(new Term(field, terms[0])) > 0);
    }

    private static string? Replacement(string word, IndexReader reader, Lazy<SpellVocabulary> vocabulary, Analyzer analyzer, SynonymSet synonyms, int extraEdits)
    {
        var folded = SearchQueryBuilder.FoldPrefix(word);
        var maxEdits = MaxEdits(folded.Length);
        // An acronym of the synonyms file (SIAE) is a word the search knows, even if no case writes it.
        if (maxEdits == 0 || !folded.All(char.IsLetter) || Matches(word, reader, analyzer)
            || synonyms.Match(TermAnalysis.Terms(analyzer, word), 0, out _).Count > 0)
        {
            return null;
        }
        return vocabulary.Value.Closest(folded, maxEdits + extraEdits)?.Surface;
    }
}
