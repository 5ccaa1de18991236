using ImpactAlliances.Core.Content;

namespace ImpactAlliances.Core.Tests.Content;

public sealed class CaseStudyRulesFacts
{
    [Theory]
    [InlineData("Wimoov et Renault : une offre de mobilité solidaire", "wimoov-et-renault-une-offre-de-mobilite-solidaire")]
    [InlineData("L'Œuvre d'Orient à Saint-Étienne", "l-oeuvre-d-orient-a-saint-etienne")]
    [InlineData("  Énergie « citoyenne » !  ", "energie-citoyenne")]
    [InlineData("???", "")]
    public void A_title_gives_a_valid_slug(string title, string slug)
    {
        Assert.Equal(slug, CaseStudyRules.SlugFromTitle(title));
        Assert.True(slug.Length == 0 || CaseStudyRules.IsValidSlug(slug));
    }

    [Fact]
    public void A_cut_does_not_end_on_an_elided_article()
    {
        Assert.Equal("les-jardins-de-cocagne-et-la-ville-de-besancon-maraichage",
            CaseStudyRules.SlugFromTitle("Les Jardins de Cocagne et la Ville de Besançon : maraîchage d'insertion"));
    }

    [Fact]
    public void A_long_title_is_cut_at_a_word()
    {
        var slug = CaseStudyRules.SlugFromTitle("La Fédération des entreprises de propreté accompagne ses adhérents dans une démarche de responsabilité sociétale");

        Assert.Equal("la-federation-des-entreprises-de-proprete-accompagne", slug);
        Assert.True(CaseStudyRules.IsValidSlug(slug));
    }

    [Theory]
    [InlineData("Le Secours populaire et la mairie de Brest ensemble pour la distribution alimentaire", "le-secours-populaire-et-la-mairie-de-brest-ensemble")]
    [InlineData("Banques alimentaires et grande distribution, une alliance durable pour les familles", "banques-alimentaires-et-grande-distribution-une-alliance")]
    [InlineData("Vélo-école : quartiers", "velo-ecole-quartiers")]
    [InlineData("De la ville et de", "de-la-ville")]
    [InlineData("Pour", "pour")]
    public void A_slug_ends_on_a_whole_meaningful_word_within_60_characters(string title, string slug)
    {
        Assert.Equal(slug, CaseStudyRules.SlugFromTitle(title));
        Assert.True(slug.Length <= CaseStudyRules.ReadableSlugLength);
    }

    [Fact]
    public void A_single_word_longer_than_the_limit_is_cut_rather_than_lost()
    {
        var slug = CaseStudyRules.SlugFromTitle(new string('a', 75));

        Assert.Equal(new string('a', CaseStudyRules.ReadableSlugLength), slug);
    }

    [Theory]
    [InlineData("wimoov-renault", true)]
    [InlineData("Wimoov", false)]
    [InlineData("mobilité", false)]
    [InlineData("double--tiret", false)]
    [InlineData("-debut", false)]
    [InlineData("avec espace", false)]
    public void Slugs_are_lowercase_ascii_words_joined_by_single_hyphens(string slug, bool valid)
    {
        Assert.Equal(valid, CaseStudyRules.IsValidSlug(slug));
    }
}
