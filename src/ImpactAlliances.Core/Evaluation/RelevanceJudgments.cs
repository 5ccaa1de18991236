using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImpactAlliances.Core.Evaluation;

/// <summary>A judged query: what was typed, its filters, and each relevant case's grade (3 about it, 2 relevant, 1 marginal).</summary>
public sealed record JudgedQuery(
    string Id,
    string Kind,
    string Query,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters,
    IReadOnlyDictionary<string, int> Relevant);

/// <summary>The judged queries of <c>tests/relevance/judgments.json</c>.</summary>
public sealed record RelevanceJudgments(string Description, IReadOnlyList<JudgedQuery> Queries)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads a judgments file.</summary>
    public static RelevanceJudgments Read(string path) =>
        JsonSerializer.Deserialize<RelevanceJudgments>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"{path}: no judgments");
}

/// <summary>The floor one judged set must not fall below.</summary>
public sealed record RelevanceFloor(
    [property: JsonPropertyName("ndcg_at_10")] double NdcgAt10,
    [property: JsonPropertyName("recall_at_10")] double RecallAt10,
    [property: JsonPropertyName("mrr")] double Mrr)
{
    /// <summary>Reads the floors of <c>tests/relevance/floor.json</c>, by set name.</summary>
    public static IReadOnlyDictionary<string, RelevanceFloor> Read(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, RelevanceFloor>>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: no floor");
}
