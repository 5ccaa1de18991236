using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImpactAlliances.Core.Evaluation;

/// <summary>A judged query: what was typed, its kind (descriptive, place, acronym…), its filters, and each relevant case's grade (3 about it, 2 relevant, 1 marginal).</summary>
public sealed record JudgedQuery(
    string Id,
    string Kind,
    string Query,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters,
    IReadOnlyDictionary<string, int> Relevant);

/// <summary>The judged queries of a judgments file, and the cases they were judged against.</summary>
/// <param name="Description">What the set is and how it was judged.</param>
/// <param name="Queries">The judged queries.</param>
/// <param name="JudgedAgainst">
/// The slugs of the cases the judges read; a case added since is unjudged, so the set is scored on an
/// index of these cases alone (null: the whole content).
/// </param>
public sealed record RelevanceJudgments(string Description, IReadOnlyList<JudgedQuery> Queries, [property: JsonPropertyName("judged_against")] IReadOnlyList<string>? JudgedAgainst = null)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads a judgments file; one that is not JSON, or lacks its queries, ids or grades, is refused with its line.</summary>
    /// <exception cref="InvalidDataException">The file is malformed; the message, in French, says where.</exception>
    public static RelevanceJudgments Read(string path)
    {
        RelevanceJudgments? judgments;
        try
        {
            judgments = JsonSerializer.Deserialize<RelevanceJudgments>(File.ReadAllText(path), Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}:{(ex.LineNumber ?? 0) + 1}: fichier de jugements illisible : JSON mal formé ou d'une autre forme (colonne {(ex.BytePositionInLine ?? 0) + 1})", ex);
        }
        if (judgments?.Queries is null)
        {
            throw new InvalidDataException($"{path}:1: fichier de jugements sans liste « queries »");
        }
        for (var i = 0; i < judgments.Queries.Count; i++)
        {
            if (judgments.Queries[i] is not { Id.Length: > 0, Query: not null, Relevant: not null })
            {
                throw new InvalidDataException($"{path}:1: la requête n° {i + 1} de « queries » n'a pas d'« id », de « query » ou de « relevant »");
            }
        }
        // The kind only groups the figures: a query without one is counted under « sans type ».
        return judgments with { Queries = [.. judgments.Queries.Select(q => q.Kind is null ? q with { Kind = NoKind } : q)] };
    }

    /// <summary>The kind of a query whose file gives none.</summary>
    public const string NoKind = "sans type";
}

/// <summary>The floor one judged set must not fall below.</summary>
internal sealed record RelevanceFloor(
    [property: JsonPropertyName("ndcg_at_10")] double NdcgAt10,
    [property: JsonPropertyName("recall_at_10")] double RecallAt10,
    [property: JsonPropertyName("mrr")] double Mrr)
{
    /// <summary>Reads the floors of <c>tests/relevance/floor.json</c>, by set name.</summary>
    public static IReadOnlyDictionary<string, RelevanceFloor> Read(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, RelevanceFloor>>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: no floor");
}
