using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ImpactAlliances.Core.Tests.Querying;

/// <summary>The words nearest to a misspelt one, worked out once per vocabulary and word.</summary>
public sealed class SpellVocabularyFacts
{
    [Fact]
    public void A_word_s_nearest_words_are_kept_per_distance_and_are_those_worked_out_anew()
    {
        var vocabulary = VocabularyOf(Texts);

        var first = vocabulary.Nearest("polution", 1);
        var again = vocabulary.Nearest("polution", 1);
        var anew = VocabularyOf(Texts).Nearest("polution", 1);
        var wider = vocabulary.Nearest("polution", 2);

        Assert.Same(first.Words, again.Words);
        Assert.Equal(anew.Words, first.Words);
        Assert.Equal(anew.Edits, first.Edits);
        // « pollution » first: one edit, and it begins as the word typed; « solution » one edit too.
        Assert.Equal(["pollution", "solution"], first.Words.Select(w => w.Surface));
        Assert.Equal(1, first.Edits);
        // Another distance is its own search: « solutions » is two edits away.
        Assert.NotSame(first.Words, wider.Words);
        Assert.Equal(1, wider.Edits);
        Assert.Equal(["pollution", "solution"], wider.Words.Select(w => w.Surface));
    }

    [Fact]
    public void A_word_longer_than_the_analysis_keeps_is_worked_out_each_time_and_not_kept()
    {
        var vocabulary = VocabularyOf(Texts);
        var longest = "pollution" + new string('s', TermAnalysis.MaxKeptLength - "pollution".Length);

        var first = vocabulary.Nearest(longest + "s", 2);
        var again = vocabulary.Nearest(longest + "s", 2);
        vocabulary.Nearest(longest, 2);

        Assert.NotSame(first.Words, again.Words);
        Assert.Equal(first.Words, again.Words);
        Assert.Equal(1, vocabulary.KeptNearest);
    }

    private static readonly string[] Texts = ["pollution solution", "pollution", "solution solutions"];

    private static SpellVocabulary VocabularyOf(IEnumerable<string> texts)
    {
        using var directory = new RAMDirectory();
        using var analyzer = CaseStudySchema.CreateAnalyzer();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(CaseStudySchema.Version, analyzer)))
        {
            foreach (var text in texts)
            {
                writer.AddDocument(new Document { new TextField(CaseStudySchema.Surface, text, Field.Store.NO) });
            }
        }
        using var reader = DirectoryReader.Open(directory);
        return SpellVocabulary.Read(reader);
    }
}
