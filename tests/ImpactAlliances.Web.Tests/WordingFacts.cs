using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Search;

namespace ImpactAlliances.Web.Tests;

public sealed class WordingFacts
{
    [Theory]
    [InlineData(0, 1, "Cet exemple a une année de début.")]
    [InlineData(0, 4, "Tous ces exemples ont une année de début.")]
    [InlineData(1, 1, "Cet exemple n'a pas d'année de début connue.")]
    [InlineData(1, 4, "1 exemple de cette recherche n'a pas d'année de début connue.")]
    [InlineData(3, 4, "3 exemples de cette recherche n'ont pas d'année de début connue.")]
    public void The_year_box_speaks_of_one_result_as_one(int undated, int counted, string expected) =>
        Assert.Equal(expected, Wording.UndatedNote(undated, counted));

    [Theory]
    [InlineData(1, "cet exemple")]
    [InlineData(2, "ces 2 exemples")]
    public void The_results_are_these_or_this_one(int count, string expected) => Assert.Equal(expected, Wording.These(count));

    [Theory]
    [InlineData(false, "Expression · 24 exemples")]
    [InlineData(true, "Expression · environ 24 exemples")]
    public void A_phrase_counted_on_some_of_the_cases_says_its_count_is_an_estimate(bool estimated, string expected) =>
        Assert.Equal(expected, Wording.SuggestionDetail(
            new Suggestion(SuggestionKind.Phrase, "mécénat de compétences", null, 24, "mécénat de compétences", null) { Estimated = estimated }));

    [Fact]
    public void A_word_typed_twice_and_corrected_twice_is_named_once()
    {
        // « sevices et sevices » said « « sevices » corrigé en « services », « sevices » en « services ». »
        Correction[] corrections = [new("sevices", "services"), new("sevices", "services"), new("Marseile", "Marseille")];

        Assert.Equal($"{Formats.Quoted("sevices")} corrigé en {Formats.Quoted("services")}, {Formats.Quoted("Marseile")} en {Formats.Quoted("Marseille")}.",
            Wording.Corrected(corrections));
    }

    [Fact]
    public void Shared_values_are_named_and_another_region_is_said()
    {
        var source = Facets(("domains", "mobilite", "Mobilité"), ("actors", "association", "Association"), ("actors", "entreprise", "Entreprise"), ("regions", "bretagne", "Bretagne"));
        var other = Facets(("domains", "mobilite", "Mobilité"), ("actors", "entreprise", "Entreprise"), ("actors", "association", "Association"), ("regions", "occitanie", "Occitanie"));

        Assert.Equal("Même domaine (Mobilité) et mêmes types d'acteurs, autre région", Wording.RelatedReason(Affinity.Between(source, other)));
    }

    [Fact]
    public void Common_domains_type_and_region_are_listed_with_their_labels()
    {
        var source = Facets(("domains", "mobilite", "Mobilité"), ("domains", "emploi-insertion", "Emploi"), ("partnership_types", "mecenat", "Mécénat"),
            ("actors", "association", "Association"), ("regions", "bretagne", "Bretagne"));
        var other = Facets(("domains", "emploi-insertion", "Emploi"), ("domains", "mobilite", "Mobilité"), ("partnership_types", "mecenat", "Mécénat"),
            ("actors", "fondation", "Fondation"), ("regions", "bretagne", "Bretagne"));

        Assert.Equal("Mêmes domaines (Mobilité, Emploi) et même type de partenariat (Mécénat), même région (Bretagne)",
            Wording.RelatedReason(Affinity.Between(source, other)));
    }

    [Fact]
    public void With_nothing_shared_the_text_is_the_reason()
    {
        Assert.Equal("Contenu proche", Wording.RelatedReason(Affinity.Between(Facets(("domains", "sante", "Santé")), Facets(("domains", "logement", "Logement")))));
    }

    [Theory]
    [InlineData("regions", "Régions", "Régions")]
    [InlineData(FilterRemoval.Years, null, "Années")]
    [InlineData(FilterRemoval.All, null, "tous les filtres")]
    public void A_filter_removal_is_labelled_by_its_facet_or_in_words(string key, string? label, string expected)
    {
        Assert.Equal(expected, Wording.FilterLabel(new FilterRemoval(key, label, [], 3)));
    }

    [Theory]
    [InlineData("acteurs", "d'acteurs")]
    [InlineData("échelles", "d'échelles")]
    [InlineData("objectifs de développement durable", "d'objectifs de développement durable")]
    [InlineData("régions", "de régions")]
    [InlineData("types de partenariat", "de types de partenariat")]
    [InlineData("hameaux", "de hameaux")]
    public void De_is_elided_before_a_vowel(string word, string expected)
    {
        Assert.Equal(expected, Wording.Of(word));
    }

    private static Dictionary<string, IReadOnlyList<FacetLabel>> Facets(params (string Key, string Value, string Label)[] values) =>
        CaseStudySchema.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<FacetLabel>)values.Where(v => v.Key == f.Key).Select(v => new FacetLabel(v.Value, v.Label)).ToList());
}
