using ImpactAlliances.Core.Evaluation;
using ImpactAlliances.Indexer;

namespace ImpactAlliances.Core.Tests.Evaluation;

public sealed class RelevanceFacts
{
    private static readonly JudgedQuery Query = new("q", "word", "x", null, new Dictionary<string, int> { ["a"] = 3, ["b"] = 2, ["c"] = 1 });

    [Fact]
    public void The_ideal_order_scores_one()
    {
        var score = RelevanceEvaluator.Score(Query, ["a", "b", "c", "z"]);

        Assert.Equal(1.0, score.NdcgAt10, 6);
        Assert.Equal(1.0, score.ReciprocalRank);
    }

    [Fact]
    public void A_worse_order_scores_less_and_the_first_relevant_rank_sets_rr()
    {
        var score = RelevanceEvaluator.Score(Query, ["z", "c", "b", "a"]);

        // DCG = 1/log2(3) + 3/log2(4) + 7/log2(5); ideal = 7 + 3/log2(3) + 1/log2(4).
        var expected = (1 / Math.Log2(3) + 3 / Math.Log2(4) + 7 / Math.Log2(5)) / (7 + 3 / Math.Log2(3) + 1 / Math.Log2(4));
        Assert.Equal(expected, score.NdcgAt10, 6);
        Assert.Equal(0.5, score.ReciprocalRank);
    }

    [Fact]
    public void Nothing_relevant_found_scores_zero()
    {
        var score = RelevanceEvaluator.Score(Query, ["y", "z"]);

        Assert.Equal(0, score.NdcgAt10);
        Assert.Equal(0, score.ReciprocalRank);
    }

    /// <summary>The judged queries over the real content must not fall below the recorded floor.</summary>
    [Fact]
    public async Task The_search_stays_above_the_recorded_relevance_floor()
    {
        var floor = RelevanceFloor.Read(RepositoryPaths.Resolve("tests/relevance/floor.json"));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await IndexerCommands.RunAsync(["relevance"], output, error);

        Assert.True(code == IndexerCommands.Ok, error.ToString());
        var all = output.ToString().Split('\n').Single(l => l.StartsWith("all ", StringComparison.Ordinal));
        var parts = all.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ndcg = double.Parse(parts[4], System.Globalization.CultureInfo.InvariantCulture);
        var mrr = double.Parse(parts[6], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ndcg >= floor.NdcgAt10, $"nDCG@10 {ndcg} fell below the floor {floor.NdcgAt10}\n{output}");
        Assert.True(mrr >= floor.Mrr, $"MRR {mrr} fell below the floor {floor.Mrr}\n{output}");
    }
}
