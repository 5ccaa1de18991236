using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Web.Search;

namespace ImpactAlliances.Web.Tests;

/// <summary>French typography of the pages' dates, numbers and quotations, written in one place (<see cref="Formats"/>).</summary>
public sealed class FormatsFacts
{
    private static readonly Taxonomy Taxonomy = TaxonomyReader.Read(RepositoryPaths.Resolve("content/taxonomy.yml"), [])!;

    [Theory]
    [InlineData(2026, 12, 1, "1er décembre 2026")]
    [InlineData(2027, 1, 1, "1er janvier 2027")]
    [InlineData(2026, 12, 2, "2 décembre 2026")]
    [InlineData(2026, 11, 21, "21 novembre 2026")]
    [InlineData(2026, 10, 31, "31 octobre 2026")]
    public void The_first_day_of_a_month_is_written_1er(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, Formats.Date(new DateOnly(year, month, day)));
    }

    [Fact]
    public void A_citation_writes_the_first_of_a_month_as_1er_for_the_update_and_the_access()
    {
        var c = new CaseStudy
        {
            Slug = "x", Title = "Titre", Summary = "Résumé.", Actors = ["association"], Organisations = [new("A", "association")],
            Domains = ["mobilite"], PartnershipType = "mecenat", Territory = new("local", ["bretagne"], null),
            Sources = [new("Source", "https://example.org/")], Updated = new DateOnly(2026, 12, 1), Body = "",
        };

        var citation = CaseCitation.Of(c, Taxonomy, "https://example.org/exemples/x", null, null, new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));

        Assert.StartsWith("Impact Alliances. (1er décembre 2026). Titre.", citation.French);
        Assert.Contains("Consulté le 1er mars 2027, à l'adresse", citation.French);
    }

    [Fact]
    public void A_case_s_csl_json_names_the_content_version_and_writes_its_apostrophes()
    {
        // The French reference and the BibTeX named the version read; the CSL-JSON a reference manager keeps did not,
        // and wrote « l\u0027État ».
        var c = new CaseStudy
        {
            Slug = "x", Title = "L'État et l'association", Summary = "Résumé d'un cas.", Actors = ["association"], Organisations = [new("A", "association")],
            Domains = ["mobilite"], PartnershipType = "mecenat", Territory = new("local", ["bretagne"], null),
            Sources = [new("Source", "https://example.org/")], Updated = new DateOnly(2026, 12, 1), Body = "",
        };

        var citation = CaseCitation.Of(c, Taxonomy, "https://example.org/exemples/x", "0123456789abcdef0123", null, new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));

        Assert.Contains("\"note\": \"Version du contenu : 0123456789ab\"", citation.CslJson);
        Assert.Contains("note = {Version du contenu : 0123456789ab}", citation.BibTex);
        Assert.Contains("\"title\": \"L'État et l'association\"", citation.CslJson);
        Assert.DoesNotContain("\\u0027", citation.CslJson);
    }

    [Fact]
    public void A_case_s_csl_json_keywords_are_the_french_labels_of_its_domains_and_partnership_type()
    {
        // A reference manager shows the keywords to people: they were the slugs, « emploi-insertion, innovation-societale ».
        var c = new CaseStudy
        {
            Slug = "x", Title = "Titre", Summary = "Résumé.", Actors = ["association"], Organisations = [new("A", "association")],
            Domains = ["mobilite", "emploi-insertion"], PartnershipType = "innovation-societale", Territory = new("local", ["bretagne"], null),
            Sources = [new("Source", "https://example.org/")], Updated = new DateOnly(2026, 12, 1), Body = "",
        };

        var citation = CaseCitation.Of(c, Taxonomy, "https://example.org/exemples/x", null, null, new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));

        Assert.Contains("\"keyword\": \"Mobilité, Emploi et insertion, Innovation sociétale\"", citation.CslJson);
    }

    [Theory]
    [InlineData(1, "1 exemple")]
    [InlineData(2, "2 exemples")]
    [InlineData(999, "999 exemples")]
    [InlineData(1154, "1\u202F154 exemples")]
    public void Counts_set_thousands_apart_with_a_narrow_no_break_space(int count, string expected)
    {
        Assert.Equal(expected, Formats.Cases(count));
    }

    [Theory]
    [InlineData(1, 20, "5,0\u00A0%")]
    [InlineData(3, 70, "4,3\u00A0%")]
    [InlineData(70, 70, "100,0\u00A0%")]
    [InlineData(1, 400, "0,3\u00A0%")]
    public void A_share_always_has_one_decimal(int count, int total, string expected)
    {
        Assert.Equal(expected, Formats.Share(count, total));
    }

    [Fact]
    public void A_quoted_query_holds_its_guillemets_with_narrow_no_break_spaces()
    {
        Assert.Equal("«\u202Finsertion des jeunes\u202F»", Formats.Quoted("insertion des jeunes"));
    }
}
