using ImpactAlliances.Core.Places;

namespace ImpactAlliances.Core.Tests.Places;

public sealed class PlaceResolverFacts
{
    private static readonly PlaceGazetteer Places = PlaceGazetteer.Official;

    [Theory]
    [InlineData("Rennes (Ille-et-Vilaine)", PlaceKind.Commune, "35238", "bretagne")]
    [InlineData("Saint-Denis (La Réunion)", PlaceKind.Commune, "97411", "la-reunion")]
    [InlineData("Saint-Denis (93)", PlaceKind.Commune, "93066", "ile-de-france")]
    [InlineData("Lille (59)", PlaceKind.Commune, "59350", "hauts-de-france")]
    [InlineData("Finistère", PlaceKind.Department, "29", "bretagne")]
    [InlineData("département du Rhône", PlaceKind.Department, "69", "auvergne-rhone-alpes")]
    [InlineData("2A", PlaceKind.Department, "2A", "corse")]
    [InlineData("Provence-Alpes-Côte d'Azur", PlaceKind.Region, "93", "provence-alpes-cote-d-azur")]
    [InlineData("Midi-Pyrénées", PlaceKind.Region, "76", "occitanie")]
    [InlineData("Nord-Pas-de-Calais", PlaceKind.Region, "32", "hauts-de-france")]
    [InlineData("St-Denis (93)", PlaceKind.Commune, "93066", "ile-de-france")]
    [InlineData("Ste-Foy-lès-Lyon", PlaceKind.Commune, "69202", "auvergne-rhone-alpes")]
    [InlineData("St Étienne", PlaceKind.Commune, "42218", "auvergne-rhone-alpes")]
    [InlineData("St. Étienne-du-Rouvray", PlaceKind.Commune, "76575", "normandie")]
    public void A_place_resolves_to_the_official_split(string text, PlaceKind kind, string code, string region)
    {
        var place = Assert.Single(PlaceResolver.Resolve(text, Places).Places);

        Assert.Equal((kind, code, region), (place.Kind, place.Code, place.Region));
    }

    [Fact]
    public void Several_places_are_read_and_a_homonym_takes_the_case_region()
    {
        var resolution = PlaceResolver.Resolve("Roubaix (Nord), Lille et Saint-Denis", Places, ["ile-de-france"]);

        Assert.Equal(["59512", "59350", "93066"], resolution.Places.Select(p => p.Code));
        Assert.Empty(resolution.Unknown);
    }

    [Fact]
    public void An_unknown_place_comes_with_the_closest_official_name()
    {
        var resolution = PlaceResolver.Resolve("Renes (Ille-et-Vilaine), Marais poitevin", Places);

        Assert.Equal([("Renes (Ille-et-Vilaine)", (string?)"Rennes"), ("Marais poitevin", null)], resolution.Unknown);
    }

    [Fact]
    public void A_commune_is_indexed_under_its_departement_and_region_too()
    {
        var rennes = PlaceResolver.Resolve("Rennes (Ille-et-Vilaine)", Places).Places[0];

        Assert.Equal(["c:35238", "d:35", "r:bretagne"], rennes.IndexCodes());
    }

    [Fact]
    public void A_former_region_means_its_own_departements_first_then_the_region_it_joined()
    {
        var place = Assert.Single(Places.Named("Haute-Normandie"));

        Assert.Equal([("d:27", 0), ("d:76", 0), ("r:normandie", 1)], place.LevelledCodes());
    }

    [Theory]
    [InlineData("Antilles", new[] { "guadeloupe", "martinique" })]
    [InlineData("région parisienne", new[] { "ile-de-france" })]
    [InlineData("DOM", new[] { "guadeloupe", "martinique", "guyane", "la-reunion", "mayotte" })]
    [InlineData("outre-mer", new[]
    {
        "guadeloupe", "martinique", "guyane", "la-reunion", "mayotte", "saint-pierre-et-miquelon", "saint-barthelemy", "saint-martin",
        "terres-australes-et-antarctiques-francaises", "wallis-et-futuna", "polynesie-francaise", "nouvelle-caledonie", "ile-de-clipperton",
    })]
    public void A_name_in_common_use_stands_for_its_regions(string name, string[] regions)
    {
        Assert.Equal(regions.Order(), Places.Named(name).Select(p => p.Region).Order());
    }

    [Fact]
    public void The_data_names_its_source_and_holds_every_level()
    {
        Assert.StartsWith("Découpage administratif de la France : @etalab/decoupage-administratif", Places.SourceVersion, StringComparison.Ordinal);
        Assert.True(Places.Places.Count(p => p.Kind == PlaceKind.Department) >= 101);
        Assert.True(Places.Places.Count(p => p.Kind == PlaceKind.Commune) > 34_000);
    }
}
