using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>A few cases placed in communes, indexed once for <see cref="CommuneSuggestionFacts"/>.</summary>
public sealed class CommuneCorpus : IDisposable
{
    public static readonly IReadOnlyList<FixtureCase> Cases =
    [
        Placed("emploi-jeunes-quartiers-nord", "Emploi des jeunes dans les quartiers nord", "provence-alpes-cote-d-azur", "Marseille (Bouches-du-Rhône)"),
        Placed("cantine-solidaire", "Cantine solidaire", "provence-alpes-cote-d-azur", "Marseille"),
        Placed("atelier-velo", "Atelier vélo partagé", "auvergne-rhone-alpes", "Saint-Étienne (Loire)"),
        Placed("vignes-insertion", "Vignes et insertion", "occitanie", "Marsillargues (Hérault)"),
        // Marseillan is named by an organisation, but no case is placed there.
        Placed("etang-de-thau", "Pêcheurs de l'étang", "occitanie", "Sète (Hérault)", organisation: "Mairie de Marseillan"),
        Placed("jardins-partages", "Jardins partagés", "ile-de-france", "Saint-Denis (Seine-Saint-Denis)"),
        Placed("recifs-coralliens", "Récifs coralliens", "la-reunion", "Saint-Denis (La Réunion)"),
        // Paris is a département too, suggested as such.
        Placed("bibliotheque-hors-les-murs", "Bibliothèque hors les murs", "ile-de-france", "Paris (Paris)"),
        Placed("marseille-solidarites", "Marseille Solidarités : un réseau d'entraide", null, null),
    ];

    private static FixtureCase Placed(string slug, string title, string? region, string? place, string organisation = "Collectif local") =>
        new(slug, title, [($"Association {title}", "association"), (organisation, "collectivite")], ["emploi-insertion"], "cooperation-economique",
            region is null ? "national" : "local", region is null ? [] : [region], "2026-01-10", $"Le cas {title}.", Place: place);

    public SearchFixture Fixture { get; } = new(Cases, "");

    public void Dispose() => Fixture.Dispose();
}

/// <summary>
/// The communes where cases are placed are suggested as you type, alone or after other words (« emploi des jeunes à Mars »:
/// Marseille), with the number of cases placed in each, not in its département.
/// </summary>
public sealed class CommuneSuggestionFacts(CommuneCorpus corpus) : IClassFixture<CommuneCorpus>
{
    private IReadOnlyList<Suggestion> Suggest(string typed) => corpus.Fixture.Searcher.Suggest(typed);

    private static Suggestion Commune(IEnumerable<Suggestion> suggestions, string name) =>
        suggestions.First(s => s.Kind == SuggestionKind.Commune && s.Label == name);

    [Fact]
    public void A_commune_typed_alone_is_suggested_with_the_cases_placed_in_it_first_by_count()
    {
        var suggestions = Suggest("Mars");

        Assert.Equal(
            [(SuggestionKind.Commune, "Marseille"), (SuggestionKind.Commune, "Marsillargues")],
            suggestions.Take(2).Select(s => (s.Kind, s.Label)));
        var marseille = suggestions[0];
        Assert.Equal(CommuneCorpus.Cases.Count(c => c.Place?.StartsWith("Marseille", StringComparison.Ordinal) == true), marseille.Count);
        Assert.Equal(("13055", "", null), (marseille.Key, marseille.Remainder, marseille.Within));
        Assert.Contains(suggestions, s => s is { Kind: SuggestionKind.Case, Label: "Marseille Solidarités : un réseau d'entraide" });
    }

    [Theory]
    [InlineData("emploi des jeunes à Mars", "emploi des jeunes à", "Marseille")]
    [InlineData("emploi des jeunes en Mars", "emploi des jeunes en", "Marseille")]
    [InlineData("emploi des jeunes Marsei", "emploi des jeunes", "Marseille")]
    [InlineData("vélo à Saint-Ét", "vélo à", "Saint-Étienne")]
    [InlineData("vélo à saint etienne", "vélo à", "Saint-Étienne")]
    public void A_commune_completes_the_last_words_after_other_words_and_keeps_them(string typed, string remainder, string commune)
    {
        var first = Suggest(typed).First(s => s.Kind == SuggestionKind.Commune);

        Assert.Equal((commune, remainder), (first.Label, first.Remainder));
    }

    [Fact]
    public void After_a_linking_word_only_communes_and_facet_values_complete_the_last_word()
    {
        var suggestions = Suggest("emploi des jeunes à Mars");

        Assert.Equal(["Marseille", "Marsillargues"], suggestions.Where(s => s.Kind == SuggestionKind.Commune).Select(s => s.Label));
        Assert.DoesNotContain(suggestions, s => s.Remainder.Length > 0 && s.Kind is SuggestionKind.Case or SuggestionKind.Organisation);
    }

    [Theory]
    [InlineData("saint-etienne")]
    [InlineData("SAINT ETIEN")]
    [InlineData("saint-Étienne")]
    public void A_commune_is_found_whatever_its_accents_and_capitals(string typed)
    {
        Assert.Equal(1, Commune(Suggest(typed), "Saint-Étienne").Count);
    }

    [Fact]
    public void A_commune_where_no_case_is_placed_is_not_suggested()
    {
        var suggestions = Suggest("Marseil");

        Assert.DoesNotContain(suggestions, s => s is { Kind: SuggestionKind.Commune, Label: "Marseillan" });
        Assert.Contains(suggestions, s => s is { Kind: SuggestionKind.Organisation, Label: "Mairie de Marseillan" });
    }

    [Fact]
    public void Communes_of_the_same_name_are_told_apart_by_their_departement()
    {
        var communes = Suggest("Saint-Den").Where(s => s.Kind == SuggestionKind.Commune).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();

        Assert.Equal([("93066", "Seine-Saint-Denis", 1), ("97411", "La Réunion", 1)], communes.Select(s => (s.Key, s.Within, s.Count)));
        Assert.Null(Commune(Suggest("Sète"), "Sète").Within);
    }

    [Fact]
    public void A_commune_that_is_also_its_departement_is_suggested_as_the_departement()
    {
        var suggestions = Suggest("Paris");

        Assert.Contains(suggestions, s => s is { Kind: SuggestionKind.Facet, Key: "departments", Value: "75", Count: 1 });
        Assert.DoesNotContain(suggestions, s => s.Kind == SuggestionKind.Commune);
    }
}
