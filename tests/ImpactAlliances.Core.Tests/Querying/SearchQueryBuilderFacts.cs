using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Querying;
using Lucene.Net.Search;

namespace ImpactAlliances.Core.Tests.Querying;

/// <summary>What the words of a question become in the Lucene query.</summary>
public sealed class SearchQueryBuilderFacts
{
    [Theory]
    [InlineData("réparer sa voiture quand on a très peu d'argent", "voiture", new[] { "peu", "très" })]
    [InlineData("lutte contre la précarité", "précarité", new[] { "contre" })]
    // Pronouns and adverbs (session 24): « elles » is not « elle », which the stop list holds; « jamais », in 27 cases, was a rare word to require.
    [InlineData("aider les personnes âgées à rester chez elles", "âgées", new[] { "elles" })]
    [InlineData("pour celles et ceux qui cherchent un emploi", "emploi", new[] { "celles", "ceux" })]
    [InlineData("comment ouvrir les musées aux publics qui n'y vont jamais", "musées", new[] { "jamais", "vont" })]
    // Auxiliary and modal verbs (session 24).
    [InlineData("les entreprises qui veulent recruter des réfugiés", "réfugiés", new[] { "veulent" })]
    [InlineData("ce que doivent faire les communes pour le climat", "climat", new[] { "doivent" })]
    public void Function_words_the_stop_list_lacks_are_left_out(string question, string kept, string[] left) =>
        AssertLeftOut(question, kept, left);

    /// <summary>
    /// The words for what every case is, a partnership or a project, say nothing of which (RELEVANCE.md, session 42):
    /// « coopération » was a rare group to require beside the actors, « projets » a common one counted in the coordination.
    /// </summary>
    [Theory]
    [InlineData("coopération bailleurs sociaux associations habitat", "bailleurs", new[] { "coopération" })]
    [InlineData("participation des habitants aux projets de renouvellement urbain des quartiers", "renouvellement", new[] { "projets" })]
    [InlineData("implication des collectivités dans un projet citoyen d'énergie", "citoyen", new[] { "projet" })]
    // « territorial(e) » qualifying such a word is left out with it (rel42c); « internationale » is not.
    [InlineData("coopération territoriale face à la désertification médicale", "désertification", new[] { "coopération", "territoriale" })]
    [InlineData("coopérations territoriales contre l'isolement des personnes âgées", "isolement", new[] { "territoriales" })]
    [InlineData("coopération internationale des collectivités", "internationale", new[] { "coopération" })]
    public void The_words_for_what_every_case_is_are_left_out(string question, string kept, string[] left) =>
        AssertLeftOut(question, kept, left);

    /// <summary>
    /// The noun of a compound preposition says how the question's parts are joined (RELEVANCE.md, session 42, rel42c): « face »
    /// was a rare group to require and named the organisation FACE, « profit » a rare group beside the employees' engagement.
    /// </summary>
    [Theory]
    [InlineData("coopération territoriale face à la désertification médicale", "désertification", new[] { "face" })]
    [InlineData("mécénat de compétences des salariés au profit des associations", "salariés", new[] { "profit" })]
    [InlineData("les entreprises en faveur de l'emploi des jeunes", "jeunes", new[] { "faveur" })]
    [InlineData("la médiation au sein des quartiers", "médiation", new[] { "sein" })]
    [InlineData("la médiation au sein d’une maison de quartier", "médiation", new[] { "sein" })]
    [InlineData("aider les familles grâce aux jardins partagés", "jardins", new[] { "grâce" })]
    public void The_noun_of_a_compound_preposition_is_left_out(string question, string kept, string[] left) =>
        AssertLeftOut(question, kept, left);

