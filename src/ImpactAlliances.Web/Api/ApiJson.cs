using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

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
internal sealed partial class ApiJson : JsonSerializerContext
{
    /// <summary>
    /// How every JSON the site writes escapes its strings: letters as they are, accents included (the default
    /// encoder writes « é » as « \u00E9 »: unreadable to a researcher reading an answer, six bytes for two, and
    /// about 5 % of an uncached search's CPU went to it); quotes and the characters HTML gives a meaning to still escaped.
    /// </summary>
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);
}

/// <summary>
/// A JSON answer written by the generated serializer straight into the response's pipe. <c>TypedResults.Json</c>
/// serializes asynchronously, and for answers larger than its buffer (a search page is 30 to 40 KB) that takes the
/// resumable path, which walks converters and copies stack frames instead of running the generated code: a sixth of
/// an uncached search's CPU in a profile (BENCHMARKS.md). The bytes are the same.
/// </summary>
internal sealed class JsonAnswer<T>(T value, JsonTypeInfo<T> typeInfo) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IValueHttpResult<T>
{
    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc />
    public string ContentType => "application/json; charset=utf-8";

    /// <inheritdoc />
    public T Value => value;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = ContentType;
        using (var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = ApiJson.Encoder, Indented = typeInfo.Options.WriteIndented, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}

/// <summary>Makes <see cref="JsonAnswer{T}"/>s, their type read from the serializer's.</summary>
internal static class JsonAnswer
{
    public static JsonAnswer<T> Of<T>(T value, JsonTypeInfo<T> typeInfo) => new(value, typeInfo);
}

/// <summary>
/// Writes a hit's facet labels from JSON made once per case: the snapshot keeps each case's labels, so the same
/// dictionary comes back in every result list that holds the case, and escaping its forty-odd strings again for each
/// answer was about a twentieth of an uncached search's CPU (BENCHMARKS.md). The bytes are those the generated
/// serializer writes.
/// </summary>
internal sealed class KeptFacetLabelsConverter : JsonConverter<IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>>>
{
    // Keyed by the dictionary itself: it lives as long as the snapshot that made it, and its JSON with it.
    private static readonly ConditionalWeakTable<IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>>, byte[]> Kept = new();

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, ApiJson.Default.IReadOnlyDictionaryStringIReadOnlyListFacetLabel)!;

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> value, JsonSerializerOptions options) =>
        writer.WriteRawValue(Kept.GetValue(value, Serialize), skipInputValidation: true);

    private static byte[] Serialize(IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ApiJson.Encoder, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, value, ApiJson.Default.IReadOnlyDictionaryStringIReadOnlyListFacetLabel);
        }
        return buffer.WrittenSpan.ToArray();
    }
}
