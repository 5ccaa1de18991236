using ImpactAlliances.Core.Content;

namespace ImpactAlliances.Core.Tests.Content;

public sealed class ContentLoaderFacts : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private readonly TempFolder _folder = new();
    private readonly string _content;

    public ContentLoaderFacts() => _content = FixtureCorpus.WriteTo(_folder.Path);

    [Fact]
    public void The_fixture_corpus_is_valid()
    {
        var content = ContentLoader.Load(_content, Today);

        Assert.True(content.IsValid);
        Assert.Equal(FixtureCorpus.Cases.Count, content.Cases.Count);
    }

    [Fact]
    public void Problems_of_all_files_are_reported_together_and_only_the_bad_files_are_left_out()
    {
        Write("cases/bad-one.md", FixtureCorpus.Cases[0].ToMarkdown().Replace("scale: national", "scale: galactique"));
        Write("cases/bad-two.md", FixtureCorpus.Cases[1].ToMarkdown().Replace("updated: 2025-06-01", "updated: demain"));

        var content = ContentLoader.Load(_content, Today);

        Assert.False(content.IsValid);
        Assert.Equal(2, content.Errors.Select(e => e.Path).Distinct().Count());
        Assert.Contains(content.Errors, e => e.Path.EndsWith("bad-one.md", StringComparison.Ordinal) && e.Line == 11);
        Assert.Contains(content.Errors, e => e.Path.EndsWith("bad-two.md", StringComparison.Ordinal) && e.Line == 17);
        Assert.Equal(FixtureCorpus.Cases.Count, content.Cases.Count);
    }

    [Fact]
    public void Duplicate_slugs_in_subfolders_and_duplicate_titles_are_reported()
    {
        Write("cases/archive/velo-ecole-quartiers.md", FixtureCorpus.Cases[1].ToMarkdown().Replace("Vélo-école dans les quartiers", "Autre titre"));
        Write("cases/copie-du-titre.md", FixtureCorpus.Cases[2].ToMarkdown());

        var errors = ContentLoader.Load(_content, Today).Errors.Select(e => e.ToString()).ToList();

        Assert.Contains(errors, e => e.Contains("velo-ecole-quartiers.md:1: duplicate slug 'velo-ecole-quartiers'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("insertion-par-activite-economique.md:2: duplicate title: ", StringComparison.Ordinal)
            && e.EndsWith("copie-du-titre.md:2 has the same title", StringComparison.Ordinal));
    }

    [Fact]
    public void Links_to_missing_cases_are_reported_with_a_suggestion()
    {
        Write("cases/avec-lien.md", FixtureCorpus.Cases[3].ToMarkdown().Replace("Un partenariat se construit", "Voir [le vélo](/exemples/velo-ecole-quartier). Un partenariat se construit") .Replace("Numérique inclusif pour les seniors", "Autre numérique"));

        var error = Assert.Single(ContentLoader.Load(_content, Today).Errors);

        Assert.EndsWith("link to '/exemples/velo-ecole-quartier' points to no case; did you mean '/exemples/velo-ecole-quartiers'?", error.ToString());
        Assert.Equal(27, error.Line);
    }

    [Fact]
    public void Templates_are_not_cases()
    {
        Write("cases/_template.md", "not even front matter");

        Assert.True(ContentLoader.Load(_content, Today).IsValid);
    }

    [Fact]
    public void A_broken_taxonomy_is_reported_with_its_line()
    {
        Write("taxonomy.yml", "actors:\n  label: \"Acteurs\"\n  values:\n    - { slug: association }\n");

        var content = ContentLoader.Load(_content, Today);

        Assert.Null(content.Taxonomy);
        Assert.Contains(content.Errors, e => e.Line == 4 && e.Message.Contains("needs a slug and a label", StringComparison.Ordinal));
        Assert.Contains(content.Errors, e => e.Message == "missing facet 'domains'");
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_content, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => _folder.Dispose();
}
