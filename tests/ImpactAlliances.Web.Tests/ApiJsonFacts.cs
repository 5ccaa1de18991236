using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Api;

namespace ImpactAlliances.Web.Tests;

/// <summary>The API's JSON as its serializers write it, kept copies included.</summary>
public sealed class ApiJsonFacts
{
    [Fact]
    public void A_hits_facet_labels_written_from_their_kept_copy_are_the_bytes_the_serializer_writes()
    {
        IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> facets = new Dictionary<string, IReadOnlyList<FacetLabel>>
        {
            ["domains"] = [new("mobilite", "Mobilité"), new("sante", "Santé & <soins>")],
            ["regions"] = [new("provence-alpes-cote-d-azur", "Provence-Alpes-Côte d'Azur")],
            ["statuses"] = [],
        };
        var hit = new HitJson("un-cas", "Un cas", "Résumé", null, "/exemples/un-cas", new DateOnly(2026, 1, 1), 2020, ["Une association"], facets);

        var first = Write(hit, ApiJson.Default.HitJson);
        var second = Write(hit, ApiJson.Default.HitJson);

        using var document = JsonDocument.Parse(first);
        Assert.Equal(Write(facets, ApiJson.Default.IReadOnlyDictionaryStringIReadOnlyListFacetLabel), document.RootElement.GetProperty("facets").GetRawText());
        Assert.Equal(first, second);
        Assert.Contains("\"label\":\"Provence-Alpes-Côte d\\u0027Azur\"", first);
        Assert.Contains("\"year\":2020", first);
    }

    private static string Write<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = ApiJson.Encoder }))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
