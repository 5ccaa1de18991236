using System.Text.Json;
using System.Text.Json.Serialization;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Web.Api;

/// <summary>
/// The API's JSON contract: keys in snake_case, as in the front matter, written by serializers generated at
/// build time rather than by reflection. It is the API's own: the index keeps its stored cases with
/// its own generated serializers (Core.Indexing.StoredJson), so that either format can change without the other.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SearchJson))]
[JsonSerializable(typeof(SuggestJson))]
[JsonSerializable(typeof(CaseJsonBody))]
[JsonSerializable(typeof(CaseStudy))]
internal sealed partial class ApiJson : JsonSerializerContext;
