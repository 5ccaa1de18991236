using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Tests.Search;

namespace ImpactAlliances.Core.Tests.Querying;

/// <summary>Corrections that depend on the words around the misspelt one.</summary>
public sealed class QueryCorrectorFacts
{
    [Fact]
    public void A_misspelt_word_is_corrected_to_the_close_word_that_makes_an_expression_with_its_neighbour()
    {
        // « aidents » is stemmed as the verb « aident », which more cases write than « aidants »: alone it stays,
        // beside « familiaux » or « proches » it is the carers of the synonyms file.
        FixtureCase[] cases =
        [
            Case("repit-aidants", "Répit pour les aidants", "Une plateforme de répit soutient les aidants familiaux."),
            Case("benevoles-aident", "Bénévoles et voisins", "Des bénévoles aident les voisins. Ils aident aussi les écoles."),
            Case("voisins-aident", "Voisins solidaires", "Les voisins aident les familles du quartier."),
        ];
        using var corpus = new SearchFixture(cases, "- [aidants familiaux, proches aidants]");

        Assert.Equal([new Correction("aidents", "aidants")], corpus.Search("aidents familiaux").Corrections);
        Assert.Equal([new Correction("aidents", "aidants")], corpus.Search("proches aidents").Corrections);
        Assert.Equal("repit-aidants", corpus.Search("repit pour les aidents familiaux").Hits[0].Slug);
        Assert.Empty(corpus.Search("aidents").Corrections);
    }

    [Fact]
    public void A_correction_is_written_as_its_word_was_typed_with_its_elided_article_and_capitals()
    {
        FixtureCase[] cases =
        [
            Case("illettrisme-bretagne", "Lutte contre l'illettrisme en Bretagne", "Des ateliers contre l'illettrisme des adultes, avec Emmaüs."),
        ];
        using var corpus = new SearchFixture(cases, "");

        var result = corpus.Search("lutter contre l'ilettrisme des adultes en Bretange avec Emaus");

        Assert.Equal([new Correction("l'ilettrisme", "l'illettrisme"), new Correction("Bretange", "Bretagne"), new Correction("Emaus", "Emmaüs")],
            result.Corrections);
        Assert.Equal("lutter contre l'illettrisme des adultes en Bretagne avec Emmaüs", result.SearchedQuery);
        Assert.Equal("illettrisme-bretagne", result.Hits[0].Slug);
    }

    [Theory]
    [InlineData("quantique", "quantité")]
    [InlineData("informatique quantique", "quantité")]
    [InlineData("Quantiques", "Quantités")]
    public void A_word_of_french_no_case_writes_is_searched_as_typed_and_its_closest_word_only_offered(string query, string offered)
    {
        // « quantique » is one edit from no word of the cases but two from « quantité »: it was searched as « quantité ».
        FixtureCase[] cases =
        [
            Case("quantite-repas", "Repas en quantité", "Une quantité de repas et de quantités de fruits pour l'informatique solidaire."),
        ];
        using var corpus = new SearchFixture(cases, "");

        var result = corpus.Search(query);

        Assert.Empty(result.Corrections);
        Assert.Equal(query, result.SearchedQuery);
        var word = query.Split(' ')[^1];
        Assert.Equal([new Correction(word, offered)], result.Offered);
        Assert.Equal(query.Replace(word, offered, StringComparison.Ordinal), result.OfferedQuery);
    }

    [Fact]
    public void A_word_of_french_typed_twice_is_offered_once_and_put_in_wherever_it_was_typed()
    {
        FixtureCase[] cases = [Case("quantite-repas", "Repas en quantité", "Une quantité de repas pour l'informatique solidaire.")];
        using var corpus = new SearchFixture(cases, "");

        var result = corpus.Search("quantique informatique quantique");

        Assert.Equal([new Correction("quantique", "quantité")], result.Offered);
        Assert.Equal("quantité informatique quantité", result.OfferedQuery);
    }

