using ImpactAlliances.Core.Places;

namespace ImpactAlliances.Core.Tests.Places;

public sealed class DemonymTableFacts
{
    private static readonly PlaceGazetteer Places = PlaceGazetteer.Official;

    [Theory]
    [InlineData("bretonnes", PlaceKind.Region, "53")]
    [InlineData("Franciliens", PlaceKind.Region, "11")]
    [InlineData("réunionnaise", PlaceKind.Region, "04")]
    [InlineData("guyanais", PlaceKind.Region, "03")]
    [InlineData("alsaciennes", PlaceKind.Region, "44")]
    [InlineData("franc-comtois", PlaceKind.Region, "27")]
    [InlineData("francs comtois", PlaceKind.Region, "27")]
    [InlineData("marseillaises", PlaceKind.Commune, "13055")]
    [InlineData("stéphanois", PlaceKind.Commune, "42218")]
    [InlineData("Montpelliérain", PlaceKind.Commune, "34172")]
    public void A_form_names_its_place(string form, PlaceKind kind, string code)
    {
        var place = Assert.Single(Places.Demonyms.Named(form));

        Assert.Equal((kind, code), (place.Kind, place.Code));
    }

    [Fact]
    public void A_demonym_of_several_regions_names_each()
    {
        Assert.Equal(["01", "02"], Places.Demonyms.Named("antillais").Select(p => p.Code).Order());
    }

    [Theory]
    [InlineData("occitan")]
    [InlineData("ligérien")]
    [InlineData("basque")]
    [InlineData("limousine")]
    [InlineData("normal")]
    public void A_form_that_is_a_common_word_or_of_another_place_is_left_out(string form)
    {
        Assert.Empty(Places.Demonyms.Named(form));
    }

    [Theory]
    [InlineData("Crédit lyonnais", 1, "Crédit", true)]
    [InlineData("Lyonnaise des eaux", 0, null, true)]
    [InlineData("lyonnais", 0, "crédit", true)]
    [InlineData("parisien", 0, "Le", true)]
    [InlineData("transports lyonnais", 1, "transports", false)]
    [InlineData("lyonnais", 0, null, false)]
    [InlineData("Lyonnaise des écoles", 0, null, false)]
    public void A_demonym_inside_a_listed_name_is_found(string text, int index, string? previous, bool inName)
    {
        Assert.Equal(inName, Places.Demonyms.InName(text.Split(' '), index, previous));
    }

    [Theory]
    [InlineData("Breton", true)]
    [InlineData("Parisienne", true)]
    [InlineData("Bretons", false)]
    [InlineData("Lyonnais", false)]
    [InlineData("Tourangeaux", false)]
    [InlineData("bretonne", false)]
    public void A_singular_with_a_capital_is_a_name(string typed, bool name)
    {
        Assert.Equal(name, DemonymTable.IsAName(typed));
    }

    [Fact]
    public void A_line_naming_no_place_is_refused_with_its_line()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            DemonymTable.Parse(new StringReader("# gentilés\nG\tBretagne\tbreton\nG\tAtlantide\tatlante\n"), Places));

        Assert.StartsWith("demonyms.tsv:3: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_without_a_demonym_of_the_table_is_refused_with_its_line()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            DemonymTable.Parse(new StringReader("# gentilés\nX\tThierry Breton\nG\tBretagne\tbreton\nX\tLe Petit Journal\n"), Places));

        Assert.StartsWith("demonyms.tsv:4: ", error.Message, StringComparison.Ordinal);
    }
}
