using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ImpactAlliances.Core.Search;

/// <summary>A text query ready to run, and the terms its snippets highlight.</summary>
/// <param name="Query">The Lucene query, or null when the text holds no searchable word.</param>
/// <param name="BodyTerms">Stemmed terms to highlight in the body.</param>
/// <param name="BodyPrefixes">Folded prefixes to highlight in the body.</param>
public sealed record TextQuery(Query? Query, IReadOnlyList<string> BodyTerms, IReadOnlyList<string> BodyPrefixes);

/// <summary>
/// Turns the clauses of a user's query into a Lucene query over the text fields, expanding synonyms.
/// Facet filters are not part of it: the collector applies them, so that each facet's counts can leave
/// its own filter out.
/// </summary>
public sealed class SearchQueryBuilder(Analyzer analyzer, SynonymSet synonyms, FacetTerms? facetTerms = null)
{
    // A small tie-breaker: a clause matching in several fields scores a little above one matching in one.
    private const float TieBreaker = 0.1f;

    /// <summary>Weight of a case tagged with the facet value a word names, against the text fields' weights.</summary>
    /// <remarks>Measured with the relevance command: 1 to 4 give the same nDCG@10 (a clause takes its best match), so the middle.</remarks>
    public const float FacetBoost = 2f;

    /// <summary>When no case holds every word, the share of words a case must hold instead.</summary>
    public const double RelaxedShare = 0.6;