    [Theory]
    [InlineData("les partenariats", "partenariats")]
    [InlineData("les projets", "projets")]
    [InlineData("coopération OU mécénat", "coopération")]
    [InlineData("des alliances -mécénat", "alliances")]
    [InlineData("insertion partenariat OU mécénat", "partenariat")]
    [InlineData("partenariat OU mécénat", "partenariat")]
    [InlineData("dépistage du cancer du sein", "sein")]
    // The noun of a compound preposition outside its locution (rel42c).
    [InlineData("la face cachée du bénévolat", "face")]
    [InlineData("le profit des entreprises sociales", "profit")]
    [InlineData("améliorer le cadre de vie des habitants", "cadre")]
    [InlineData("face à", "face")]
    [InlineData("coopération territoriale", "territoriale")]
    [InlineData("ingénierie territoriale des alliances", "territoriale")]
    [InlineData("mécénat OU coopération territoriale", "territoriale")]
    public void A_word_left_out_elsewhere_is_searched_when_it_is_all_there_is_one_side_of_an_or_or_a_noun(string question, string searched)
    {
        using var analyzer = new FrenchAnalyzer(stem: true);

        var query = Build(analyzer, question);

        Assert.Contains(":" + Term(analyzer, searched), query, StringComparison.Ordinal);
    }

    /// <summary>
    /// The pairs of neighbouring words of a short question add to the score, but are not clauses of the words' coordination
    /// (the share of the query's clauses a case holds): a case holding two neighbouring words together doubled its score
    /// over cases holding the whole topic in other words.
    /// </summary>
    [Fact]
    public void Word_pairs_are_not_counted_in_the_coordination_of_the_words()
    {
        using var analyzer = new FrenchAnalyzer(stem: true);

        var query = Assert.IsType<BooleanQuery>(new SearchQueryBuilder(analyzer, SynonymSet.Empty)
            .Build(UserQuery.Parse("isolement des personnes âgées")).Query);

        Assert.True(query.CoordDisabled);
        var words = Assert.IsType<BooleanQuery>(Assert.Single(query.Clauses, c => c.Occur == Occur.MUST).Query);
        Assert.False(words.CoordDisabled);
        Assert.DoesNotContain(words.Clauses, c => c.Query is PhraseQuery);
        Assert.Contains(query.Clauses, c => c.Occur == Occur.SHOULD && c.Query is PhraseQuery);
    }

    /// <summary>In a long question (researchers'), a pair tells the cases of the question from those holding half its words.</summary>
    [Fact]
    public void In_a_long_question_the_word_pairs_count_in_the_coordination()
    {
        using var analyzer = new FrenchAnalyzer(stem: true);

        var query = Assert.IsType<BooleanQuery>(new SearchQueryBuilder(analyzer, SynonymSet.Empty)
            .Build(UserQuery.Parse("fondations d'entreprise engagées pour la réussite scolaire des collégiens")).Query);

        Assert.False(query.CoordDisabled);
        Assert.Contains(query.Clauses, c => c.Occur == Occur.SHOULD && c.Query is PhraseQuery);
    }

    /// <summary>Beside a place, every case of the place holds the required group: the pairs rank the topic's cases above the others.</summary>
    [Fact]
    public void Beside_a_place_the_word_pairs_count_in_the_coordination()
    {
        using var analyzer = new FrenchAnalyzer(stem: true);
        var vocabulary = QueryVocabulary.Build(new Taxonomy([]), analyzer, PlaceGazetteer.Official, null, OrganisationKeys.Empty);

        var query = Assert.IsType<BooleanQuery>(new SearchQueryBuilder(analyzer, SynonymSet.Empty, vocabulary)
            .Build(UserQuery.Parse("aide alimentaire dans le Nord-Pas-de-Calais")).Query);

        Assert.False(query.CoordDisabled);
        Assert.Contains(query.Clauses, c => c.Occur == Occur.MUST && c.Query.ToString()!.Contains("place:", StringComparison.Ordinal));
        Assert.Contains(query.Clauses, c => c.Occur == Occur.SHOULD && c.Query is PhraseQuery);
    }

