using ImpactAlliances.Core.Content;

namespace ImpactAlliances.Core.Tests.Content;

public sealed class ContentLoaderFacts : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private readonly TempFolder _folder = new();
    private readonly string _content;

    public ContentLoaderFacts() => _content = FixtureCorpus.WriteTo(Path.Combine(_folder.Path, "content"));

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

        Assert.Contains("content/cases/velo-ecole-quartiers.md:1: nom de fichier « velo-ecole-quartiers » déjà pris par content/cases/archive/velo-ecole-quartiers.md : deux cas auraient la même adresse /exemples/velo-ecole-quartiers", errors);
        Assert.Contains("content/cases/insertion-par-activite-economique.md:2: titre déjà pris par content/cases/copie-du-titre.md:2 : distinguez les deux titres", errors);
    }

    [Fact]
    public void Links_to_missing_cases_are_reported_with_a_suggestion()
    {
        Write("cases/avec-lien.md", FixtureCorpus.Cases[3].ToMarkdown().Replace("Un partenariat se construit", "Voir [le vélo](/exemples/velo-ecole-quartier). Un partenariat se construit") .Replace("Numérique inclusif pour les seniors", "Autre numérique"));

        var error = Assert.Single(ContentLoader.Load(_content, Today).Errors);

        Assert.Equal("content/cases/avec-lien.md:27: lien vers /exemples/velo-ecole-quartier : aucun cas ne porte ce nom ; vouliez-vous dire /exemples/velo-ecole-quartiers ?", error.ToString());
        Assert.Equal(27, error.Line);
    }

    [Fact]
    public void One_run_reports_every_kind_of_problem_of_every_file()
    {
        // A broken link used to be reported only once the rest of its file was fixed: a second run.
        Write("cases/casse-yaml.md", FixtureCorpus.Cases[0].ToMarkdown()
            .Replace("year: 2012", "year 2012", StringComparison.Ordinal)
            .Replace("La mobilité est un frein", "Voir [le vélo](/exemples/velo-ecole-quartier). La mobilité est un frein", StringComparison.Ordinal));
        Write("cases/valeur-inconnue.md", FixtureCorpus.Cases[1].ToMarkdown()
            .Replace("domains: [mobilite, lien-social]", "domains: [mobilty, lien-social]", StringComparison.Ordinal)
            .Replace("Vélo-école dans les quartiers", "Insertion par l'activité économique dans le bâtiment", StringComparison.Ordinal)
            .Replace("Un partenariat se construit", "Comme [l'énergie](/exemples/energie-citoyene-village), un partenariat se construit", StringComparison.Ordinal));
        Write("cases/Mon Cas.md", FixtureCorpus.Cases[3].ToMarkdown().Replace("Numérique inclusif pour les seniors", "Un cas mal nommé", StringComparison.Ordinal));
        Write("synonyms.yml", "- [ESS, économie sociale et solidaire\n");

        var content = ContentLoader.Load(_content, Today);

        Assert.Equal(
            [
                "content/synonyms.yml:1: liste non fermée : fermez par ] la liste ouverte par [ sur cette ligne (colonne 3)",
                "content/cases/Mon Cas.md:1: nom de fichier « Mon Cas » invalide : lettres minuscules sans accent, chiffres et tirets simples, 80 caractères au plus ; renommez-le par exemple mon-cas.md",
                "content/cases/casse-yaml.md:13: deux-points manquant : chaque ligne s'écrit « champ: valeur » (colonne 1)",
                "content/cases/valeur-inconnue.md:8: valeur inconnue « mobilty » dans domains ; vouliez-vous dire « mobilite » ?",
                "content/cases/valeur-inconnue.md:2: titre déjà pris par content/cases/insertion-par-activite-economique.md:2 : distinguez les deux titres",
                "content/cases/casse-yaml.md:22: lien vers /exemples/velo-ecole-quartier : aucun cas ne porte ce nom ; vouliez-vous dire /exemples/velo-ecole-quartiers ?",
                "content/cases/valeur-inconnue.md:26: lien vers /exemples/energie-citoyene-village : aucun cas ne porte ce nom ; vouliez-vous dire /exemples/energie-citoyenne-village ?",
            ],
            content.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(FixtureCorpus.Cases.Count, content.Cases.Count);
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
        Assert.Contains("content/taxonomy.yml:4: chaque valeur de actors.values a un slug et un label : - { slug: …, label: \"…\" }", content.Errors.Select(e => e.ToString()));
        Assert.Contains("content/taxonomy.yml:1: facette manquante : domains", content.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_broken_taxonomy_does_not_stop_the_checks_of_the_cases()
    {
        // Editors fixing taxonomy.yml and a case in the same pull request see both in one run.
        Write("taxonomy.yml", File.ReadAllText(Path.Combine(_content, "taxonomy.yml")) + "oops: [\n");
        Write("cases/sans-resume.md", FixtureCorpus.Cases[0].ToMarkdown()
            .Replace("summary:", "resume:", StringComparison.Ordinal)
            .Replace("La mobilité est un frein", "Voir [le vélo](/exemples/velo-ecole-quartier). La mobilité est un frein", StringComparison.Ordinal));

        var content = ContentLoader.Load(_content, Today);

        var messages = content.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("content/taxonomy.yml:", StringComparison.Ordinal) && !m.Contains("avertissement", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("content/taxonomy.yml:1: avertissement : tant que ce fichier a des erreurs", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("content/cases/sans-resume.md:", StringComparison.Ordinal) && m.Contains("champ inconnu « resume »", StringComparison.Ordinal));
        Assert.Contains("content/cases/sans-resume.md:22: lien vers /exemples/velo-ecole-quartier : aucun cas ne porte ce nom ; vouliez-vous dire /exemples/velo-ecole-quartiers ?", messages);
        // The valid cases' taxonomy values are not reported as unknown, and nothing can be indexed.
        Assert.DoesNotContain(messages, m => m.Contains("valeur inconnue", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("ajoutez cette région", StringComparison.Ordinal));
        Assert.Null(content.Taxonomy);
        Assert.Empty(content.Cases);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_content, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => _folder.Dispose();
}
