using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;

namespace ImpactAlliances.Core.Tests.Content;

/// <summary>
/// The name of a domain finds, one way, the terms the taxonomy gives the domain (content/synonyms.yml, the entries under
/// « Le nom d'un domaine… »): the cases of a domain often say it by those words (« hébergement », « soins », « transports »)
/// without its name, and a case without the domain's tag was found by the name only. The file's lines are the taxonomy's terms
/// that no other of them holds; these facts keep them so.
/// </summary>
public sealed class DomainTermsFacts : IDisposable
{
    private readonly FrenchAnalyzer _analyzer = new(stem: true);

    // The domains whose name finds their terms, and the word a question types for the name. Not sécurité (three fields « sécurité »
    // alone does not name), numérique (its terms hold the word), nor the domains whose name joins two fields (emploi et insertion,
    // handicap et diversité, culture et loisirs).
    public static TheoryData<string, string> Named => new()
    {
        { "education", "éducation" },
        { "sante", "santé" },
        { "logement", "logement" },
        { "vieillissement", "vieillissement" },
        { "mobilite", "mobilité" },
        { "environnement", "environnement" },
        { "pollution", "pollution" },
        { "biodiversite", "biodiversité" },
        { "pauvrete-exclusion", "pauvreté" },
        { "transition-energetique", "transition énergétique" },
    };

    [Theory]
    [MemberData(nameof(Named))]
    public void A_domain_s_name_reaches_every_term_of_the_domain_and_searches_only_those(string domain, string name)
    {
        var terms = Taxonomy()["domains"].Find(domain)!.Terms.Select(t => TermAnalysis.Terms(_analyzer, t)).ToList();
        var searched = Expand(name).Where(e => e != Key(name)).ToList();

        Assert.NotEmpty(searched);
        // Each term of the domain holds the name or a searched expression (« accès aux soins » holds « soins »): the file leaves
        // out the terms another one reaches, whose phrases would cost the query time and find no other case.
        Assert.All(terms, term => Assert.True(Reaches(Key(name), term) || searched.Any(e => Reaches(e, term)), string.Join(' ', term)));
        // And searches nothing the taxonomy does not give the domain, nor a term that the name or another searched term holds.
        Assert.All(searched, e => Assert.Contains(e, terms.Select(t => string.Join(' ', t))));
        Assert.All(searched, e => Assert.False(Reaches(Key(name), e.Split(' ')) || searched.Any(o => o != e && Reaches(o, e.Split(' '))), e));
    }

    [Theory]
    [InlineData("hébergement", "logement")]
    [InlineData("soins", "santé")]
    [InlineData("transports", "mobilité")]
    [InlineData("déchets", "environnement")]
    [InlineData("précarité", "pauvreté")]
    [InlineData("espèces", "biodiversité")]
    [InlineData("scolaire", "éducation")]
    public void A_term_of_a_domain_does_not_find_the_domain_s_name(string term, string name)
    {
        Assert.DoesNotContain(Key(name), Expand(term));
        Assert.Contains(Key(term), Expand(name));
    }

    [Theory]
    [InlineData("sécurité", "délinquance")]
    [InlineData("insertion", "chômage")]
    [InlineData("culture", "sport")]
    public void A_name_that_says_one_field_of_its_domain_does_not_find_the_others(string name, string term)
    {
        Assert.DoesNotContain(Key(term), Expand(name));
    }

    public void Dispose() => _analyzer.Dispose();

    private static Taxonomy Taxonomy()
    {
        var diagnostics = new List<ContentDiagnostic>();
        var taxonomy = TaxonomyReader.Read(RepositoryPaths.Resolve("content/taxonomy.yml"), diagnostics);
        Assert.Empty(diagnostics);
        return taxonomy!;
    }

    // Whether the expression's terms stand together in the term's.
    private static bool Reaches(string expression, string[] term)
    {
        var words = expression.Split(' ');
        return Enumerable.Range(0, term.Length - words.Length + 1).Any(i => term.AsSpan(i, words.Length).SequenceEqual(words));
    }

    private string Key(string text) => string.Join(' ', TermAnalysis.Terms(_analyzer, text));

    private List<string> Expand(string text)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var set = SynonymSet.Read(RepositoryPaths.Resolve("content/synonyms.yml"), _analyzer, diagnostics);
        Assert.Empty(diagnostics);
        var terms = TermAnalysis.Terms(_analyzer, text);
        return set.Match(terms, 0, out var length).Where(_ => length == terms.Length).Select(e => string.Join(' ', e.Terms)).ToList();
    }
}
