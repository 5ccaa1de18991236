using ImpactAlliances.Core.Search;
using Lucene.Net.Analysis.TokenAttributes;

namespace ImpactAlliances.Core.Tests.Search;

public sealed class FrenchAnalyzerFacts
{
    [Theory]
    [InlineData("mobilité", "Mobilité")]
    [InlineData("mobilité", "MOBILITÉ")]
    [InlineData("mobilité", "mobilite")]
    [InlineData("mobilité", "mobilités")]
    [InlineData("insertion", "l'insertion")]
    [InlineData("insertion", "L’INSERTION")]
    [InlineData("entreprise", "qu'entreprises")]
    [InlineData("économie", "economies")]
    public void Variants_meet_on_one_term(string word, string variant)
    {
        Assert.Equal(Terms(word, stem: true), Terms(variant, stem: true));
    }

    [Fact]
    public void Stop_words_are_dropped_with_or_without_accents()
    {
        Assert.Equal(["alliance", "territoire"], Terms("l'alliance à le territoire", stem: false));
    }

    [Fact]
    public void The_exact_variant_folds_but_keeps_whole_words()
    {
        Assert.Equal(["numerique", "mecenat"], Terms("Numérique MÉCÉNAT", stem: false));
    }

    private static List<string> Terms(string text, bool stem)
    {
        using var analyzer = new FrenchAnalyzer(stem);
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }
        stream.End();
        return terms;
    }
}
