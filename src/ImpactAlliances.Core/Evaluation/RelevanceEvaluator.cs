using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Evaluation;

/// <summary>How one judged query fared.</summary>
/// <param name="Query">The judged query.</param>
/// <param name="NdcgAt10">nDCG of the first ten results.</param>
/// <param name="ReciprocalRank">1 / rank of the first result graded 2 or more (0 when none is in the first ten).</param>
/// <param name="RecallAt10">Share of the cases graded 1 or more found in the first ten (of at most ten).</param>
/// <param name="Top">The first ten results.</param>
public sealed record QueryScore(JudgedQuery Query, double NdcgAt10, double ReciprocalRank, double RecallAt10, IReadOnlyList<string> Top);

/// <summary>The scores of a judgments set: per query, and their means.</summary>
public sealed record RelevanceReport(IReadOnlyList<QueryScore> Queries)
{
    /// <summary>Mean nDCG@10.</summary>
    public double NdcgAt10 => Queries.Count == 0 ? 0 : Queries.Average(q => q.NdcgAt10);

    /// <summary>Mean reciprocal rank of the first clearly relevant case (graded 2 or more).</summary>
    public double Mrr => Queries.Count == 0 ? 0 : Queries.Average(q => q.ReciprocalRank);

    /// <summary>Mean recall of the first ten results.</summary>
    public double RecallAt10 => Queries.Count == 0 ? 0 : Queries.Average(q => q.RecallAt10);
}

/// <summary>
/// Scores the search against graded judgments: nDCG@10 (gain 2^grade − 1, log2 discount, ideal order
/// from the judgments), recall@10 (share of the judged cases in the first ten, out of at most ten) and
/// the reciprocal rank of the first clearly relevant case (grade 2 or more).
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
        var first = top.FindIndex(slug => query.Relevant.GetValueOrDefault(slug) >= 2);
        var judged = query.Relevant.Count(r => r.Value > 0);
        var recall = judged == 0 ? 0 : (double)top.Count(slug => query.Relevant.GetValueOrDefault(slug) > 0) / Math.Min(Depth, judged);
        return new QueryScore(query, ideal == 0 ? 0 : dcg / ideal, first < 0 ? 0 : 1.0 / (first + 1), recall, top);
    }

    private static double Gain(int grade) => Math.Pow(2, grade) - 1;
}
