using System.Text.RegularExpressions;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// The taxonomy's terms in a query, on the real content: a term of a domain (« aide alimentaire », « sans-abri ») says less
/// than the domain, and the run that names it keeps its synonyms when a word the analysis drops follows it.
/// </summary>
public sealed class NarrowTermFacts(RealContentIndex content) : IClassFixture<RealContentIndex>
{
    /// <summary>
    /// « personnes âgées en » names what « personnes âgées » names (the taxonomy's key leaves « en » out), so the run that named
    /// the domain took three words where the synonyms' run took two, and the synonyms were dropped: « personnes âgées en Corse »
    /// did not search « aînés », the word the Corsican cases write.
    /// </summary>
    [Theory]
    [InlineData("personnes âgées en Corse", "aînés")]
    [InlineData("aide alimentaire dans le Nord-Pas-de-Calais", "épicerie")]
    [InlineData("insertion professionnelle en Loire-Atlantique", "retour")]
    public void A_name_followed_by_a_word_the_analysis_drops_keeps_its_synonyms(string question, string synonym)
    {
        var query = Build(question);

        // The synonym's term, alone or in its expression's phrase (« "epicer solidar" »).
        var term = Assert.Single(TermAnalysis.Terms(CaseStudySchema.CreateAnalyzer(), synonym));
        Assert.Matches($"[:\" ]{Regex.Escape(term)}[\" ^]", query);
    }

    /// <summary>
    /// « aide alimentaire » is a term of pauvreté-exclusion: every case of the domain weighed as if it held the term, so that the
    /// Secours populaire's housing project, whose title names the organisation, came first for a question on food aid.
    /// </summary>
    [Fact]
    public void A_term_narrower_than_its_domain_is_not_held_by_the_domain_alone()
    {
        var page = content.Served.Search(new SearchRequest { Query = "Secours populaire et aide alimentaire", Size = 5 });

        Assert.NotEqual("atelier-logement-solidaire-puy-de-dome-alternativ-hotel", page.Hits[0].Slug);
        Assert.Contains("épicerie sociale", page.Hits[0].Title, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A case of the domain without the term weighs <see cref="SearchQueryBuilder.DomainWithoutTerm"/>, unless the query names
    /// the domain by its label too: « la culture, le sport et les loisirs » asks for the whole of culture-loisirs, and its cases
    /// that do not say « sport » are meant.
    /// </summary>
    [Theory]
    [InlineData("accès au sport pour les personnes handicapées", "culture-loisirs", true)]
    [InlineData("la culture, le sport et les loisirs pour les personnes handicapées", "culture-loisirs", false)]
    [InlineData("aide alimentaire", "pauvrete-exclusion", true)]
    [InlineData("pauvreté et aide alimentaire", "pauvrete-exclusion", false)]
    public void A_domain_named_by_a_term_weighs_less_without_it_unless_its_label_is_named(string question, string domain, bool narrowed)
    {
        var query = Build(question);

        Assert.Contains($"domains:{domain}", query, StringComparison.Ordinal);
        Assert.Equal(narrowed, query.Contains(FormattableString.Invariant($"ConstantScore(domains:{domain})^{SearchQueryBuilder.DomainWithoutTerm:0.0}"), StringComparison.Ordinal));
    }

    /// <summary>
    /// A domain named by its label in one group and by one of its terms in another: the label's group answers the domain's
    /// tag, the term's group only the domain's cases holding its words, so that the tag is counted once. A label inside
    /// another name (« Pôle emploi ») names no group of the domain: the term's group still asks for the whole domain.
    /// </summary>
    [Theory]
    [InlineData("pauvreté et aide alimentaire", "pauvrete-exclusion", 1)]
    [InlineData("mobilisation citoyenne contre la pollution plastique", "pollution", 1)]
    [InlineData("logement et hébergement à Bordeaux", "logement", 1)]
    [InlineData("Pôle emploi et recrutement local", "emploi-insertion", 1)]
    [InlineData("aide alimentaire", "pauvrete-exclusion", 0)]
    public void A_domain_tag_answers_one_group_of_the_query(string question, string domain, int whole)
    {
        var query = Build(question);

        var tag = FormattableString.Invariant($"ConstantScore(domains:{domain})^{SearchQueryBuilder.DomainBoost:0.0}");
        Assert.Equal(whole, Regex.Count(query, Regex.Escape(tag)));
    }

    /// <summary>
    /// « plastiques » is a term of pollution: a case tagged pollution for its pesticides, holding no word of plastic, came first for
    /// a question on plastic pollution, the tag answering « pollution » and « plastique » both.
    /// </summary>
    [Fact]
    public void A_domain_named_with_its_term_ranks_first_the_cases_holding_the_term()
    {
        var page = content.Served.Search(new SearchRequest { Query = "mobilisation citoyenne contre la pollution plastique", Size = 2 });

        Assert.Equal(2, page.Hits.Count);
        Assert.All(page.Hits, hit => Assert.Contains("plasti", hit.Title + " " + hit.Summary, StringComparison.OrdinalIgnoreCase));
    }

    private string Build(string question)
    {
        using var lease = content.Index.Acquire();
        var analyzer = CaseStudySchema.CreateAnalyzer();
        var synonyms = SynonymSet.Read(RepositoryPaths.Resolve("content/synonyms.yml"), analyzer, []);
        var builder = new SearchQueryBuilder(analyzer, synonyms, lease.Snapshot.QueryVocabulary(analyzer), lease.Snapshot.Terms);
        return builder.Build(UserQuery.Parse(question)).Query?.ToString() ?? "";
    }
}
