using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Evaluation;

/// <summary>How one judged query fared.</summary>
public sealed record QueryScore(JudgedQuery Query, double NdcgAt10, double ReciprocalRank, IReadOnlyList<string> Top);

/// <summary>The scores of a judgments set: per query, and their means.</summary>
public sealed record RelevanceReport(IReadOnlyList<QueryScore> Queries)
{
    /// <summary>Mean nDCG@10.</summary>
    public double NdcgAt10 => Queries.Count == 0 ? 0 : Queries.Average(q => q.NdcgAt10);

    /// <summary>Mean reciprocal rank of the first relevant case.</summary>
    public double Mrr => Queries.Count == 0 ? 0 : Queries.Average(q => q.ReciprocalRank);
}

/// <summary>
/// Scores the search against graded judgments: nDCG@10 (gain 2^grade − 1, log2 discount, ideal order
/// from the judgments) and the reciprocal rank of the first relevant case (grade 1 or more).
/// </summary>
public static class RelevanceEvaluator
{
    /// <summary>Ranks scored.</summary>
    public const int Depth = 10;

    /// <summary>Runs every judged query and scores its first ten results.</summary>
    public static RelevanceReport Evaluate(ICaseStudySearch search, RelevanceJudgments judgments) =>
        new(judgments.Queries.Select(q => Score(q, search.Search(new SearchRequest
        {
            Query = q.Query,
            Filters = q.Filters ?? new Dictionary<string, IReadOnlyList<string>>(),
            Size = Depth,
        }).Hits.Select(h => h.Slug).ToList())).ToList());

    /// <summary>Scores one ranked list against one query's judgments.</summary>
    public static QueryScore Score(JudgedQuery query, IReadOnlyList<string> ranked)
    {
        var top = ranked.Take(Depth).ToList();
        var dcg = top.Select((slug, i) => Gain(query.Relevant.GetValueOrDefault(slug)) / Math.Log2(i + 2)).Sum();
        var ideal = query.Relevant.Values.OrderDescending().Take(Depth).Select((grade, i) => Gain(grade) / Math.Log2(i + 2)).Sum();
        var first = top.FindIndex(slug => query.Relevant.GetValueOrDefault(slug) > 0);
        return new QueryScore(query, ideal == 0 ? 0 : dcg / ideal, first < 0 ? 0 : 1.0 / (first + 1), top);
    }

    private static double Gain(int grade) => Math.Pow(2, grade) - 1;
}
