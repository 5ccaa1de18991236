using ImpactAlliances.Core.Content;
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
    public void A_worse_order_scores_less_and_the_first_clearly_relevant_rank_sets_rr()
    {
        var score = RelevanceEvaluator.Score(Query, ["z", "c", "b", "a"]);

        // DCG = 1/log2(3) + 3/log2(4) + 7/log2(5); ideal = 7 + 3/log2(3) + 1/log2(4).
        var expected = (1 / Math.Log2(3) + 3 / Math.Log2(4) + 7 / Math.Log2(5)) / (7 + 3 / Math.Log2(3) + 1 / Math.Log2(4));
        Assert.Equal(expected, score.NdcgAt10, 6);
        Assert.Equal(1.0 / 3, score.ReciprocalRank, 6);
    }

    [Fact]
    public void Nothing_relevant_found_scores_zero()
    {
        var score = RelevanceEvaluator.Score(Query, ["y", "z"]);

        Assert.Equal(0, score.NdcgAt10);
        Assert.Equal(0, score.ReciprocalRank);
    }

    [Fact]
    public void Recall_counts_the_judged_cases_found_and_rr_waits_for_a_clearly_relevant_one()
    {
        var score = RelevanceEvaluator.Score(Query, ["c", "z", "a"]);

        Assert.Equal(2.0 / 3, score.RecallAt10, 6);
        Assert.Equal(1.0 / 3, score.ReciprocalRank, 6);
    }

    [Theory]
    [InlineData("tests/relevance/judgments.json", null, true)]
    [InlineData("tests/relevance/blind2.json", null, false)]
    // Asking for a development query's details does not print a blind set query by query.
    [InlineData("tests/relevance/blind2.json", "q01,m38", false)]
    [InlineData("tests/relevance/blind2.json", "q01,x07", true)]
    [InlineData("tests/relevance/blind2.json", "all", true)]
    public void A_blind_set_is_printed_query_by_query_only_when_one_of_its_queries_is_asked_for(string path, string? details, bool printed)
    {
        Assert.Equal(printed, RelevanceCommand.PrintsQueries(path, ["x06", "x07"], details?.Split(',')));
    }

    /// <summary>Every judged set over the real content must stay above its recorded floor.</summary>
    [Fact]
    public async Task The_search_stays_above_the_recorded_relevance_floors()
    {
        var floors = RelevanceFloor.Read(RepositoryPaths.Resolve("tests/relevance/floor.json"));
        var json = Path.Combine(Path.GetTempPath(), $"relevance-{Guid.NewGuid():N}.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await IndexerCommands.RunAsync(["relevance", "--json", json], output, error);

        Assert.True(code == IndexerCommands.Ok, error.ToString());
        var figures = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, RelevanceFloor>>(File.ReadAllText(json))!;
        File.Delete(json);
        Assert.Equal(["blind", "blind10", "blind11", "blind2", "blind3", "blind4", "blind5", "blind8", "blind9", "development", "ex-blind6", "ex-blind7", "field", "mixed", "people", "questions", "researchers", "users"], figures.Keys.Order());
        // Blind sets are read per kind and per set only; the development sets query by query.
        var printed = output.ToString().Split('\n');
        foreach (var (_, path) in RelevanceCommand.Sets)
        {
            var queries = RelevanceJudgments.Read(RepositoryPaths.Resolve(path)).Queries;
            var shown = queries.Count(q => printed.Any(line => line.StartsWith(q.Id + " ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(q.Query, StringComparison.Ordinal)));
            Assert.Equal(RelevanceCommand.IsBlind(path) ? 0 : queries.Count, shown);
        }
        foreach (var (set, floor) in floors)
        {
            var actual = figures[set];
            Assert.True(actual.NdcgAt10 >= floor.NdcgAt10, $"{set}: nDCG@10 {actual.NdcgAt10} fell below the floor {floor.NdcgAt10}\n{output}");
            Assert.True(actual.RecallAt10 >= floor.RecallAt10, $"{set}: recall@10 {actual.RecallAt10} fell below the floor {floor.RecallAt10}\n{output}");
            Assert.True(actual.Mrr >= floor.Mrr, $"{set}: MRR {actual.Mrr} fell below the floor {floor.Mrr}\n{output}");
        }
    }
}
