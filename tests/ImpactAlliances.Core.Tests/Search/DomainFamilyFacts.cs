using System.Text.RegularExpressions;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// « environnement » names a domain whose label is its family's (<see cref="Querying.QueryVocabulary.FamilyNamedBy"/>): on the real
/// content, the cases tagged only with the family's other domains are found by it though their text never writes the word, and
/// those tagged with a domain of another family as well are left to their words.
/// </summary>
public sealed partial class DomainFamilyFacts(RealContentIndex content) : IClassFixture<RealContentIndex>
{
    private static readonly string[] Family = ["pollution", "biodiversite", "transition-energetique"];

    [Fact]
    public void A_domain_named_like_its_family_finds_the_cases_of_the_family_alone()
    {
        var unwritten = content.Cases
            .Where(c => !c.Domains.Contains("environnement") && c.Domains.Any(Family.Contains))
            .Where(c => !Environment().IsMatch(FrenchAnalyzer.FoldLower($"{c.Title}\n{c.Summary}\n{c.Body}")))
            .ToList();
        var alone = unwritten.Where(c => c.Domains.All(Family.Contains)).Select(c => c.Slug).ToList();
        var beside = unwritten.Where(c => !c.Domains.All(Family.Contains)).Select(c => c.Slug).ToList();
        var found = RealContentIndex.AllFound(content.Served, new SearchRequest { Query = "environnement" });

        Assert.True(alone.Count >= 5, $"{alone.Count} cases: the test says little");
        Assert.Empty(alone.Except(found));
        // Some of those tagged beside another family are found by other words of the query (its synonyms), not all by the domain.
        Assert.NotEmpty(beside.Except(found));
    }

    [GeneratedRegex(@"\benvironnement")]
    private static partial Regex Environment();
}