    [Theory]
    [InlineData("colege", "collège")]
    [InlineData("familliaux", "familiaux")]
    [InlineData("mobilté solidiare", "mobilité solidaire")]
    [InlineData("reinsertion detenus", "reinsertion detenus")]
    // Words the lexicon holds (« sévices », « alliacé », « empli »…), but one edit from a word of the cases: typos. Only offered,
    // « sevices publics » searched « publics » alone, and « alliace » found nothing.
    [InlineData("sevices publics", "services publics")]
    [InlineData("alliace", "alliance")]
    [InlineData("reions", "regions")]
    [InlineData("mason", "maison")]
    [InlineData("empli", "emploi")]
    // One edit from « mise » and « caisse » too, which more cases write: the word a letter doubled or not away is chosen.
    [InlineData("muse", "musée")]
    [InlineData("crisse", "crise")]
    // The typo is replaced, not the word that holds it: the query shown was « remploir empli ».
    [InlineData("remplir empli", "remplir emploi")]
    public void A_misspelt_word_is_still_corrected_and_a_word_written_without_accents_is_the_word(string query, string searched)
    {
        FixtureCase[] cases =
        [
            Case("college", "Un collège ouvert", "Le collège accueille les aidants familiaux."),
            Case("mobilite", "Mobilité solidaire", "Une mobilité solidaire en zone rurale."),
            Case("detenus", "Réinsertion des détenus", "La réinsertion des détenus par le travail."),
            Case("services-publics", "Des services publics", "Une alliance pour les services publics dans les regions."),
            Case("maison-emploi", "Une maison de l'emploi", "La maison de l'emploi aide à remplir ses offres."),
            Case("musee", "Un musée ouvert", "Le musée accueille les écoles pendant la crise."),
            Case("mise-a-disposition", "Mise à disposition", "La mise à disposition d'une caisse de matériel."),
            Case("caisse-solidaire", "Une caisse solidaire", "La caisse finance la mise en place de jardins."),
        ];
        using var corpus = new SearchFixture(cases, "");

        var result = corpus.Search(query);

        Assert.Equal(searched, result.SearchedQuery);
        Assert.Empty(result.Offered);
        Assert.NotEmpty(result.Hits);
    }

    [Theory]
    [InlineData("collocations", "colocations", true)]
    [InlineData("colocations", "collocations", true)]
    [InlineData("rurral", "rural", true)]
    [InlineData("colege", "college", true)]
    [InlineData("quantique", "quantite", false)]
    [InlineData("chasse", "chase", true)]
    [InlineData("chasse", "chasser", false)]
    [InlineData("aba", "ab", false)]
    public void A_letter_doubled_is_told_from_other_edits(string a, string b, bool doubled)
    {
        Assert.Equal(doubled, QueryCorrector.OneLetterDoubled(a, b));
    }

    [Fact]
    public void A_word_of_french_a_doubled_letter_away_from_a_word_of_the_cases_is_corrected_as_a_typo()
    {
        // « collocations » is French (words that go together), and was typed for the shared flats of the cases.
        FixtureCase[] cases = [Case("colocations", "Colocations solidaires", "Des colocations solidaires d'étudiants dans les quartiers.")];
        using var corpus = new SearchFixture(cases, "");

        var result = corpus.Search("collocations solidaires");

        Assert.Equal([new Correction("collocations", "colocations")], result.Corrections);
        Assert.Empty(result.Offered);
    }

    [Theory]
    [InlineData("quantique", true)]
    [InlineData("informatique", true)]
    [InlineData("detenus", true)]
    [InlineData("oeuvres", true)]
    [InlineData("aaba", true)] // the first word
    [InlineData("zythums", true)]
    [InlineData("zzzz", true)] // the last
    [InlineData("colege", false)]
    [InlineData("familliaux", false)]
    [InlineData("mobilte", false)]
    [InlineData("solidiare", false)]
    [InlineData("aidents", false)]
    [InlineData("qua", false)]
    [InlineData("zzzzzzzz", false)]
    public void The_lexicon_holds_the_folded_words_of_french_and_no_typo(string folded, bool held)
    {
        Assert.Equal(held, ImpactAlliances.Core.Analysis.Lexicon.French.Contains(folded));
    }

    [Theory]
    [InlineData("bretange", "bretagne", "bretagne")]
    [InlineData("Bretange", "bretagne", "Bretagne")]
    [InlineData("BRETANGE", "bretagne", "BRETAGNE")]
    [InlineData("d’ilettrisme", "illettrisme", "d’illettrisme")]
    [InlineData("L'Ilettrisme", "illettrisme", "L'Illettrisme")]
    [InlineData("arss", "ARS", "ARS")]
    public void A_correction_keeps_the_article_and_capitals_typed(string typed, string replacement, string written)
    {
        Assert.Equal(written, QueryCorrector.AsTyped(typed, replacement));
    }

