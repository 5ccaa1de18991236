using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Core.Tests.Indexing;

public sealed class GitHistoryFacts : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void The_history_of_each_case_reaches_its_page_newest_first()
    {
        var content = CommittedFixture();
        var file = Path.Combine(content, "cases", "velo-ecole-quartiers.md");
        File.AppendAllText(file, "\nUne phrase de plus.\n");
        Git("commit", "-q", "-am", "Complete the vélo-école case");

        var history = GitHistory.Read(content);

        Assert.Equal(["Complete the vélo-école case", "Add the fixture cases"], history.For(file).Select(e => e.Message));
        Assert.All(history.For(file), e => Assert.Equal("Éditrice Test", e.Author));
        Assert.Single(history.For(Path.Combine(content, "cases", "microcredit-outre-mer.md")));

        var store = new IndexStore(Path.Combine(_folder.Path, "index"));
        new IndexBuilder(new MarkdownRenderer()).Build(store, Path.Combine(content, "taxonomy.yml"), ContentLoader.Load(content, new DateOnly(2026, 11, 23)).Cases, history);
        using var index = new CaseStudyIndex(store);
        using var searcher = new CaseStudySearcher(index, Options.Create(new SearchIndexOptions()));
        var page = searcher.GetCase("velo-ecole-quartiers")!;
        Assert.Equal([HistoryChange.Modified, HistoryChange.Added], page.Case.History.Select(e => e.Change));
        // The last commit that changed the file is its last editorial change, whatever the front matter says.
        Assert.Equal(history.For(file)[0].Date, page.Case.Case.Updated);
        Assert.Equal(Git("rev-parse", "HEAD").Trim(), store.CurrentVersion() is { } version ? IndexManifest.Read(store.Version(version)).ContentCommit : null);
    }

    /// <summary>The repository's .mailmap names the editors: the commits of the project's maintainers carry a machine's identity.</summary>
    [Fact]
    public void An_author_is_named_as_the_repository_mailmap_names_them()
    {
        var content = CommittedFixture();
        File.WriteAllText(Path.Combine(_folder.Path, ".mailmap"), "Équipe éditoriale <editrice@example.org>\n");

        var history = GitHistory.Read(content);

        Assert.All(history.For(Path.Combine(content, "cases", "velo-ecole-quartiers.md")), e => Assert.Equal("Équipe éditoriale", e.Author));
    }

    [Fact]
    public void Content_outside_a_git_checkout_has_no_history()
    {
        var outside = Path.Combine(Path.GetTempPath(), "ia-no-git-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            Assert.Empty(GitHistory.Read(outside).For(Path.Combine(outside, "cases", "x.md")));
        }
        finally
        {
            Directory.Delete(outside, true);
        }
    }

    [Fact]
    public void A_case_lists_only_the_commits_that_changed_its_file_across_a_rename_as_git_log_follow_does()
    {
        var content = FixtureCorpus.WriteTo(Path.Combine(_folder.Path, "content"));
        var cases = Path.Combine(content, "cases");
        Git("init", "-q");
        Git("add", ".");
        Git("commit", "-q", "-m", "Ajout des premiers cas");
        File.AppendAllText(Path.Combine(cases, "velo-ecole-quartiers.md"), "\nUne phrase de plus.\n");
        Git("commit", "-q", "-am", "Vélo-école : précise le public");
        File.AppendAllText(Path.Combine(cases, "microcredit-outre-mer.md"), "\nAutre cas.\n");
        Git("commit", "-q", "-am", "Microcrédit : complète le contexte");
        Git("mv", "content/cases/velo-ecole-quartiers.md", "content/cases/velo-ecole-lille.md");
        Git("commit", "-q", "-m", "Vélo-école : renomme le fichier");
        var renamed = Path.Combine(cases, "velo-ecole-lille.md");
        File.AppendAllText(renamed, "\nEncore une phrase.\n");
        Git("commit", "-q", "-am", "Vélo-école : ajoute le bilan 2025");

        var history = GitHistory.Read(content).For(renamed);

        var follow = Git("log", "--follow", "--format=%H%x1f%s", "--", "content/cases/velo-ecole-lille.md")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\u001f')).ToList();
        Assert.Equal(4, follow.Count);
        Assert.Equal(follow.Select(f => f[0]), history.Select(e => e.Commit));
        Assert.Equal(follow.Select(f => f[1]), history.Select(e => e.Message));
        Assert.Equal([HistoryChange.Modified, HistoryChange.Renamed, HistoryChange.Modified, HistoryChange.Added], history.Select(e => e.Change));
        Assert.DoesNotContain(history, e => e.Message.StartsWith("Microcrédit", StringComparison.Ordinal));
        Assert.Equal(2, GitHistory.Read(content).For(Path.Combine(cases, "microcredit-outre-mer.md")).Count);
    }

    [Fact]
    public void Each_commit_says_what_it_did_to_the_file_a_rename_with_edits_and_a_deletion_included()
    {
        // git log --name-status -z, newest first: a file deleted, added again, then renamed with edits (a likeness under 100).
        static string Commit(string hash, string subject, params string[] changes) =>
            $"\u001e{hash}\u001f2026-12-0{hash.Length}T10:00:00+01:00\u001fÉditrice\u001f{subject}\n\0{string.Join('\0', changes)}\0";
        var log = Commit("ccc", "Rename and complete", "R086", "cases/a.md", "cases/b.md")
            + Commit("bb", "Add it again", "A", "cases/a.md")
            + Commit("a", "Withdraw it", "D", "cases/a.md");

        var history = GitHistory.Parse(log, "/repo");

        Assert.Equal([HistoryChange.RenamedAndModified, HistoryChange.Added, HistoryChange.Deleted],
            history[Path.GetFullPath("/repo/cases/b.md")].Select(e => e.Change));
    }

    [Fact]
    public void A_checkout_that_moved_on_since_its_index_was_built_gets_a_new_index()
    {
        var content = CommittedFixture();
        var store = new IndexStore(Path.Combine(_folder.Path, "index"));
        var indexer = new ContentIndexer(store, new IndexBuilder(new MarkdownRenderer()), new ContentStatus(),
            Options.Create(new SearchIndexOptions { ContentPath = content }), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ContentIndexer>.Instance);

        Assert.True(indexer.EnsureIndex());
        Assert.False(indexer.EnsureIndex());

        File.AppendAllText(Path.Combine(content, "cases", "velo-ecole-quartiers.md"), "\nUne phrase de plus.\n");
        Git("commit", "-q", "-am", "Complete the vélo-école case");

        Assert.True(indexer.EnsureIndex());
        Assert.Equal(Git("rev-parse", "HEAD").Trim(), IndexManifest.Read(store.Version(store.CurrentVersion()!)).ContentCommit);
        Assert.False(indexer.EnsureIndex());
    }

    /// <summary>The fixture content in a new repository, in one commit; returns its folder.</summary>
    private string CommittedFixture()
    {
        var content = FixtureCorpus.WriteTo(Path.Combine(_folder.Path, "content"));
        Git("init", "-q");
        Git("add", ".");
        Git("commit", "-q", "-m", "Add the fixture cases");
        return content;
    }

    private string Git(params string[] arguments) => TestGit.Run(_folder.Path, arguments);

    public void Dispose() => _folder.Dispose();
}
