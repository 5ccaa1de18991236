using System.Text.Json;
using System.Text.Json.Serialization;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Indexing;

/// <summary>A case as the index keeps it for its page: the front matter, the sanitized HTML body and the file's git history.</summary>
public sealed record IndexedCase(CaseStudy Case, string Html, IReadOnlyList<HistoryEntry> History);

/// <summary>What a result list shows of a hit, kept in doc values so that it loads cheaply.</summary>
public sealed record HitDisplay(
    string Slug,
    string Title,
    string Summary,
    DateOnly Updated,
    int? Year,
    IReadOnlyList<string> Organisations,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facets);

/// <summary>The JSON form of cases, in the index and in the API: keys as in the front matter (snake_case).</summary>
public static class CaseJson
{
    /// <summary>Shared, immutable serializer options.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