    [Fact]
    public void A_misspelt_word_no_case_writes_is_corrected_to_a_word_of_the_synonyms_file_and_finds_its_equivalents()
    {
        FixtureCase[] cases =
        [
            Case("point-conseil-budget", "Point conseil budget", "Une permanence aide les familles en situation de surendettement."),
            Case("epicerie", "Épicerie solidaire", "Une épicerie solidaire ouvre aux familles du quartier."),
        ];
        using var corpus = new SearchFixture(cases, "- [surendettement, endettement, endettées]");

        var result = corpus.Search("familles endetées");

        Assert.Equal([new Correction("endetées", "endettées")], result.Corrections);
        Assert.Equal("point-conseil-budget", result.Hits[0].Slug);
    }

    [Fact]
    public void Of_a_word_of_the_cases_and_a_word_of_the_synonyms_file_equally_close_the_word_of_the_cases_wins()
    {
        FixtureCase[] cases =
        [
            Case("menages-endettes", "Ménages endettés", "Des ménages endettés sont accompagnés par des bénévoles."),
        ];
        using var corpus = new SearchFixture(cases, "- [surendettement, endettées]");

        Assert.Equal([new Correction("endetées", "endettés")], corpus.Search("endetées").Corrections);
    }

    [Fact]
    public void Of_equally_close_words_the_one_that_begins_as_the_word_typed_wins_over_the_most_used()
    {
        // « polution » is one edit from « pollution » and from « solution », which more cases write.
        FixtureCase[] cases =
        [
            Case("trame-noire", "Trame noire", "Réduire la pollution lumineuse pour les chauves-souris."),
            Case("solution-a", "Logement d'urgence", "Une solution de logement pour les familles."),
            Case("solution-b", "Mobilité", "Une solution de transport pour les salariés."),
        ];
        using var corpus = new SearchFixture(cases, "");

        var result = corpus.Search("polution lumineuse");

        Assert.Equal([new Correction("polution", "pollution")], result.Corrections);
        Assert.Equal("trame-noire", result.Hits[0].Slug);
    }

    /// <summary>
    /// « circulère » is one edit from « circuler » and two from « circulaire »; « partgé » one from « partie », which more
    /// cases write, and from « partagé ». Beside « économie » and « jardin », the word the cases write there wins; alone, or
    /// beside a word they never write it with, the nearest, and of those the most used.
    /// </summary>
    [Theory]
    [InlineData("économie circulère", "circulaire")]
    [InlineData("circulère", "circuler")]
    [InlineData("circulère économie", "circuler")]
    [InlineData("jardin partgé", "partagé")]
    [InlineData("partgé", "partie")]
    [InlineData("partgé jardin", "partie")]
    // A word that begins as typed comes before one that more cases write beside the neighbour: « locaux » is one edit away too.
    [InlineData("acteurs socaux", "sociaux")]
    public void A_misspelt_word_is_corrected_to_the_close_word_the_cases_write_beside_its_neighbour(string query, string corrected)
    {
        using var corpus = new SearchFixture(NeighbourCases, "");

        Assert.Equal(corrected, Assert.Single(corpus.Search(query).Corrections).To);
    }

    /// <summary>
    /// A word typed twice is corrected once: judged again, its second copy read the first, corrected, as its neighbour, and
    /// « économie circulère circulère » became « économie circulaire circuler » (no case writes « circulaire circulaire »).
    /// </summary>
    [Fact]
    public void A_misspelt_word_typed_twice_is_corrected_the_same_way_both_times()
    {
        using var corpus = new SearchFixture(NeighbourCases, "");

        var corrections = corpus.Search("économie circulère circulère").Corrections;

        Assert.Equal(2, corrections.Count);
        Assert.All(corrections, c => Assert.Equal("circulaire", c.To));
    }

