using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Querying;

namespace ImpactAlliances.Core.Tests.Querying;

/// <summary>What query words name, as the query builder gets it.</summary>
public sealed class QueryVocabularyFacts
{
    [Fact]
    public void An_acronym_several_organisations_carry_names_one_organisation_not_one_per_name()
    {
        using var analyzer = new FrenchAnalyzer(stem: true);
        var vocabulary = QueryVocabulary.Build(new Taxonomy([]), analyzer, PlaceGazetteer.Official, null,
            OrganisationKeys.Of(["Énergies citoyennes du Mené (SCIC)", "Coopérative alimentaire du Val (SCIC)", "Habitat partagé du Lac (SCIC)"]));

        var concepts = vocabulary.Match(["SCIC"], [TermAnalysis.Terms(analyzer, "SCIC")], 0, out var length);

        Assert.Equal(1, length);
        Assert.Single(concepts);
        Assert.IsType<OrganisationConcept>(concepts[0]);
    }

    /// <summary>
    /// The overseas as people name them: every overseas region, and for « outre-mer » and its kin the collectivités too, by
    /// their one département (the taxonomy has no region for them); « DOM » is the five départements only.
    /// </summary>
    [Theory]
    [InlineData("outre-mer", true)]
    [InlineData("DOM-TOM", true)]
    [InlineData("territoires d'outre-mer", true)]
    [InlineData("ultramarins", true)]
    [InlineData("ultramarines", true)]
    [InlineData("DOM", false)]
    [InlineData("départements d'outre-mer", false)]
    public void Overseas_names_name_every_overseas_region_and_the_collectivities_for_the_wider_ones(string name, bool collectivities)
    {
        using var analyzer = new FrenchAnalyzer(stem: true);
        var vocabulary = QueryVocabulary.Build(new Taxonomy([]), analyzer, PlaceGazetteer.Official, null, OrganisationKeys.Empty);
        var words = name.Split(' ');

        var concepts = vocabulary.Match(words, words.Select(w => (IReadOnlyList<string>)TermAnalysis.Terms(analyzer, w)).ToList(), 0, out var length);

        Assert.Equal(words.Length, length);
        var codes = concepts.OfType<PlaceConcept>().SelectMany(c => c.Place.IndexCodes()).ToHashSet();
        Assert.Superset(new HashSet<string> { "r:guadeloupe", "r:martinique", "r:guyane", "r:la-reunion", "r:mayotte" }, codes);
        Assert.Equal(collectivities, new[] { "d:975", "d:977", "d:978", "d:986", "d:987", "d:988" }.All(codes.Contains));
    }

    [Theory]
    [InlineData("rester vivre chez elles", null)]
    [InlineData("pour rester vivre", null)]
    [InlineData("à rester vivre en ville", null)]
    [InlineData("reste à vivre des ménages", "pouvoir-achat")]
    [InlineData("le reste à vivre", "pouvoir-achat")]
    [InlineData("reste-à-vivre", "pouvoir-achat")]
    [InlineData("pouvoir d'achat des familles", "pouvoir-achat")]
    public void A_facet_term_is_named_with_its_small_words_not_by_stems_alone(string question, string? domain)
    {
        // « reste à vivre » is a term of the purchasing-power domain; « rester vivre » has its stems without its « à », before
        // or after other small words; an elided article belongs to its word (« pouvoir d'achat »).
        Assert.Equal(domain is null ? [] : [domain], NamedValues(question, "domains"));
    }

    /// <summary>The values of a facet of the real taxonomy that the words of a question name, wherever they start.</summary>
    private static List<string> NamedValues(string question, string facet)
    {
        using var analyzer = new FrenchAnalyzer(stem: true);
        var taxonomy = TaxonomyReader.Read(RepositoryPaths.Resolve("content/taxonomy.yml"), new List<ContentDiagnostic>())!;
        var vocabulary = QueryVocabulary.Build(taxonomy, analyzer, PlaceGazetteer.Official, null, OrganisationKeys.Empty);
        var words = question.Split(' ');
        var terms = words.Select(w => (IReadOnlyList<string>)TermAnalysis.Terms(analyzer, w)).ToList();
        return Enumerable.Range(0, words.Length).SelectMany(start => vocabulary.Match(words, terms, start, out _)).OfType<FacetConcept>()
            .Where(c => c.Facet == facet).Select(c => c.Value).Distinct().ToList();
    }

    /// <summary>
    /// A scale is named by its terms (« pays du Sud », « solidarité internationale »), never by its label: « nationale » of
    /// « Éducation nationale » and « locale » of « mission locale » are words of names, not the scale of an alliance.
    /// </summary>
    [Theory]
    [InlineData("entreprises sociales dans les pays du Sud", "international")]
    [InlineData("solidarité internationale des associations", "international")]
    [InlineData("coopération décentralisée des communes", "international")]
    [InlineData("eau potable dans les pays en voie de développement", "international")]
    [InlineData("partenariats avec l'Éducation nationale", null)]
    [InlineData("mission locale et emploi des jeunes", null)]
    [InlineData("alliances internationales", null)]
    [InlineData("région Sud", null)]
    public void A_scale_is_named_by_its_terms_not_by_its_label(string question, string? scale)
        => Assert.Equal(scale is null ? [] : [scale], NamedValues(question, "scales"));

