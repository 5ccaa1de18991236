using System.Text.RegularExpressions;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>
/// The taxonomy's terms in a query, on the real content: the run that names one keeps its synonyms when a word the analysis
/// drops follows it.
/// </summary>
public sealed class NarrowTermFacts(RealContentIndex content) : IClassFixture<RealContentIndex>
{
    /// <summary>
    /// « personnes âgées en » names what « personnes âgées » names (the taxonomy's key leaves « en » out), so the run that named
    /// the domain took three words where the synonyms' run took two, and the synonyms were dropped: « personnes âgées en Corse »
    /// did not search « aînés », the word the Corsican cases write.
    /// </summary>
    [Theory]
    [InlineData("personnes âgées en Corse", "aînés")]
    [InlineData("aide alimentaire dans le Nord-Pas-de-Calais", "épicerie")]
    [InlineData("insertion professionnelle en Loire-Atlantique", "retour")]
    public void A_name_followed_by_a_word_the_analysis_drops_keeps_its_synonyms(string question, string synonym)
    {
        var query = Build(question);

        // The synonym's term, alone or in its expression's phrase (« "epicer solidar" »).
        var term = Assert.Single(TermAnalysis.Terms(CaseStudySchema.CreateAnalyzer(), synonym));
        Assert.Matches($"[:\" ]{Regex.Escape(term)}[\" ^]", query);
    }

    private string Build(string question)
    {
        using var lease = content.Index.Acquire();
        var analyzer = CaseStudySchema.CreateAnalyzer();
        var synonyms = SynonymSet.Read(RepositoryPaths.Resolve("content/synonyms.yml"), analyzer, []);
        var builder = new SearchQueryBuilder(analyzer, synonyms, lease.Snapshot.QueryVocabulary(analyzer), lease.Snapshot.Terms);
        return builder.Build(UserQuery.Parse(question)).Query?.ToString() ?? "";
    }
}
