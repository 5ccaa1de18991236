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
    public void Hits_written_from_their_kept_copies_are_the_bytes_the_serializer_writes()
    {
        IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> facets = new Dictionary<string, IReadOnlyList<FacetLabel>>
        {
            ["domains"] = [new("mobilite", "Mobilité"), new("sante", "Santé & <soins>")],
            ["regions"] = [new("provence-alpes-cote-d-azur", "Provence-Alpes-Côte d'Azur")],
            ["statuses"] = [],
        };
        IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> others = new Dictionary<string, IReadOnlyList<FacetLabel>> { ["domains"] = [] };
        var hit = new HitJson("un-cas", "Un cas « snippet »", "Résumé d'un \"cas\"", null, "/exemples/un-cas", new DateOnly(2026, 1, 1), 2020, ["Une association"], facets);
        var other = new HitJson("autre", "Autre", "", null, "/exemples/autre", new DateOnly(2025, 12, 31), null, [], others);
        // The same case with and without a snippet, twice (made, then kept), and a hit that only shares its labels.
        IReadOnlyList<HitJson> hits =
        [
            hit,
            hit with { Snippet = "…la <mark>mobilité</mark> « solidaire » d'un \"quartier\" \\ \u2028" },
            other with { Snippet = "<mark>autre</mark>" },
            hit,
            hit with { Snippet = "" },
            hit with { Title = "Un autre titre", Snippet = "<mark>titre</mark>" },
            other,
        ];
        var page = new SearchJson("q", "q", [], false, 7, null, 7, 1, 20, "relevance", hits, new Dictionary<string, IReadOnlyList<FacetCount>>(),
            new YearsJson(null, null, true, 0), [], []);

        var expected = KeptAsWritten(page, "hits", hits, ApiJson.Default.IReadOnlyListHitJson);

        Assert.Contains("\"snippet\":null", expected);
        Assert.Contains("\"title\":\"Un autre titre\"", expected);
        Assert.Contains("\"label\":\"Provence-Alpes-Côte d\\u0027Azur\"", expected);
        Assert.Contains("\"year\":2020", expected);
    }

    [Fact]
    public void Facet_counts_written_from_their_kept_copies_are_the_bytes_the_serializer_writes()
    {
        var label = "Santé & <soins> d'abord";
        IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> facets = new Dictionary<string, IReadOnlyList<FacetCount>>
        {
            ["domains"] = [new("sante", label, 1234567, true), new("mobilite", "Mobilité", 0, false)],
            // The same label for another value (kept for the first), a count made again, a facet with none.
            ["regions"] = [new("autre", label, 3, false), new("sante", label, 12, false)],
            ["statuses"] = [],
        };
        var page = new SearchJson("q", "q", [], false, 7, null, 7, 1, 20, "relevance", [], facets, new YearsJson(null, null, true, 0), [], []);

        var expected = KeptAsWritten(page, "facets", facets, ApiJson.Default.IReadOnlyDictionaryStringIReadOnlyListFacetCount);

        Assert.Contains("{\"value\":\"sante\",\"label\":\"Santé \\u0026 \\u003Csoins\\u003E d\\u0027abord\",\"count\":1234567,\"selected\":true}", expected);
        Assert.Contains("{\"value\":\"autre\",\"label\":\"Santé", expected);
        Assert.Contains("\"statuses\":[]", expected);
    }

    /// <summary>
    /// Writes a page twice (its part made, then kept) and checks that its <paramref name="property"/> is what the part's
    /// own serializer writes, the same both times; returns that JSON.
    /// </summary>
    private static string KeptAsWritten<T>(SearchJson page, string property, T part, JsonTypeInfo<T> typeInfo)
    {
        var expected = Write(part, typeInfo);
        var first = Write(page, ApiJson.Default.SearchJson);
        var second = Write(page, ApiJson.Default.SearchJson);

        using var document = JsonDocument.Parse(first);
        Assert.Equal(expected, document.RootElement.GetProperty(property).GetRawText());
        Assert.Equal(first, second);
        return expected;
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
