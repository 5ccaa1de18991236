using ImpactAlliances.Core.Querying;

namespace ImpactAlliances.Core.Tests.Querying;

/// <summary>Which questions are read as English (<see cref="QueryLanguage"/>), and what that spares them.</summary>
public sealed class QueryLanguageFacts
{
    /// <summary>
    /// « social innovation in rural areas » has one English word of four letters or more that is not French (« areas »):
    /// « social », « innovation » and « rural » are words of both. « in » says it is English.
    /// </summary>
    [Theory]
    [InlineData("social innovation in rural areas")]
    [InlineData("social innovation for rural areas")]
    [InlineData("the food bank network")]
    [InlineData("housing for refugees")]
    [InlineData("companies and associations fighting youth unemployment")]
    [InlineData("youth unemployment")]
    [InlineData("social innovation companies fighting exclusion")]
    public void A_question_in_english_is_english(string query) => Assert.True(QueryLanguage.IsEnglish(UserQuery.Parse(query)));

    /// <summary>
    /// A French question holding one English word stays French, whether the word is English only (« crowdfunding »,
    /// « mentoring ») or of both (« startups », « made »), and beside an English linking word (« made in France ») or a French
    /// one that outnumbers it; so does a short English word alone beside French words (« the » is « thé » typed without its accent).
    /// </summary>
    [Theory]
    [InlineData("mobilité solidaire rurale fundraising")]
    [InlineData("mécénat de compétences et crowdfunding")]
    [InlineData("mentoring des jeunes en entreprise")]
    [InlineData("repair café dans les quartiers")]
    [InlineData("food truck solidaire pour les étudiants")]
    [InlineData("team building avec des associations")]
    [InlineData("outdoor et insertion par le sport")]
    [InlineData("le made in France et l'emploi local")]
    [InlineData("entreprises made in France")]
    [InlineData("accompagnement des startups de l'ESS")]
    [InlineData("salon de the solidaire")]
    [InlineData("insertion in situ des détenus")]
    [InlineData("mobilté youth")]
    [InlineData("compagnies fighting")]
    public void A_french_question_with_one_english_word_is_french(string query) => Assert.False(QueryLanguage.IsEnglish(UserQuery.Parse(query)));
}