    /// <summary>
    /// « réunion » is a meeting unless written as the place is: with its article (« La Réunion »), its island, its people, its
    /// number, or a capital that is not the question's first letter. So is « port » (Le Port, a commune of La Réunion), the
    /// article contracted with its preposition as well (« du port » is a port's, « du Port » the commune's).
    /// </summary>
    [Theory]
    [InlineData("réunion publique", false)]
    [InlineData("réunions de quartier", false)]
    [InlineData("lieu de réunion", false)]
    [InlineData("Réunion de quartier avec les habitants", false)]
    [InlineData("port de pêche", false)]
    [InlineData("La Réunion", true)]
    [InlineData("insertion à la Réunion", true)]
    [InlineData("tourisme sur l'île de la Réunion", true)]
    [InlineData("emploi Réunion", true)]
    [InlineData("Réunion", true)]
    [InlineData("jeunes réunionnais", true)]
    [InlineData("entreprises réunionnaises", true)]
    [InlineData("emploi 974", true)]
    [InlineData("jeunes du Port", true)]
    [InlineData("au Port", true)]
    [InlineData("du port", false)]
    [InlineData("les emplois du port", false)]
    [InlineData("travailler au port", false)]
    public void A_place_named_by_an_article_and_a_common_word_is_meant_only_as_it_is_written(string question, bool place)
    {
        using var analyzer = new FrenchAnalyzer(stem: true);
        var vocabulary = QueryVocabulary.Build(new Taxonomy([]), analyzer, PlaceGazetteer.Official, null, OrganisationKeys.Empty);

        var concepts = new SearchQueryBuilder(analyzer, SynonymSet.Empty, vocabulary).Build(UserQuery.Parse(question)).Concepts;

        Assert.Equal(place, concepts.OfType<PlaceConcept>().Any(c => c.Place.Region == "la-reunion"));
    }

    /// <summary>
    /// A group's hash does not walk its query (a Lucene query hashes all its clauses and terms again on every call, and the
    /// strict query sets groups apart by hash); groups with equal queries stay one group, as a word typed twice is.
    /// </summary>
    [Fact]
    public void A_group_is_hashed_without_walking_its_query()
    {
        var query = new HashCountingQuery("emploi");
        var group = new SearchQueryBuilder.Group(query, 12);
        var same = new SearchQueryBuilder.Group(new HashCountingQuery("emploi"), 12);

        var distinct = new[] { group, same, new SearchQueryBuilder.Group(new HashCountingQuery("insertion"), 12) }.Distinct().ToList();

        Assert.Equal(0, query.Hashes);
        Assert.Equal(group, same);
        Assert.Equal(group.GetHashCode(), same.GetHashCode());
        Assert.Equal(2, distinct.Count);
    }

    private sealed class HashCountingQuery(string word) : Query
    {
        public int Hashes { get; private set; }

        public override string ToString(string field) => word;

        public override bool Equals(object? obj) => obj is HashCountingQuery other && other.ToString("") == word;

        public override int GetHashCode()
        {
            Hashes++;
            return word.GetHashCode(StringComparison.Ordinal);
        }
    }

    // The query searches the word kept and none of those left out.
    private static void AssertLeftOut(string question, string kept, string[] left)
    {
        using var analyzer = new FrenchAnalyzer(stem: true);

        var query = Build(analyzer, question);

        Assert.Contains(":" + Term(analyzer, kept), query, StringComparison.Ordinal);
        Assert.All(left, word => Assert.DoesNotContain(":" + Term(analyzer, word), query, StringComparison.Ordinal));
    }

    private static string Build(FrenchAnalyzer analyzer, string question) =>
        new SearchQueryBuilder(analyzer, SynonymSet.Empty).Build(UserQuery.Parse(question)).Query?.ToString() ?? "";

    // The term the analyzer makes of a word, so that a test names words, not stems.
    private static string Term(FrenchAnalyzer analyzer, string word) => Assert.Single(TermAnalysis.Terms(analyzer, word));
}
