using ImpactAlliances.Core.Indexing;

namespace ImpactAlliances.Core.Tests.Indexing;

/// <summary>
/// The phrases mined for the suggestions box: those two cases or more write, shown as most write them, but phrases of words a
/// quarter of the cases write, phrases held by a longer one, clauses (a negation, a verb, a verb's object) and phrases ending on
/// a linking word or on a word that introduces what follows.
/// </summary>
public sealed class PhraseTableFacts
{
    // Twenty texts: what every case writes (the headings, the editors' sentence on the sources), and a few phrases in some.
    private static readonly string[] Texts =
    [
        "Des salariés s'engagent en mécénat de compétences auprès des associations.",
        "Le Mécénat de compétences des salariés de la banque.",
        "Les mécénats de compétences se développent, dans l'économie circulaire.",
        "Une épicerie solidaire ouvre. Les sources ne mesurent pas l'effet sur les familles.",
        "Deux épiceries solidaires étudiantes. Les sources ne mesurent pas l'effet des repas.",
        "Une épicerie solidaire étudiante à Lille.",
        "L'économie sociale et solidaire recrute.",
        "Un réseau de l'économie sociale et solidaire.",
        "Une chambre de l'économie sociale et solidaire ; une épicerie sociale et solidaire.",
        "La lutte contre le gaspillage, et l’économie circulaire.",
        "La lutte contre le gaspillage alimentaire.",
        "La lutte contre l'isolement.",
        "Des bénévoles décrivent le marché couvert grâce à la ville.",
        "Des bénévoles décrivent le Marché couvert grâce à la ville.",
        "L'association aide les familles modestes.",
        "Une association aide les familles modestes.",
        .. Enumerable.Range(0, 4).Select(i => $"Un partenariat numéro {i}."),
    ];

    private static IReadOnlyList<PhraseTable.Phrase> Mined() => Counted().Table().Phrases;

    private static PhraseTable.Counter Counted()
    {
        var counter = new PhraseTable.Counter();
        foreach (var text in Texts)
        {
            counter.Add(text, CaseText(text));
        }
        return counter;
    }

    private static string CaseText(string text) => $"Contexte\nActions et moyens\n{text}\nLes sources consultées ne donnent pas de bilan chiffré.";

    [Fact]
    public void A_case_taken_out_of_the_build_is_counted_no_more()
    {
        var counter = Counted();

        counter.Remove(Texts[2], CaseText(Texts[2]));

        var mecenat = counter.Table().Phrases.Single(p => p.Text == "mécénat de compétences");
        Assert.Equal((2, 0), (mecenat.Cases, mecenat.Forms.Count));
        Assert.DoesNotContain(counter.Table().Phrases, p => p.Text == "économie circulaire");
    }

    [Fact]
    public void A_phrase_two_cases_write_is_mined_with_its_count_as_most_cases_spell_it()
    {
        var phrases = Mined().ToDictionary(p => p.Text);

        // The singular and the plural, the capital a sentence gives, are one phrase: three cases.
        Assert.Equal(3, phrases["mécénat de compétences"].Cases);
        Assert.Contains("mecenats de competences", phrases["mécénat de compétences"].Forms);
        Assert.Equal(3, phrases["épicerie solidaire"].Cases);
        Assert.Equal(2, phrases["épicerie solidaire étudiante"].Cases);
        // « l'économie circulaire », with either apostrophe, writes « économie circulaire ».
        Assert.Equal(2, phrases["économie circulaire"].Cases);
        Assert.Equal(3, phrases["économie sociale et solidaire"].Cases);
        Assert.Equal(2, phrases["lutte contre le gaspillage"].Cases);
        // A sentence's capital is no spelling of its own; a capital most cases write would be.
        Assert.Equal(2, phrases["marché couvert"].Cases);
        Assert.Equal(2, phrases["familles modestes"].Cases);
    }

    [Theory]
    [InlineData("Actions et moyens")] // every case writes its words
    [InlineData("sources consultées")] // the same
    [InlineData("compétences des salariés")] // one case
    [InlineData("sociale et solidaire")] // held by « économie sociale et solidaire » in each of its cases but one
    [InlineData("économie sociale")] // the same
    [InlineData("mesurent pas l'effet")] // a clause: a negation
    [InlineData("sources ne mesurent")] // the same
    [InlineData("lutte contre")] // ends on a linking word
    [InlineData("salariés s'engagent")] // one case
    [InlineData("bénévoles décrivent")] // ends on a verb: its form for « nous » is a French word, never after an article
    [InlineData("décrivent le marché couvert")] // starts with one
    [InlineData("aide les familles")] // a verb's object: an article after a word that may end a phrase
    [InlineData("marché couvert grâce")] // « grâce » introduces what follows: the cases write it before « à »
    public void A_phrase_not_worth_a_line_is_not_mined(string phrase)
    {
        var mined = Mined().Select(p => PhraseTable.Key(p.Text)).ToList();

        Assert.NotEmpty(mined);
        Assert.DoesNotContain(PhraseTable.Key(phrase), mined);
    }

    [Fact]
    public void A_large_build_reads_some_cases_and_counts_each_phrase_as_many_times()
    {
        var counter = new PhraseTable.Counter();
        // 3,000 files expected, 2,000 added (the others drafts or invalid): the table still says its counts are estimates.
        counter.ForCases(PhraseTable.Counter.ReadOfMore * 10);
        for (var i = 0; i < PhraseTable.Counter.ReadAll; i++)
        {
            counter.Add($"cas-{i}", CaseText(i % 5 == 0 ? "Un jardin partagé, au centre." : "Un partenariat."));
        }
        var table = counter.Table();

        Assert.Equal(10, counter.Every);
        Assert.True(table.Estimated);
        Assert.True(PhraseTable.Read(table.Write())!.Estimated);
        var jardin = table.Phrases.Single(p => p.Text == "jardin partagé");
        // 400 cases write it: about a tenth of them read, each counted ten times.
        Assert.Equal(0, jardin.Cases % 10);
        Assert.InRange(jardin.Cases, 250, 550);
    }

    [Fact]
    public void The_table_reads_back_as_written()
    {
        var counter = new PhraseTable.Counter();
        foreach (var text in Texts)
        {
            counter.Add(text, text);
        }
        var table = counter.Table();

        var read = PhraseTable.Read(table.Write())!;

        Assert.Equal(table.Phrases.Select(p => (p.Text, p.Cases, string.Join('|', p.Forms))), read.Phrases.Select(p => (p.Text, p.Cases, string.Join('|', p.Forms))));
        Assert.False(read.Estimated);
        Assert.Null(PhraseTable.Read("1\u001Emécénat de compétences\u001Ftrois\u001E"));
        // A table of format 21, without the number of cases read first.
        Assert.Null(PhraseTable.Read("mécénat de compétences\u001F3\u001E"));
    }
}
