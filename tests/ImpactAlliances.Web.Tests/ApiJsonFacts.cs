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
        var page = new SearchJson("q", "q", [], [], false, false, 7, null, 7, 1, 20, "relevance", hits, new Dictionary<string, IReadOnlyList<FacetCount>>(),
            new YearsJson(null, null, true, 0), [], []);

        var expected = KeptAsWritten(page, "hits", hits, ApiJson.Default.IReadOnlyListHitJson);

        Assert.Contains("\"snippet\":null", expected);
        Assert.Contains("\"title\":\"Un autre titre\"", expected);
        Assert.Contains("\"label\":\"Provence-Alpes-Côte d\\u0027Azur\"", expected);
        Assert.Contains("\"year\":2020", expected);
    }

    [Fact]
    public void A_hit_that_differs_from_the_kept_one_in_any_property_but_its_snippet_is_written_as_it_is()
    {
        IReadOnlyDictionary<string, IReadOnlyList<FacetLabel>> facets = new Dictionary<string, IReadOnlyList<FacetLabel>> { ["domains"] = [new("sante", "Santé")] };
        var hit = new HitJson("un-cas", "Un cas", "Un résumé", null, "/exemples/un-cas", new DateOnly(2026, 1, 1), 2020, ["Une association"], facets);
        var constructor = typeof(HitJson).GetConstructors().Single(c => c.GetParameters().Length > 1);
        // Every property of the record, found by reflection, so that one added later is changed here too; the facets are the
        // key the hit's JSON is kept by, changed with the case.
        var changed = typeof(HitJson).GetProperties()
            .Where(p => p.Name is not (nameof(HitJson.Snippet) or nameof(HitJson.Facets) or "EqualityContract"))
            .Select(p => (HitJson)constructor.Invoke(constructor.GetParameters()
                .Select(a => string.Equals(a.Name, p.Name, StringComparison.OrdinalIgnoreCase) ? Other(p.GetValue(hit)) : typeof(HitJson).GetProperty(a.Name![..1].ToUpperInvariant() + a.Name[1..])!.GetValue(hit))
                .ToArray()))
            .ToList();
        // Each changed hit comes after the kept one, and the kept one after it: each is compared with the other.
        IReadOnlyList<HitJson> hits = [hit, .. changed.SelectMany(c => new[] { c with { Snippet = "<mark>cas</mark>" }, hit, c, hit with { Snippet = "<mark>un</mark>" } })];
        var page = new SearchJson("q", "q", [], [], false, false, 7, null, 7, 1, 20, "relevance", hits, new Dictionary<string, IReadOnlyList<FacetCount>>(),
            new YearsJson(null, null, true, 0), [], []);

        KeptAsWritten(page, "hits", hits, ApiJson.Default.IReadOnlyListHitJson);
        // Each hit differs from the kept one (the record's equality reads every property): a property the constructor does
        // not set, left as it was, fails here by its hit.
        Assert.NotEmpty(changed);
        Assert.All(changed, c => Assert.NotEqual(hit, c));
    }

    /// <summary>A value of the same type, different.</summary>
    private static object? Other(object? value) => value switch
    {
        string text => text + " autre",
        DateOnly date => date.AddDays(1),
        int year => year + 1,
        IReadOnlyList<string> names => names.Append("Une autre association").ToList(),
        _ => throw new InvalidOperationException($"no other value of {value?.GetType()} written here: add one"),
    };

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
        var page = new SearchJson("q", "q", [], [], false, false, 7, null, 7, 1, 20, "relevance", [], facets, new YearsJson(null, null, true, 0), [], []);

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
