namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// An acronym no synonyms file lists, defined by one case (« Réseau des jardins partagés du Vexin (RJPV) »): a query of
/// the acronym finds the cases that only spell it out, and a query of the spelt-out form those that only write the
/// acronym, the query syntax around it kept.
/// </summary>
public sealed class MinedAcronymFacts : IClassFixture<MinedAcronymFacts.Corpus>
{
    private readonly SearchFixture _corpus;

    public MinedAcronymFacts(Corpus corpus) => _corpus = corpus.Fixture;

    [Fact]
    public void The_acronym_finds_the_cases_that_only_spell_it_out() =>
        Assert.Equal(["vexin-definit", "vexin-nom", "vexin-sigle"], Found("RJPV"));

    [Fact]
    public void The_spelt_out_form_finds_the_cases_that_only_write_the_acronym() =>
        Assert.Contains("vexin-sigle", Found("réseau des jardins partagés du Vexin"));

    [Fact]
    public void The_query_syntax_around_the_acronym_is_kept()
    {
        Assert.Contains("vexin-nom", Found("\"RJPV\""));
        Assert.Equal(["cuisine", "vexin-definit", "vexin-nom", "vexin-sigle"], Found("RJPV OU cuisine"));
        // An excluded acronym excludes its spelt-out form too, as a query of it finds it.
        Assert.Equal(["cuisine"], Found("jardins OU cuisine -RJPV"));
        Assert.Equal(["vexin-definit", "vexin-sigle"], Found("RJP*"));
    }

    [Fact]
    public void A_short_acronym_means_its_spelt_out_form_when_typed_in_capitals_and_is_a_word_in_lower_case()
    {
        Assert.Equal(["min-definit", "min-nom"], Found("MIN"));
        Assert.Equal(["min-definit"], Found("min"));
    }

    [Fact]
    public void An_acronym_nobody_defines_finds_only_itself() =>
        Assert.Equal(["cuisine"], Found("ABCD"));

    private string[] Found(string query) => SearchFixture.Slugs(_corpus.Search(query)).Order(StringComparer.Ordinal).ToArray();

    public sealed class Corpus : IDisposable
    {
        public SearchFixture Fixture { get; } = new(
        [
            Case("vexin-definit", "Des potagers partagés", "Le Réseau des jardins partagés du Vexin (RJPV) anime douze potagers."),
            Case("vexin-nom", "Des légumes pour tous", "Les bénévoles du réseau des jardins partagés du Vexin cultivent des légumes."),
            Case("vexin-sigle", "Des outils prêtés", "Le RJPV prête des outils aux écoles."),
            Case("cuisine", "Un atelier de cuisine", "Un atelier de cuisine pour les familles, avec l'ABCD."),
            Case("min-definit", "Des fruits sauvés", "Le marché d'intérêt national (MIN) donne ses invendus."),
            Case("min-nom", "Des grossistes solidaires", "Les grossistes du marché d'intérêt national livrent une épicerie."),
        ], "");

        public void Dispose() => Fixture.Dispose();

        private static FixtureCase Case(string slug, string title, string body) =>
            new(slug, title, [("Association " + title, "association"), ("Commune " + title, "collectivite")], ["lien-social"], "mecenat", "local",
                ["bretagne"], "2026-01-01", body);
    }
}