    /// <summary>Builds the text query of parsed clauses; relaxed, a share of the words is enough (<see cref="RelaxedShare"/>).</summary>
    public TextQuery Build(IReadOnlyList<QueryClause> clauses, bool relaxed = false)
    {
        var bodyTerms = new List<string>();
        var prefixes = new List<string>();
        var query = new BooleanQuery();
        BooleanQuery? group = null;
        var positives = 0;
        var analysed = clauses.Select(c => c.Kind == ClauseKind.Prefix ? [] : Analyze(c.Text)).ToList();
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            var (clauseQuery, consumed) = ClauseQuery(clauses, analysed, i, clause.Excluded ? null : bodyTerms, clause.Excluded ? null : prefixes);
            i += consumed - 1;
            if (clauseQuery is null)
            {
                continue;
            }
            if (clause.Excluded)
            {
                query.Add(clauseQuery, Occur.MUST_NOT);
                continue;
            }
            if (clause.OrWithPrevious && group is not null)
            {
                group.Add(clauseQuery, Occur.SHOULD);
                continue;
            }
            group = new BooleanQuery { { clauseQuery, Occur.SHOULD } };
            query.Add(group, Occur.MUST);
            positives++;
        }
        if (query.Clauses.Count == 0)
        {
            return new TextQuery(null, [], []);
        }
        if (positives == 0)
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        else if (relaxed && positives > 1)
        {
            query = Relax(query, positives);
        }
        return new TextQuery(query, bodyTerms, prefixes);
    }

    private static BooleanQuery Relax(BooleanQuery query, int positives)
    {
        var relaxed = new BooleanQuery { MinimumNumberShouldMatch = Math.Max(1, (int)Math.Ceiling(positives * RelaxedShare)) };
        foreach (var clause in query.Clauses)
        {
            relaxed.Add(clause.Query, clause.Occur == Occur.MUST ? Occur.SHOULD : clause.Occur);
        }
        return relaxed;
    }

    /// <summary>The query of the clause at <paramref name="index"/>, and how many clauses it took (a synonym can span several words).</summary>
    private (Query? Query, int Consumed) ClauseQuery(IReadOnlyList<QueryClause> clauses, List<List<(string Term, int Position)>> analysed, int index, List<string>? bodyTerms, List<string>? prefixes)
    {
        var clause = clauses[index];
        if (clause.Kind == ClauseKind.Prefix)
        {
            return (PrefixClause(clause.Text, prefixes), 1);
        }
        var tokens = analysed[index];
        if (tokens.Count == 0)
        {
            return (null, 1);
        }
        var (expressions, consumed) = Synonyms(clauses, analysed, index);
        var any = new DisjunctionMaxQuery(TieBreaker);
        AddNamedFacets(any, tokens.Select(t => t.Term));
        if (expressions.Count == 0)
        {
            AddExpression(any, tokens, 1f);
            bodyTerms?.AddRange(tokens.Select(t => t.Term));
            return (any, 1);
        }
        if (consumed > 1)
        {
            // The words as typed, each anywhere, stay an alternative to the expressions.
            var words = new BooleanQuery();
            for (var i = index; i < index + consumed; i++)
            {
                var word = new DisjunctionMaxQuery(TieBreaker);
                AddExpression(word, analysed[i], 1f);
                words.Add(word, Occur.MUST);
            }
            any.Add(words);
        }
        foreach (var expression in expressions)
        {
            // The words as typed weigh a little more than their synonyms.
            var typed = consumed == 1 && tokens.Select(t => t.Term).SequenceEqual(expression.Terms);
            AddExpression(any, expression.Terms.Zip(expression.Positions).ToList(), typed ? 1f : 0.8f);
            AddNamedFacets(any, expression.Terms);
            bodyTerms?.AddRange(expression.Terms);
        }
        return (any, consumed);
    }

    /// <summary>
    /// Synonyms apply to a quoted phrase as a whole, or to a run of plain words (typed without OR or '-').
    /// </summary>
    private (IReadOnlyList<SynonymSet.Expression> Expressions, int Consumed) Synonyms(IReadOnlyList<QueryClause> clauses, List<List<(string Term, int Position)>> analysed, int index)
    {
        var clause = clauses[index];
        if (clause.Kind == ClauseKind.Phrase)
        {
            var terms = analysed[index].Select(t => t.Term).ToList();
            var expressions = synonyms.Match(terms, 0, out var length);
            return length == terms.Count ? (expressions, 1) : ([], 1);
        }
        // The run of plain words from here, and where each word's terms end.
        var run = new List<string>();
        var ends = new List<int>();
        for (var i = index; i < clauses.Count && IsPlainWord(clauses[i], i == index); i++)
        {
            run.AddRange(analysed[i].Select(t => t.Term));
            ends.Add(run.Count);
        }
        var matched = synonyms.Match(run, 0, out var matchedLength);
        var words = ends.IndexOf(matchedLength) + 1;
        return matchedLength > 0 && words > 0 ? (matched, words) : ([], 1);
    }

    private void AddNamedFacets(DisjunctionMaxQuery any, IEnumerable<string> terms)
    {
        foreach (var (facet, value) in (facetTerms ?? FacetTerms.Empty).Named(terms))
        {
            any.Add(new TermQuery(new Term(facet, value)) { Boost = FacetBoost });
        }
    }

    private static bool IsPlainWord(QueryClause clause, bool first) =>
        clause.Kind == ClauseKind.Word && !clause.Excluded && (first || !clause.OrWithPrevious);

    private static void AddExpression(DisjunctionMaxQuery any, List<(string Term, int Position)> tokens, float weight)
    {
        foreach (var (field, boost) in CaseStudySchema.TextFields)
        {
            Query fieldQuery = tokens.Count == 1 ? new TermQuery(new Term(field, tokens[0].Term)) : Phrase(field, tokens);
            fieldQuery.Boost = boost * weight;
            any.Add(fieldQuery);
        }
    }

    private static PhraseQuery Phrase(string field, List<(string Term, int Position)> tokens)
    {
        var phrase = new PhraseQuery();
        foreach (var (term, position) in tokens)
        {
            phrase.Add(new Term(field, term), position);
        }
        return phrase;
    }

    private static DisjunctionMaxQuery? PrefixClause(string text, List<string>? prefixes)
    {
        var prefix = FoldPrefix(text);
        if (prefix.Length == 0)
        {
            return null;
        }
        prefixes?.Add(prefix);
        var any = new DisjunctionMaxQuery(TieBreaker);
        foreach (var field in CaseStudySchema.ExactFields)
        {
            any.Add(new PrefixQuery(new Term(field, prefix)));
        }
        return any;
    }

    /// <summary>Folds a prefix as the exact fields are folded: lower case, no accent, no elided article.</summary>
    internal static string FoldPrefix(string text)
    {
        var folded = FrenchAnalyzer.FoldLower(text.Replace('’', '\''));
        var apostrophe = folded.LastIndexOf('\'');
        if (apostrophe >= 0)
        {
            folded = folded[(apostrophe + 1)..];
        }
        return new string(folded.Where(char.IsLetterOrDigit).ToArray());
    }

    private List<(string Term, int Position)> Analyze(string text)
    {
        var (terms, positions) = TermAnalysis.WithPositions(analyzer, text);
        return terms.Zip(positions).ToList();
    }
}