    /// <summary>
    /// A domain whose label is its family's name (« Environnement », of the « Fragilités environnementales ») stands for the family:
    /// its family's other domains, and the domains outside it that a case tagged with both is about as well. « Développement
    /// économique » is not « Fragilités économiques », nor « Lien social » the « Fragilités sociales ».
    /// </summary>
    [Theory]
    [InlineData("environnement", "pollution,biodiversite,transition-energetique")]
    [InlineData("pollution", null)]
    [InlineData("developpement-economique", null)]
    [InlineData("lien-social", null)]
    [InlineData("sante", null)]
    public void A_domain_named_like_its_family_stands_for_the_family(string domain, string? family)
    {
        using var analyzer = new FrenchAnalyzer(stem: true);
        var taxonomy = TaxonomyReader.Read(RepositoryPaths.Resolve("content/taxonomy.yml"), new List<ContentDiagnostic>())!;
        var vocabulary = QueryVocabulary.Build(taxonomy, analyzer, PlaceGazetteer.Official, null, OrganisationKeys.Empty);

        var named = vocabulary.FamilyNamedBy(domain);

        Assert.Equal(family, named is var (members, _) ? string.Join(',', members) : null);
        if (named is var (inFamily, outside))
        {
            Assert.Equal(taxonomy.Find("domains")!.Values.Select(v => v.Slug).Except([domain, .. inFamily]).Order(), outside.Order());
        }
    }

    /// <summary>
    /// A run's look-ups by its text (its place key, the organisations its name key names) are kept per vocabulary: the
    /// concepts matched again are those matched the first time, what the words around a run decide included (capitals,
    /// numbers, demonyms), and another vocabulary (another snapshot's organisations) keeps its own.
    /// </summary>
    [Fact]
    public void A_run_s_look_ups_kept_match_what_they_matched_the_first_time_and_only_in_their_vocabulary()
    {
        using var analyzer = new FrenchAnalyzer(stem: true);
        var taxonomy = TaxonomyReader.Read(RepositoryPaths.Resolve("content/taxonomy.yml"), new List<ContentDiagnostic>())!;
        var organisations = OrganisationKeys.Of(["Énergies citoyennes du Mené (SCIC)", "La Poste", "Agence de la transition écologique (ADEME)"]);
        var vocabulary = QueryVocabulary.Build(taxonomy, analyzer, PlaceGazetteer.Official, null, organisations);
        string[] questions =
        [
            "SCIC à Marseille", "jeunes marseillais", "les jeunes du 93", "50 familles", "93 jeunes accompagnés", "emploi Réunion",
            "réunion publique à la Réunion", "Réunion de quartier", "La Poste en Bretagne", "ADEME reste à vivre", "rien du tout", "ODD 13",
        ];

        var first = questions.Select(Matched).ToList();
        var kept = vocabulary.KeptRuns;
        var again = questions.Select(Matched).ToList();

        Assert.True(kept > 0);
        Assert.Equal(kept, vocabulary.KeptRuns);
        Assert.Equal(first, again);
        Assert.Contains(first[0], c => c.StartsWith("OrganisationConcept", StringComparison.Ordinal));
        var other = QueryVocabulary.Build(taxonomy, analyzer, PlaceGazetteer.Official, null, OrganisationKeys.Empty);
        Assert.DoesNotContain(Described(other.Match(["SCIC"], [TermAnalysis.Terms(analyzer, "SCIC")], 0, out _)),
            c => c.StartsWith("OrganisationConcept", StringComparison.Ordinal));

        List<string> Matched(string question)
        {
            var words = question.Split(' ');
            var terms = words.Select(w => (IReadOnlyList<string>)TermAnalysis.Terms(analyzer, w)).ToList();
            var found = new List<string>();
            for (var start = 0; start < words.Length; start++)
            {
                var concepts = vocabulary.Match(words, terms, start, out var length, previous: start == 0 ? "dans le" : null, opensQuestion: true);
                found.Add($"{start}+{length}");
                found.AddRange(Described(concepts));
            }
            return found;
        }

        // Records whose lists compare by reference are described by their contents.
        static IEnumerable<string> Described(IReadOnlyList<Concept> concepts) => concepts.Select(concept => concept switch
        {
            PlaceConcept p => $"PlaceConcept {p.Place.Code} {string.Join(',', p.Elsewhere)} {p.NamedWithArticle} {p.MaybeACount} {p.Demonym}",
            PlaceWordConcept w => $"PlaceWordConcept {w.Place.Code}",
            OrganisationConcept o => $"OrganisationConcept {string.Join(' ', o.Terms)}",
            _ => concept.ToString()!,
        });
    }
}
