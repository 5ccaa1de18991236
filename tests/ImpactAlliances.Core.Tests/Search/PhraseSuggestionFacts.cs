using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Core.Tests.Search;

/// <summary>Two cases writing « mécénat de compétences » beside the fixture corpus, indexed once for <see cref="PhraseSuggestionFacts"/>.</summary>
public sealed class PhraseCorpus : IDisposable
{
    public SearchFixture Fixture { get; } = new([.. FixtureCorpus.Cases,
        new("salaries-engages", "Des salariés engagés auprès d'associations", [("Banque Verte", "entreprise"), ("Aide Locale", "association")], ["lien-social"],
            "mecenat", "national", [], "2026-03-01", "Les salariés de la banque donnent du temps en mécénat de compétences. Leur pouvoir d'achat progresse aussi.")], "");

    public void Dispose() => Fixture.Dispose();
}

/// <summary>The suggestions box completes a phrase being typed with the phrases the cases write.</summary>
public sealed class PhraseSuggestionFacts(PhraseCorpus corpus) : IClassFixture<PhraseCorpus>
{
    [Fact]
    public void A_phrase_completing_the_words_typed_comes_first_with_its_count()
    {
        var suggestions = corpus.Fixture.Searcher.Suggest("mécénat de comp");

        Assert.Equal((SuggestionKind.Phrase, "mécénat de compétences", 2, "mécénat de compétences"), (suggestions[0].Kind, suggestions[0].Label, suggestions[0].Count, suggestions[0].Key));
        // The case whose title starts with it comes after it.
        Assert.Equal((SuggestionKind.Case, "Mécénat de compétences pour les associations"), (suggestions[1].Kind, suggestions[1].Label));
        Assert.Single(suggestions, s => s.Kind == SuggestionKind.Phrase);
    }

    [Fact]
    public void A_phrase_that_is_a_facet_value_is_offered_as_the_value_alone()
    {
        // Two cases write « pouvoir d'achat », a domain's label.
        var suggestions = corpus.Fixture.Searcher.Suggest("pouvoir d'ach");

        Assert.Contains(suggestions, s => s is { Kind: SuggestionKind.Facet, Label: "Pouvoir d'achat" });
        Assert.DoesNotContain(suggestions, s => s.Kind == SuggestionKind.Phrase);
    }

    [Fact]
    public void A_phrase_counted_in_some_cases_only_is_an_estimate_however_few_cases_the_index_holds()
    {
        // A build that expects more files than it reads every one of samples them, though the index ends up holding fewer
        // (drafts and invalid files are expected too): the box says « environ » by the table, not by the index's size.
        using var folder = new TempFolder();
        var store = new IndexStore(Path.Combine(folder.Path, "index"));
        var files = ContentLoader.Load(corpus.Fixture.ContentPath, new DateOnly(2026, 11, 23)).Cases;
        using (var session = new IndexBuilder(new MarkdownRenderer()).Begin(store))
        {
            session.ExpectCases(PhraseTable.Counter.ReadAll + 1);
            // Each case ten times, under ten names: two of them write « mécénat de compétences », a rare phrase still.
            for (var copy = 0; copy < 10; copy++)
            {
                foreach (var file in files)
                {
                    session.Write(session.Prepare(file with { Case = file.Case with { Slug = $"{file.Case.Slug}-{copy}" } }));
                }
            }
            session.Publish(Path.Combine(corpus.Fixture.ContentPath, "taxonomy.yml"));
        }
        using var index = new CaseStudyIndex(store);
        using var searcher = new CaseStudySearcher(index, Options.Create(new SearchIndexOptions { ContentPath = corpus.Fixture.ContentPath }));

        var phrase = Assert.Single(searcher.Suggest("mécénat de comp"), s => s.Kind == SuggestionKind.Phrase);

        Assert.True(phrase.Estimated, $"{phrase.Count} cases of {10 * files.Count}, counted in some of them");
        Assert.False(corpus.Fixture.Searcher.Suggest("mécénat de comp")[0].Estimated, "every case read: an exact count");
    }
}
