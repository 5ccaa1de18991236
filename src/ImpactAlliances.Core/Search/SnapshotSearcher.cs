using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// The snapshot's searcher: Lucene's, but a query's groups (<see cref="DisjunctionMaxQuery"/>, wherever they stand in it) are
/// searched by <see cref="GroupDisjunction"/>, which finds the same cases with the same scores for less.
/// </summary>
internal sealed class SnapshotSearcher(IndexReader reader) : IndexSearcher(reader)
{
    public override Query Rewrite(Query query) => WithGroups(base.Rewrite(query));

    /// <summary>
    /// The query with each <see cref="DisjunctionMaxQuery"/> a <see cref="GroupDisjunction"/>, through boolean and constant-score
    /// queries; the same instance when it holds none to change.
    /// </summary>
    internal static Query WithGroups(Query query)
    {
        switch (query)
        {
            case GroupDisjunction:
                return query;
            case DisjunctionMaxQuery disjunction:
                return new GroupDisjunction(disjunction, [.. disjunction.Disjuncts.Select(WithGroups)]);
            case BooleanQuery boolean:
                return WithClauses(boolean, [.. boolean.Clauses.Select(c => WithGroups(c.Query))]);
            case ConstantScoreQuery { Query: { } inner } constant when WithGroups(inner) is var rewritten && !ReferenceEquals(rewritten, inner):
                return new ConstantScoreQuery(rewritten) { Boost = constant.Boost };
            default:
                return query;
        }
    }

    /// <summary>A copy of <paramref name="boolean"/> whose clauses search <paramref name="queries"/>; itself when they are its own.</summary>
    private static BooleanQuery WithClauses(BooleanQuery boolean, List<Query> queries)
    {
        var clauses = boolean.Clauses;
        if (queries.Select((q, i) => ReferenceEquals(q, clauses[i].Query)).All(same => same))
        {
            return boolean;
        }
        var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
        for (var i = 0; i < clauses.Count; i++)
        {
            copy.Add(queries[i], clauses[i].Occur);
        }
        return copy;
    }
}