    /// <summary>
    /// A question in English was corrected word by word: « companies » to « compagnies », « fighting » to « lighting », and the
    /// case of a firm named « Kraken Lighting » came first. Its words are left as typed (those the cases write still match:
    /// « associations »), and the result says it was read as English. Two English words that are not French make it so, when
    /// they outnumber the French ones; a word of both (« associations », « innovation ») counts for neither. « social innovation
    /// in rural areas » has one (« areas ») and a linking word of English (« in »): read as French, « areas » was « Arras ».
    /// </summary>
    [Theory]
    [InlineData("companies and associations fighting youth unemployment")]
    [InlineData("youth unemployment")]
    [InlineData("social innovation companies fighting exclusion")]
    [InlineData("social innovation in rural areas")]
    public void A_question_in_english_is_not_corrected_word_by_word(string query)
    {
        using var corpus = new SearchFixture(EnglishCases, "");

        var result = corpus.Search(query);

        Assert.Empty(result.Corrections);
        Assert.Equal(query, result.SearchedQuery);
        Assert.True(result.QueryInEnglish);
        Assert.NotEqual("kraken", result.Hits.Count > 0 ? result.Hits[0].Slug : null);
    }

    /// <summary>
    /// One English word in a French question leaves it French and corrected as before; so does an English word beside a
    /// French one (as many of each), a single English word (« mason » is « maison »), and an English question whose every
    /// word some case writes (nothing to correct, nothing said).
    /// </summary>
    [Theory]
    [InlineData("mobilté solidaire rurale fundraising", "mobilté", "mobilité")]
    [InlineData("mobilté youth", "mobilté", "mobilité")]
    [InlineData("fighting", "fighting", "lighting")]
    [InlineData("compagnies fighting", "fighting", "lighting")]
    public void A_french_question_with_an_english_word_is_corrected_as_before(string query, string from, string to)
    {
        using var corpus = new SearchFixture(EnglishCases, "");

        var result = corpus.Search(query);

        Assert.Contains(new Correction(from, to), result.Corrections);
        Assert.False(result.QueryInEnglish);
    }

    [Fact]
    public void An_english_question_whose_words_the_cases_write_says_nothing()
    {
        using var corpus = new SearchFixture(EnglishCases, "");

        var result = corpus.Search("kraken lighting");

        Assert.Empty(result.Corrections);
        Assert.False(result.QueryInEnglish);
        Assert.Equal("kraken", result.Hits[0].Slug);
    }

    private static readonly FixtureCase[] EnglishCases =
    [
        Case("kraken", "Kraken Lighting", "L'entreprise Kraken Lighting éclaire le gymnase du quartier."),
        Case("compagnies", "Des compagnies de théâtre", "Des compagnies de théâtre et des associations pour la mobilité solidaire en zone rurale."),
        Case("jeunesse", "Emploi des jeunes", "Des associations contre le chômage des jeunes, avec une innovation sociale."),
        Case("arras", "Une épicerie à Arras", "À Arras, une épicerie solidaire ouvre ses portes."),
    ];

    /// <summary>
    /// The neighbour rule's two constants, at their edges. A pair counts when <see cref="QueryCorrector.PairCases"/> (two)
    /// cases write it: one case writing « économie circulaire » does not take « circulère » two edits away from « circuler »,
    /// two do. Each edit beyond the nearest divides a word's count by <see cref="QueryCorrector.PairsPerEdit"/> (four): against
    /// « circuler », one edit away and written after « économie » by two cases, « circulaire » needs more than eight cases.
    /// </summary>
    [Theory]
    [InlineData(1, 0, "circuler")]
    [InlineData(2, 0, "circulaire")]
    [InlineData(8, 2, "circuler")]
    [InlineData(9, 2, "circulaire")]
    public void A_neighbour_decides_from_two_cases_and_each_edit_more_divides_by_four(int writingCirculaire, int writingCirculer, string corrected)
    {
        FixtureCase[] cases =
        [
            Case("navette", "Une navette", "Une navette pour circuler dans les villages."),
            .. Enumerable.Range(1, writingCirculaire).Select(i => Case($"reemploi-{i}", $"Réemploi {i}", "Le réemploi, pilier de l'économie circulaire.")),
            .. Enumerable.Range(1, writingCirculer).Select(i => Case($"quartier-{i}", $"Quartier {i}", "Une économie circuler dans le quartier.")),
        ];
        using var corpus = new SearchFixture(cases, "");

        Assert.Equal(corrected, Assert.Single(corpus.Search("économie circulère").Corrections).To);
    }

