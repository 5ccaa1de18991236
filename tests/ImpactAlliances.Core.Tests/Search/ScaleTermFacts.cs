using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// A scale named by its terms (« pays du Sud », « solidarité internationale »: the taxonomy's terms of the international scale):
/// on the real content, the question finds the alliances acting outside France though most never write those words, and
/// ranks them first.
/// </summary>
public sealed class ScaleTermFacts(RealContentIndex content) : IClassFixture<RealContentIndex>
{
    [Theory]
    [InlineData("pays du Sud", 5)]
    [InlineData("entreprises sociales dans les pays en développement", 8)]
    public void The_international_scale_named_by_a_term_finds_and_ranks_its_cases(string question, int firstTen)
    {
        var international = content.Cases.Where(c => c.Territory.Scale == "international").Select(c => c.Slug).ToHashSet();
        var unwritten = content.Cases.Where(c => international.Contains(c.Slug)
            && !$"{c.Title}\n{c.Summary}\n{c.Body}".Contains("pays du Sud", StringComparison.OrdinalIgnoreCase)).ToList();
        var found = RealContentIndex.AllFound(content.Served, new SearchRequest { Query = question });

        Assert.True(unwritten.Count >= 20, $"{unwritten.Count} cases: the test says little");
        Assert.Empty(unwritten.Select(c => c.Slug).Except(found));
        // « pays du Sud » alone still meets the « Pays de … » of some titles among its first ten.
        Assert.True(found.Take(10).Count(international.Contains) >= firstTen, string.Join(", ", found.Take(10)));
    }

    [Fact]
    public void The_scale_named_is_offered_as_a_filter_with_the_cases_it_keeps()
    {
        var result = content.Served.Search(new SearchRequest { Query = "pays du Sud" });
        var international = content.Cases.Count(c => c.Territory.Scale == "international");

        var offered = Assert.Single(result.OfferedFilters);
        Assert.Equal(("scales", "international", "Internationale"), (offered.Facet, offered.Value, offered.Label));
        Assert.True(offered.Count > 0 && offered.Count <= international, $"{offered.Count} of {international}");
    }
}
