using System.Globalization;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace ImpactAlliances.Core.Tests.Search;

public sealed class WordRaritySimilarityFacts
{
    // « milieu »: in 1 title, 500 bodies; « rural »: in 5 titles, 50 bodies; of 1,000 cases.
    private static readonly Dictionary<string, int> BodyCounts = new() { ["milieu"] = 500, ["rural"] = 50 };
    private static readonly WordRaritySimilarity Similarity = new(term => BodyCounts.GetValueOrDefault(term.Text));
    private static readonly TermStatistics Milieu = new(new BytesRef("milieu"), 1, 1);
    private static readonly TermStatistics Rural = new(new BytesRef("rural"), 5, 5);

    [Fact]
    public void A_word_of_a_text_field_is_as_rare_as_in_the_field_where_most_cases_hold_it()
    {
        Assert.Equal(Similarity.Idf(500, 1000), Similarity.IdfExplain(Stats(CaseStudySchema.Title), Milieu).Value);
        Assert.Equal(Similarity.Idf(500, 1000), Similarity.IdfExplain(Stats(CaseStudySchema.Body), new TermStatistics(new BytesRef("milieu"), 500, 500)).Value);
    }

    [Fact]
    public void A_phrase_is_as_rare_as_the_rarest_of_its_words_each_counted_across_fields()
    {
        // Not « milieu » because its title count is the smaller, nor the sum of both words' rarities.
        Assert.Equal(Similarity.Idf(50, 1000), Similarity.IdfExplain(Stats(CaseStudySchema.Title), [Milieu, Rural]).Value);
    }

    [Fact]
    public void A_facet_value_keeps_its_own_count()
    {
        Assert.Equal(Similarity.Idf(1, 1000), Similarity.IdfExplain(Stats(CaseStudySchema.Actors.Key), Milieu).Value);
    }

    [Fact]
    public void A_phrase_of_no_word_is_scored_as_Lucene_scores_it() =>
        Assert.Equal(new DefaultSimilarity().IdfExplain(Stats(CaseStudySchema.Title), []).Value, Similarity.IdfExplain(Stats(CaseStudySchema.Title), []).Value);

    [Fact]
    public void An_idf_is_described_when_read_and_only_then()
    {
        // A facet's field, whose count is its own: the explanation alone is made (64 bytes), not its text as well (120 in all).
        var facet = Stats(CaseStudySchema.Actors.Key);
        var allocated = Allocated(() => _ = Similarity.IdfExplain(facet, Milieu));
        Assert.InRange(allocated, 1, 64);
        var stats = Stats(CaseStudySchema.Title);
        var word = Similarity.IdfExplain(stats, Milieu);
        var phrase = Similarity.IdfExplain(stats, [Milieu, Rural]);
        Assert.Equal("idf(docFreq=500, maxDocs=1000)", word.Description);
        Assert.Equal("idf(docFreq=50, maxDocs=1000), the phrase's rarest word", phrase.Description);
        Assert.StartsWith($"{word.Value.ToString(CultureInfo.InvariantCulture)} = idf(docFreq=500, maxDocs=1000)", word.ToString(), StringComparison.Ordinal);
        // A phrase's text too: asking for its idf and reading the text allocates the text (over 100 bytes) beyond asking alone.
        TermStatistics[] words = [Milieu, Rural];
        var asked = Allocated(() => _ = Similarity.IdfExplain(facet, words));
        var read = Allocated(() => _ = Similarity.IdfExplain(facet, words).Description);
        Assert.True(read - asked >= 100, $"asked {asked} bytes, asked and read {read}");
    }

    /// <summary>The bytes an action allocates on this thread, its second time (the first may fill caches).</summary>
    private static long Allocated(Action action)
    {
        action();
        return Allocation.Of(action);
    }

    private static CollectionStatistics Stats(string field) => new(field, 1000, 1000, -1, -1);
}
