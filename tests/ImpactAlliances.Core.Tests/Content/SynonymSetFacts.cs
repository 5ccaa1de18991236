using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;

namespace ImpactAlliances.Core.Tests.Content;

public sealed class SynonymSetFacts : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FrenchAnalyzer _analyzer = new(stem: true);

    [Fact]
    public void Groups_work_both_ways_and_one_way_entries_one_way()
    {
        var set = Read("- [ESS, économie sociale et solidaire]\n- SIAE: [chantier d'insertion, entreprise d'insertion]\n- [SIAE, IAE]\n");

        Assert.Equal(["ess", "econom social solidar"], Expand(set, "ESS"));
        Assert.Equal(["ess", "econom social solidar"], Expand(set, "économie sociale et solidaire"));
        Assert.Equal(["sia", "chanti insertion", "entrepris insertion", "iae"], Expand(set, "SIAE"));
        Assert.Empty(Expand(set, "chantier d'insertion"));
    }

    [Fact]
    public void A_one_way_entry_holds_for_the_equivalents_of_its_key()
    {
        var set = Read("- SIAE: [chantier d'insertion, entreprise d'insertion]\n- [SIAE, IAE]\n");

        Assert.Equal(["sia", "iae", "chanti insertion", "entrepris insertion"], Expand(set, "IAE"));
        Assert.Empty(Expand(set, "entreprise d'insertion"));
    }

    [Fact]
    public void The_field_reaches_the_means_and_the_kinds_from_the_general_word_not_the_other_way()
    {
        var diagnostics = new List<ContentDiagnostic>();
        var set = SynonymSet.Read(RepositoryPaths.Resolve("content/synonyms.yml"), _analyzer, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Contains("microcredit", Expand(set, "créer son entreprise"));
        Assert.Contains("auto ecol", Expand(set, "permis de conduire"));
        Assert.Contains("epsm", Expand(set, "hôpitaux"));
        Assert.Empty(Expand(set, "microcrédit"));
        Assert.Empty(Expand(set, "auto-école"));
        Assert.Empty(Expand(set, "EPSM"));
    }

    [Fact]
    public void The_longest_expression_at_a_word_wins_over_a_shorter_one_it_begins_with()
    {
        var set = Read("- gaspillage: [invendus]\n- [gaspillage de nourriture, gaspillage alimentaire]\n");

        var expansion = set.Match(TermAnalysis.Terms(_analyzer, "gaspillage de nourriture dans les cantines"), 0, out var length);

        Assert.Equal(2, length);
        Assert.Equal(["gaspillag nourritur", "gaspillag aliment"], expansion.Select(e => string.Join(' ', e.Terms)));
    }

    [Fact]
    public void The_terms_of_expressions_of_several_words_are_known()
    {
        var set = Read("- [aidants familiaux, aidants]\n- SIAE: [chantier d'insertion]\n");

        Assert.True(set.InPhrase("aidant"));
        Assert.True(set.InPhrase("familial"));
        Assert.False(set.InPhrase("sia"));
        Assert.False(set.InPhrase("chanti"));
    }

    [Fact]
    public void Stop_words_inside_an_expression_keep_their_gap()
    {
        var set = Read("- [IAE, insertion par l'activité économique]\n");

        var expression = set.Match(["iae"], 0, out _).Single(e => e.Terms.Length > 1);
        Assert.Equal([0, 2, 3], expression.Positions);
    }

    [Fact]
    public void A_malformed_line_is_reported_with_its_line()
    {
        var diagnostics = new List<ContentDiagnostic>();
        var path = Path.Combine(_folder.Path, "synonyms.yml");
        File.WriteAllText(path, "- [ESS, économie sociale et solidaire]\n- [seul]\n");

        SynonymSet.Read(path, _analyzer, diagnostics);

        Assert.Equal(2, Assert.Single(diagnostics).Line);
    }

    private SynonymSet Read(string text)
    {
        var path = Path.Combine(_folder.Path, "synonyms.yml");
        File.WriteAllText(path, text);
        var diagnostics = new List<ContentDiagnostic>();
        var set = SynonymSet.Read(path, _analyzer, diagnostics);
        Assert.Empty(diagnostics);
        return set;
    }

    private List<string> Expand(SynonymSet set, string text)
    {
        var terms = TermAnalysis.Terms(_analyzer, text);
        var expansion = set.Match(terms, 0, out var length);
        return length == terms.Length ? expansion.Select(e => string.Join(' ', e.Terms)).ToList() : [];
    }

    public void Dispose()
    {
        _analyzer.Dispose();
        _folder.Dispose();
    }
}
