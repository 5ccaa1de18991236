using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Indexing;

/// <summary>A case as the index keeps it for its page: the front matter, the safe HTML body (<see cref="Rendering.MarkdownRenderer"/>) and the file's git history.</summary>
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

/// <summary>
/// The JSON form of cases in the index: keys as in the front matter (snake_case), written and read by
/// serializers generated at build time, not by reflection (a build writes three values per case). The API has
/// its own contract (ImpactAlliances.Web's ApiJson), so that either format can change without the other.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IndexedCase))]
[JsonSerializable(typeof(CaseStudy))]
[JsonSerializable(typeof(HitDisplay))]
internal sealed partial class StoredJson : JsonSerializerContext
{
    /// <summary>
    /// The serializers a build writes with and a site reads with. The index's JSON is only ever read back by them, never
    /// copied into a page or a response, so it escapes only what JSON itself must (quotes, backslashes, control
    /// characters): the default escaping wrote each accented letter as six bytes (« \u00E9 ») and each &lt; of the
    /// stored HTML as six more, which the build then escaped, compressed and wrote (BENCHMARKS.md, thirty-second session).
    /// </summary>
    public static StoredJson Index { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