    private static readonly FixtureCase[] NeighbourCases =
    [
        Case("ressourcerie", "Une ressourcerie", "Une ressourcerie pour l'économie circulaire du quartier, avec les acteurs locaux."),
        Case("reemploi", "Réemploi des meubles", "Le réemploi, pilier de l'économie circulaire, avec les acteurs sociaux."),
        Case("navette", "Une navette", "Une navette pour circuler dans les villages, une partie de l'année, avec les acteurs locaux."),
        Case("jardin-quartier", "Un jardin partagé", "Un jardin partagé au pied des immeubles."),
        Case("jardins-ecoles", "Des jardins partagés", "Des jardins partagés dans les écoles, une partie de l'été."),
        Case("cantine", "Une cantine", "Une partie des repas vient du jardin de la cantine, pour une partie des élèves, avec les acteurs locaux."),
    ];

    /// <summary>
    /// A query sent while its last word was being typed: « comp » is one edit from « coup », but begins « compétences », which
    /// the cases write after « mécénat de ». Alone, or after a word the cases never write it beside, it is corrected as before.
    /// </summary>
    [Theory]
    [InlineData("mécénat de comp", "compétences")]
    [InlineData("mécénat de compét", "compétences")]
    [InlineData("comp", "coup")]
    [InlineData("épicerie comp", "coup")]
    public void A_last_word_still_being_typed_is_completed_to_the_word_the_cases_write_after_the_one_before(string query, string corrected)
    {
        FixtureCase[] cases =
        [
            Case("mecenat-salaries", "Un mécénat de compétences", "Les salariés donnent du temps en mécénat de compétences."),
            Case("mecenat-juristes", "Des juristes bénévoles", "Un mécénat de compétences de juristes pour les associations."),
            Case("epicerie-coup", "Une épicerie", "Une épicerie solidaire donne un coup de main, avec les compagnies du quartier."),
            Case("epicerie-ti-coup", "Ti Coup", "Ti Coup, une épicerie pour un coup de pouce."),
        ];
        using var corpus = new SearchFixture(cases, "");

        Assert.Equal(corrected, Assert.Single(corpus.Search(query).Corrections).To);
    }

    [Fact]
    public void A_word_of_french_that_no_case_writes_is_offered_no_word_three_edits_away_when_nothing_is_found()
    {
        // « xylophone » is three edits from « téléphone », « parachute » from « percuté »: meant as typed, not typos. « telefonne »,
        // no word of French, is still offered « téléphone », three edits away too, by the bolder correction of an empty result.
        FixtureCase[] cases =
        [
            Case("telephone", "Un téléphone solidaire", "Un téléphone percuté réparé pour les personnes isolées."),
            Case("garage", "Un garage solidaire", "Un véhicule percuté réparé par un garage solidaire."),
        ];
        using var corpus = new SearchFixture(cases, "");

        var nonsense = corpus.Search("xylophone parachute");
        Assert.Equal(0, nonsense.Total);
        Assert.Empty(nonsense.QuerySuggestions);
        Assert.Contains(corpus.Search("telefonne").QuerySuggestions, s => s.Query == "téléphone");
    }

    [Fact]
    public void A_word_the_query_leaves_out_as_the_way_it_is_put_is_not_corrected_into_a_word_to_require()
    {
        // No case writes « négocient », a relation word the query leaves out; one writes « négocié », one edit away.
        FixtureCase[] cases =
        [
            Case("mutuelle-communale", "Une mutuelle communale", "La commune propose une mutuelle santé à ses habitants."),
            Case("accord-negocie", "Un accord de mécénat", "Un accord négocié avec une fondation finance une épicerie."),
        ];
        using var corpus = new SearchFixture(cases, "");

        var result = corpus.Search("mairies qui négocient une mutuelle");

        Assert.Empty(result.Corrections);
        Assert.Equal(["mutuelle-communale"], result.Hits.Select(h => h.Slug));
        // Alone, the query keeps it: a word of French, it is searched as typed, and the close word is offered.
        var alone = corpus.Search("négocient");
        Assert.Empty(alone.Corrections);
        Assert.Equal([new Correction("négocient", "négocié")], alone.Offered);
    }

    private static FixtureCase Case(string slug, string title, string body) =>
        new(slug, title, [("Association " + title, "association"), ("Commune " + title, "collectivite")], ["lien-social"], "mecenat", "local", ["bretagne"],
            "2026-01-01", body);
}
