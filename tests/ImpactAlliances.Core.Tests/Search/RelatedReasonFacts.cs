using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

public sealed class RelatedReasonFacts
{
    [Fact]
    public void Shared_values_are_named_and_another_region_is_said()
    {
        var source = Facets(("domains", "mobilite", "Mobilité"), ("actors", "association", "Association"), ("actors", "entreprise", "Entreprise"), ("regions", "bretagne", "Bretagne"));
        var other = Facets(("domains", "mobilite", "Mobilité"), ("actors", "entreprise", "Entreprise"), ("actors", "association", "Association"), ("regions", "occitanie", "Occitanie"));

        Assert.Equal("Même domaine (Mobilité) et mêmes types d'acteurs, autre région", RelatedReason.Of(source, other));
    }

    [Fact]
    public void With_nothing_shared_the_text_is_the_reason()
    {
        Assert.Equal("Contenu proche", RelatedReason.Of(Facets(("domains", "sante", "Santé")), Facets(("domains", "logement", "Logement"))));
    }

    private static Dictionary<string, IReadOnlyList<FacetLabel>> Facets(params (string Key, string Value, string Label)[] values) =>
        CaseStudySchema.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<FacetLabel>)values.Where(v => v.Key == f.Key).Select(v => new FacetLabel(v.Value, v.Label)).ToList());
}
