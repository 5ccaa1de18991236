using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Querying;

namespace ImpactAlliances.Core.Tests.Querying;

/// <summary>
/// An expression of the vocabulary that opens with a word the analysis drops (« sans » of « sans-abri », « sans domicile »,
/// « sans emploi ») is named only when that word is typed before the rest: « à domicile » is home care, not homelessness, and
/// « emploi » is not the unemployed. Searched, such an expression is still its other words (the index holds no stop word).
/// </summary>
public sealed class DroppedLeadFacts : IDisposable
{
    private const string Synonyms = """
        - [SDF, sans-abri, sans domicile fixe, sans-domicile, personnes à la rue]
        - [chômeurs, chômage, demandeurs d'emploi, sans emploi]
        - [emploi, travail]
        - [maintien à domicile, rester chez soi]
        """;

    private readonly FrenchAnalyzer _analyzer = new(stem: true);
    private readonly SearchQueryBuilder _builder;

    public DroppedLeadFacts()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "synonyms.yml");
        File.WriteAllText(path, Synonyms);
        var diagnostics = new List<ContentDiagnostic>();
        var synonyms = SynonymSet.Read(path, _analyzer, diagnostics);
        var taxonomy = TaxonomyReader.Read(RepositoryPaths.Resolve("content/taxonomy.yml"), diagnostics)!;
        Assert.Empty(diagnostics);
        _builder = new SearchQueryBuilder(_analyzer, synonyms, QueryVocabulary.Build(taxonomy, _analyzer, PlaceGazetteer.Official, null, OrganisationKeys.Empty));
    }

    [Theory]
    [InlineData("rompre l'isolement des personnes âgées à domicile", false)]
    [InlineData("aide à domicile", false)]
    [InlineData("domicile", false)]
    [InlineData("mise à l'abri des femmes victimes de violences", false)]
    [InlineData("héberger des sans-abri dans des bâtiments vides", true)]
    [InlineData("loger les personnes sans domicile", true)]
    [InlineData("les sans abri", true)]
    [InlineData("SDF", true)]
    public void A_word_after_a_dropped_word_names_the_homeless_only_after_sans(string question, bool homeless)
    {
        var query = Build(question);

        Assert.Equal(homeless, query.Contains(":sdf", StringComparison.Ordinal));
        Assert.Equal(homeless, query.Contains("domains:pauvrete-exclusion", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("entreprises et associations pour l'emploi des jeunes", false)]
    [InlineData("recycler les vêtements en créant des emplois", false)]
    [InlineData("jeunes sans emploi", true)]
    [InlineData("chômeurs", true)]
    public void Employment_names_the_unemployed_only_after_sans(string question, bool unemployed)
    {
        var query = Build(question);

        Assert.Equal(unemployed, query.Contains(":chomeur", StringComparison.Ordinal));
        Assert.Contains(":emploi", query, StringComparison.Ordinal);
    }

    [Fact]
    public void The_expression_is_still_searched_by_its_other_words()
    {
        // The index holds « sans-abri » as « abri »: « SDF » searches it so, or the cases writing only « sans-abri » are lost.
        Assert.Contains(":abri", Build("SDF"), StringComparison.Ordinal);
        Assert.Contains(":domicil", Build("SDF"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lead_is_the_dropped_words_before_the_first_kept_one()
    {
        Assert.Equal("sans", SynonymSet.Lead(_analyzer, "sans-abri"));
        Assert.Equal("a la", SynonymSet.Lead(_analyzer, "à la campagne"));
        Assert.Equal("", SynonymSet.Lead(_analyzer, "personnes à la rue"));
        Assert.True(SynonymSet.LeadTyped("sans", "des sans"));
        Assert.False(SynonymSet.LeadTyped("sans", "a"));
        Assert.False(SynonymSet.LeadTyped("sans", "dessans"));
    }

    private string Build(string question) => _builder.Build(UserQuery.Parse(question)).Query?.ToString() ?? "";

    public void Dispose() => _analyzer.Dispose();
}
