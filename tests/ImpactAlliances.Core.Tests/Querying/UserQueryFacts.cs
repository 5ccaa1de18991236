using ImpactAlliances.Core.Querying;

namespace ImpactAlliances.Core.Tests.Querying;

public sealed class UserQueryFacts
{
    [Fact]
    public void Reads_words_phrases_prefixes_exclusions_and_or()
    {
        var clauses = UserQuery.Parse("mobilité \"économie sociale\" numéri* -vélo emploi OR insertion NOT santé");

        Assert.Equal(
        [
            new QueryClause(ClauseKind.Word, "mobilité"),
            new QueryClause(ClauseKind.Phrase, "économie sociale"),
            new QueryClause(ClauseKind.Prefix, "numéri"),
            new QueryClause(ClauseKind.Word, "vélo", Excluded: true),
            new QueryClause(ClauseKind.Word, "emploi"),
            new QueryClause(ClauseKind.Word, "insertion", OrWithPrevious: true),
            new QueryClause(ClauseKind.Word, "santé", Excluded: true),
        ], clauses);
    }

    [Fact]
    public void Clauses_written_back_read_as_the_same_clauses()
    {
        var clauses = UserQuery.Parse("mobilité \"économie sociale\" numéri* -vélo emploi OR insertion NOT \"lien social\"");

        Assert.Equal("mobilité \"économie sociale\" numéri* -vélo emploi OR insertion -\"lien social\"", UserQuery.Format(clauses));
        Assert.Equal(clauses, UserQuery.Parse(UserQuery.Format(clauses)));
    }

    [Theory]
    [InlineData("sans\u2011abri")]
    [InlineData("sans\u2010abri")]
    public void A_unicode_hyphen_inside_a_word_is_the_hyphen(string typed)
    {
        Assert.Equal(UserQuery.Parse("sans-abri"), UserQuery.Parse(typed));
    }

    [Fact]
    public void French_quotes_and_an_unclosed_quote_make_phrases()
    {
        Assert.Equal([new QueryClause(ClauseKind.Phrase, "mécénat de compétences")], UserQuery.Parse("« mécénat de compétences »"));
        Assert.Equal([new QueryClause(ClauseKind.Phrase, "lien social")], UserQuery.Parse("\"lien social"));
    }

    [Fact]
    public void An_acronym_written_with_dots_is_read_without_them()
    {
        Assert.Equal(
        [
            new QueryClause(ClauseKind.Word, "ARS"),
            new QueryClause(ClauseKind.Word, "ESS", Excluded: true),
            new QueryClause(ClauseKind.Word, "l'ARS"),
            new QueryClause(ClauseKind.Word, "M."),
            new QueryClause(ClauseKind.Word, "p.ex."),
        ], UserQuery.Parse("A.R.S. -E.S.S l'a.r.s. M. p.ex."));
    }

    [Fact]
    public void Syntax_characters_of_other_engines_separate_words()
    {
        Assert.Equal(["title", "mobilité", "x"], UserQuery.Parse("title:mobilité (x)").Select(c => c.Text));
    }

    [Theory]
    [InlineData("artisanat art", "art", "arts", "artisanat arts")]
    [InlineData("remplir empli", "empli", "emploi", "remplir emploi")]
    [InlineData("«sevices» (publics)", "sevices", "services", "«services» (publics)")]
    [InlineData("l'ilettrisme des adultes", "l'ilettrisme", "l'illettrisme", "l'illettrisme des adultes")]
    [InlineData("artisant", "art", "arts", "artisant")]
    public void A_word_is_replaced_where_it_stands_whole_not_inside_a_longer_word(string text, string from, string to, string replaced)
    {
        Assert.Equal(replaced, UserQuery.ReplaceWords(text, [new Correction(from, to)]));
    }

    [Fact]
    public void Words_are_replaced_in_the_order_of_the_clauses()
    {
        // The first « aidents » made an expression with « familiaux »; alone, the second was left as typed.
        Assert.Equal("aidants familiaux et aidents", UserQuery.ReplaceWords("aidents familiaux et aidents", [new Correction("aidents", "aidants")]));
        Assert.Equal("services et services", UserQuery.ReplaceWords("sevices et sevices", [new("sevices", "services"), new("sevices", "services")]));
        Assert.Equal("vos voisins", UserQuery.ReplaceWords("voisins vos", [new("voisins", "vos"), new("vos", "voisins")]));
    }

    [Fact]
    public void Random_input_never_throws()
    {
        var random = new Random(17);
        const string alphabet = "ab é\"'*-:()[]{}~^!?\\/|&«»ORANDNOT \t\n\u0000\u2019";
        for (var i = 0; i < 5_000; i++)
        {
            var input = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var clauses = UserQuery.Parse(input);
            Assert.All(clauses, c => Assert.NotEmpty(c.Text));
        }
    }

    [Fact]
    public void Input_past_the_limit_is_cut()
    {
        var clauses = UserQuery.Parse(new string('a', UserQuery.MaxLength * 3));

        Assert.Equal(UserQuery.MaxLength, clauses.Single().Text.Length);
    }

    [Fact]
    public void Input_past_the_limit_is_cut_between_words_as_a_page_cuts_it()
    {
        // Cut at the 500th character, the API searched « mobil », which the corrector then « corrected ».
        var typed = string.Concat(Enumerable.Repeat("mobilité ", 60)) + "fin";

        var clauses = UserQuery.Parse(typed);

        Assert.All(clauses, c => Assert.Equal("mobilité", c.Text));
        Assert.Equal(UserQuery.Parse(UserQuery.Cut(typed)), clauses);
        Assert.Equal(UserQuery.MaxLength / "mobilité ".Length, clauses.Count);
    }
}
