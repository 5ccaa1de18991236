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
    /// queries; the same instance when it holds none to change. Only Lucene's own classes are looked into and copied: a
    /// subclass may weigh or score its own way, which a copy as its base class would lose.
    /// </summary>
    internal static Query WithGroups(Query query) => query switch
    {
        DisjunctionMaxQuery disjunction when Is<DisjunctionMaxQuery>(query) =>
            new GroupDisjunction(disjunction, [.. disjunction.Disjuncts.Select(WithGroups)]),
        BooleanQuery boolean when Is<BooleanQuery>(query) => WithClauses(boolean, [.. boolean.Clauses.Select(c => WithGroups(c.Query))]),
        ConstantScoreQuery { Query: { } inner } constant when Is<ConstantScoreQuery>(query) && WithGroups(inner) is var rewritten
            && !ReferenceEquals(rewritten, inner) => new ConstantScoreQuery(rewritten) { Boost = constant.Boost },
        _ => query,
    };

    /// <summary>Whether <paramref name="query"/> is a <typeparamref name="T"/> itself, not a subclass of it.</summary>
    private static bool Is<T>(Query query) where T : Query => query.GetType() == typeof(T);

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
