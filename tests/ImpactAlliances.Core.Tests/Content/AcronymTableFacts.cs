using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Content;

namespace ImpactAlliances.Core.Tests.Content;

public sealed class AcronymTableFacts
{
    [Fact]
    public void A_text_defines_an_acronym_after_its_spelt_out_form_or_before_it()
    {
        const string text = """
            Le projet réunit l'Agence régionale de santé (ARS), les Territoires zéro chômeur de longue durée (TZCLD, depuis 2016)
            et la Ligue pour la protection des oiseaux (LPO). Le PLIE (plan local pour l'insertion et l'emploi) suit les parcours.
            """;

        Assert.Equal(
            [
                ("ARS", "Agence régionale de santé"),
                ("TZCLD", "Territoires zéro chômeur de longue durée"),
                ("LPO", "Ligue pour la protection des oiseaux"),
                ("PLIE", "plan local pour l'insertion et l'emploi"),
            ],
            AcronymTable.Definitions(text));
    }

    [Theory]
    [InlineData("Une grande association nationale (ARS) agit.")]
    [InlineData("Le centre social (CAF) accueille.")]
    [InlineData("Les entreprises engagées (ODD 17) et (2019).")]
    [InlineData("L'ESS (économie solidaire) progresse.")]
    [InlineData("Le RSA (revenu de solidarité active, versé par le département) aide.")]
    [InlineData("Un texte sans parenthèse fermante (ARS")]
    public void Words_whose_initials_do_not_spell_the_acronym_define_nothing(string text) =>
        Assert.Empty(AcronymTable.Definitions(text));

    [Fact]
    public void An_acronym_keeps_the_form_most_cases_give_and_is_left_out_when_they_disagree()
    {
        var table = AcronymTable.Of(
            [
                [("ARS", "Agence régionale de santé")],
                [("ARS", "agence régionale de santé"), ("CLEF", "Centre de logements pour enfants et femmes")],
                [("ARS", "Agences régionales de santé"), ("CLEF", "Coordination lunévilloise enfance famille")],
                [("ARS", "Association rurale solidaire")],
                [("FACE", "Fondation agir contre l'exclusion")],
                [("PTCE", "pôle territorial de coopération économique")],
                [("PTCE", "Pôles territoriaux de coopération économique")],
            ],
            usedAsWord: acronym => acronym == "FACE");

        Assert.Equal(["ARS", "PTCE"], table.Expansions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Agence régionale de santé", table.Expansions["ARS"]);
    }

    [Fact]
    public void A_table_reads_back_as_it_was_written()
    {
        var table = AcronymTable.Of([[("ARS", "agence régionale de santé"), ("LPO", "Ligue pour la protection des oiseaux")]], _ => false);

        Assert.Equal(table.Expansions, AcronymTable.Read(table.Write()).Expansions);
        Assert.Empty(AcronymTable.Read(null).Expansions);
    }

    [Fact]
    public void The_words_of_capitals_of_a_text_are_listed_once() =>
        Assert.Equal(["ARS", "CCAS"], AcronymTable.Capitals("L'ARS et le CCAS ; l'ARS, encore. Une Ville, x ODD17."));

    // Capitals of every length around the bounds, other letters and digits glued to them or not, accented capitals,
    // a pair outside the basic plane and a lone half of one, and what separates words.
    private static readonly string[] Pieces =
    [
        "A", "Z", "AB", "ARS", "CCAS", "ABCDEFGHIJ", "ABCDEFGHIJK", "a", "z", "é", "É", "Œ", "7", "0", "𝐀", "\uD835", "'", "-", " ",
        ".", "(", "\n",
    ];

    [Property(MaxTest = 3000)]
    public Property The_words_of_capitals_are_the_words_of_letters_and_digits_made_only_of_two_to_ten_capitals() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements(Pieces)).Select(string.Concat).ToArbitrary(), text =>
        {
            var words = System.Text.RegularExpressions.Regex.Split(text, @"[^\p{L}\p{Nd}]")
                .Where(word => word.Length is >= AcronymTable.MinLetters and <= AcronymTable.MaxLetters && word.All(c => c is >= 'A' and <= 'Z'));
            return AcronymTable.Capitals(text).SequenceEqual(words.Distinct(StringComparer.Ordinal));
        });

    [Theory]
    [InlineData("Un vis-à-vis en face de la mer.", "face", true)]
    [InlineData("Face à la crise, FACE agit.", "face", false)]
    [InlineData("Le site ptce.fr et les PTCE.", "ptce", true)]
    [InlineData("Les Ehpad et les EHPAD.", "ehpad", false)]
    [InlineData("Une interface.", "face", false)]
    public void A_word_is_written_in_lower_case_only_when_it_stands_alone(string text, string word, bool written) =>
        Assert.Equal(written, AcronymTable.WritesLowerCase(text, word));

    [Theory]
    [InlineData(8, 60, true)]
    [InlineData(14, 1, false)]
    [InlineData(4, 0, false)]
    [InlineData(1, 1, true)]
    public void An_acronym_the_cases_write_in_lower_case_often_enough_is_a_word(int capitals, int lowerCase, bool word) =>
        Assert.Equal(word, AcronymTable.UsedAsWord(capitals, lowerCase));
}
