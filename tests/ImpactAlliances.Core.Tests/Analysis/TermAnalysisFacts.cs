using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Tests.Analysis;

/// <summary>A short text's analysis is kept per analyzer: the same terms as analysing it again, for that analyzer only.</summary>
public sealed class TermAnalysisFacts
{
    [Fact]
    public void A_word_s_analysis_is_kept_for_its_analyzer_and_equals_a_new_one()
    {
        using var analyzer = CaseStudySchema.CreateAnalyzer();
        using var other = CaseStudySchema.CreateAnalyzer();

        var first = TermAnalysis.WithPositions(analyzer, "l'Économie sociale");
        var again = TermAnalysis.WithPositions(analyzer, "l'Économie sociale");
        var fresh = TermAnalysis.WithPositions(other, "l'Économie sociale");

        // Given again, not analysed again; the same terms and positions as another analyzer of the same kind works out.
        Assert.Same(first.Terms, again.Terms);
        Assert.Same(first.Positions, again.Positions);
        Assert.NotSame(first.Terms, fresh.Terms);
        Assert.Equal(fresh.Terms, first.Terms);
        Assert.Equal(fresh.Positions, first.Positions);
        Assert.Equal(["econom", "social"], first.Terms);
    }

    [Fact]
    public void A_long_text_is_analysed_each_time_and_an_analyzer_gets_its_own_analysis()
    {
        using var stemmed = CaseStudySchema.CreateAnalyzer();
        using var folded = new FrenchAnalyzer(stem: false);
        var text = string.Join(' ', Enumerable.Repeat("mobilités", 7));
        Assert.True(text.Length > TermAnalysis.MaxKeptLength);

        Assert.NotSame(TermAnalysis.Terms(stemmed, text), TermAnalysis.Terms(stemmed, text));
        Assert.Equal(TermAnalysis.Terms(stemmed, text), TermAnalysis.Terms(stemmed, text));
        // The same word kept for one analyzer is not what another one is given.
        Assert.Equal(["mobilit"], TermAnalysis.Terms(stemmed, "mobilités"));
        Assert.Equal(["mobilites"], TermAnalysis.Terms(folded, "mobilités"));
    }
}
