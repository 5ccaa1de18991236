using ImpactAlliances.Core.Content;
using ImpactAlliances.Web.Pages;
using ImpactAlliances.Web.Search;

namespace ImpactAlliances.Web.Tests;

/// <summary>What the correction of a misspelt parameter's name is called on the pages (<see cref="MisspeltParameters.Meaning"/>).</summary>
public sealed class MisspeltParametersFacts
{
    private static readonly Taxonomy Taxonomy = TaxonomyReader.Read(RepositoryPaths.Resolve("content/taxonomy.yml"), [])!;

    public static TheoryData<string> NamesThePagesRead() => [.. MisspeltParameters.Keys, CarteModel.LevelKey];

    [Theory]
    [MemberData(nameof(NamesThePagesRead))]
    public void Every_parameter_a_misspelt_name_may_mean_is_said_in_words(string key)
    {
        // A parameter without words would be offered as « domains=sante »: the raw query string, not what it does.
        foreach (var value in new[] { "1", "0", "abc" })
        {
            var meaning = MisspeltParameters.Meaning(new UnreadParameter($"{key}x", value, Meant: key), Taxonomy);

            Assert.NotNull(meaning);
            Assert.DoesNotContain("=", meaning, StringComparison.Ordinal);
            Assert.DoesNotContain("_", meaning, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("domains", "sante", "le domaine Santé")]
    [InlineData("domains", "sante,mobilite,sante", "les domaines Santé ou Mobilité")]
    [InlineData("domains", "sante,santé", "les domaines Santé ou «\u202Fsanté\u202F»")]
    [InlineData("regions", "bretagne", "la région Bretagne")]
    [InlineData("scales", "local,regional", "les échelles Locale ou Régionale")]
    [InlineData("year", "2015", "les exemples de 2015")]
    [InlineData("year", "2015,2016", "les exemples de «\u202F2015,2016\u202F»")]
    [InlineData("sort", "Recent", "le tri par mise à jour, les plus récents d'abord")]
    [InlineData("sort", "date", "le tri «\u202Fdate\u202F»")]
    [InlineData("all", "regions", "toutes les régions choisies à la fois")]
    [InlineData("q", "vélo", "la recherche «\u202Fvélo\u202F»")]
    [InlineData("undated", "1", "avec les exemples non datés")]
    public void A_correction_is_said_from_the_taxonomy_s_labels_and_a_value_that_means_nothing_as_given(string key, string value, string expected) =>
        Assert.Equal(expected, MisspeltParameters.Meaning(new UnreadParameter("x", value, Meant: key), Taxonomy));

    [Fact]
    public void A_parameter_that_is_not_misspelt_has_no_correction_to_say() =>
        Assert.Null(MisspeltParameters.Meaning(new UnreadParameter("page", "abc"), Taxonomy));
}
