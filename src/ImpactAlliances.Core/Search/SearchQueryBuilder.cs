using ImpactAlliances.Core.Content;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ImpactAlliances.Core.Search;

/// <summary>A text query ready to run, and the terms its snippets highlight.</summary>
/// <param name="Query">The Lucene query, or null when the text holds no searchable word.</param>
/// <param name="BodyTerms">Stemmed terms to highlight in the body.</param>
/// <param name="BodyPrefixes">Folded prefixes to highlight in the body.</param>
public sealed record TextQuery(Query? Query, IReadOnlyList<string> BodyTerms, IReadOnlyList<string> BodyPrefixes);

/// <summary>
/// Turns the clauses of a user's query into a Lucene query over the text fields. Facet filters are not
/// part of it: the collector applies them, so that each facet's counts can leave its own filter out.
/// </summary>
public sealed class SearchQueryBuilder(Analyzer analyzer)
{
    // A small tie-breaker: a clause matching in several fields scores a little above one matching in one.
    private const float TieBreaker = 0.1f;

    /// <summary>Builds the text query of a user's input.</summary>
    public TextQuery Build(string? input)
    {
        var bodyTerms = new List<string>();
        var prefixes = new List<string>();
        var query = new BooleanQuery();
        BooleanQuery? group = null;
        var positives = 0;
        foreach (var clause in UserQuery.Parse(input))
        {
            var clauseQuery = ClauseQuery(clause, clause.Excluded ? null : bodyTerms, clause.Excluded ? null : prefixes);
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
        return new TextQuery(query, bodyTerms, prefixes);
    }

    private DisjunctionMaxQuery? ClauseQuery(QueryClause clause, List<string>? bodyTerms, List<string>? prefixes)
    {
        if (clause.Kind == ClauseKind.Prefix)
        {
            return PrefixClause(clause.Text, prefixes);
        }
        var tokens = Analyze(CaseStudySchema.Body, clause.Text);
        if (tokens.Count == 0)
        {
            return null;
        }
        bodyTerms?.AddRange(tokens.Select(t => t.Term));
        var any = new DisjunctionMaxQuery(TieBreaker);
        foreach (var (field, boost) in CaseStudySchema.TextFields)
        {
            Query fieldQuery = tokens.Count == 1 ? new TermQuery(new Term(field, tokens[0].Term)) : Phrase(field, tokens);
            fieldQuery.Boost = boost;
            any.Add(fieldQuery);
        }
        return any;
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
        var folded = FrenchAnalyzer.FoldAccents(text.ToLowerInvariant().Replace('’', '\''));
        var apostrophe = folded.LastIndexOf('\'');
        if (apostrophe >= 0)
        {
            folded = folded[(apostrophe + 1)..];
        }
        return new string(folded.Where(char.IsLetterOrDigit).ToArray());
    }

    private List<(string Term, int Position)> Analyze(string field, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position));
        }
        stream.End();
        // Positions start at the first kept word, so a phrase whose first word was a stop word still matches.
        var first = tokens.Count > 0 ? tokens[0].Item2 : 0;
        return tokens.Select(t => (t.Item1, t.Item2 - first)).ToList();
    }
}
