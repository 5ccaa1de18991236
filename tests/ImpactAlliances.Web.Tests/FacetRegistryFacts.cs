using System.Text.Json;
using System.Text.RegularExpressions;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Web.Tests;

/// <summary>
/// Each facet of the registry (<see cref="CaseStudySchema.Facets"/>) is served everywhere it is named: the taxonomy,
/// the case files' front matter, the index and the API parameters; a facet added in one place only fails here.
/// </summary>
public sealed class FacetRegistryFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    public static TheoryData<string> Keys => new(CaseStudySchema.Facets.Select(f => f.Key));

    private Taxonomy ContentTaxonomy()
    {
        var diagnostics = new List<ContentDiagnostic>();
        var taxonomy = TaxonomyReader.Read(Path.Combine(site.ContentPath, "taxonomy.yml"), diagnostics);
        Assert.Empty(diagnostics);
        return taxonomy!;
    }

    [Fact]
    public void The_taxonomy_has_the_facets_of_the_registry_and_no_other_but_the_sdg_labels()
    {
        var content = ContentTaxonomy();
        var search = SearchTaxonomy.Of(content, PlaceGazetteer.Official);

        // The facets the site derives are there too, with their label only: their values come from the places.
        Assert.Equal(CaseStudySchema.Facets.Select(f => f.Key).Append("sdgs").Order(), content.Facets.Select(f => f.Key).Order());
        Assert.All(CaseStudySchema.Facets.Where(f => f.FrontMatterKey is null), f => Assert.Empty(content[f.Key].Values));
        Assert.Equal(CaseStudySchema.Facets.Select(f => f.Key).Append("sdgs").Order(), search.Facets.Select(f => f.Key).Order());
        Assert.All(CaseStudySchema.Facets, f => Assert.NotEmpty(search[f.Key].Values));
    }

    [Fact]
    public void Each_facet_case_files_write_is_read_under_its_front_matter_key_and_checked_against_its_taxonomy_facet()
    {
        var content = ContentTaxonomy();
        // A valid case with a value in every facet it writes (this one lists no region of its own).
        var text = File.ReadAllText(Path.Combine(site.ContentPath, "cases", "wimoov-renault-mobilite-solidaire.md"))
            .Replace("  regions: []\n", "  regions: [bretagne]\n", StringComparison.Ordinal);
        Assert.Contains("regions: [bretagne]", text);

        foreach (var facet in CaseStudySchema.Facets.Where(f => f.FrontMatterKey is not null))
        {
            // The facet emptied of its values: every value the case gives it becomes unknown, named by its key.
            var emptied = new Taxonomy(content.Facets.Select(f => f.Key == facet.Key ? new TaxonomyFacet(f.Key, f.Label, null, [], []) : f));
            var diagnostics = new List<ContentDiagnostic>();

            new CaseStudyReader(emptied, new DateOnly(2100, 1, 1)).Parse("cas.md", "cas", text, diagnostics);

            Assert.Contains(diagnostics, d => Regex.IsMatch(d.Message, $"^valeur inconnue « [^»]+ » dans (territory\\.)?{Regex.Escape(facet.FrontMatterKey!)} ;"));
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Each_facet_is_counted_from_the_index_and_filtered_by_its_api_parameter(string key)
    {
        var all = await GetJson("/api/search?size=1");
        var top = all.GetProperty("facets").GetProperty(key).EnumerateArray().MaxBy(v => v.GetProperty("count").GetInt32());
        var value = top.GetProperty("value").GetString()!;
        Assert.True(top.GetProperty("count").GetInt32() > 0, key);

        var filtered = await GetJson($"/api/search?size=1&{key}={Uri.EscapeDataString(value)}");

        Assert.Equal(top.GetProperty("count").GetInt32(), filtered.GetProperty("total").GetInt32());
        Assert.Contains(filtered.GetProperty("facets").GetProperty(key).EnumerateArray(),
            v => v.GetProperty("value").GetString() == value && v.GetProperty("selected").GetBoolean());
    }

    private async Task<JsonElement> GetJson(string url) => JsonDocument.Parse(await _client.GetStringAsync(url)).RootElement;
}
