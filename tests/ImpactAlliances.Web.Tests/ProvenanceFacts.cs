using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;

namespace ImpactAlliances.Web.Tests;

/// <summary>The site over content in a git repository of its own, with three edits of one case and a repository address.</summary>
public sealed class GitSiteFactory : SiteFactory
{
    public const string RepositoryUrl = "https://forge.example.org/impact/alliances";
    public const string Slug = "wimoov-renault-mobilite-solidaire";

    public GitSiteFactory()
    {
        Git("init", "-q", "-b", "main");
        Git("add", ".");
        Git("commit", "-q", "-m", "Ajout des cas");
        var file = Path.Combine(ContentPath, "cases", Slug + ".md");
        File.AppendAllText(file, "\nUne précision.\n");
        Git("commit", "-q", "-am", "Wimoov : précise les chiffres de 2024");
        File.AppendAllText(Path.Combine(ContentPath, "cases", "tzcld-semur-en-auxois-ebe-21-fondation-agir.md"), "\nAutre cas.\n");
        Git("commit", "-q", "-am", "Semur-en-Auxois : ajoute une source");
        File.AppendAllText(file, "\nUne autre précision.\n");
        Git("commit", "-q", "-am", "Wimoov : corrige le nom d'un partenaire");
    }

    public string Git(params string[] arguments) => ImpactAlliances.Core.Tests.TestGit.Run(Root, arguments);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Repository:Url", RepositoryUrl);
    }
}

/// <summary>A case page's history, from git, and its « Proposer une correction » links.</summary>
public sealed class ProvenanceFacts(GitSiteFactory site) : IClassFixture<GitSiteFactory>
{
    [Fact]
    public async Task The_history_lists_the_commits_of_the_file_each_said_in_french_by_what_it_did_and_linked_to_its_change()
    {
        var html = await site.CreateClient().GetStringAsync($"/exemples/{GitSiteFactory.Slug}");
        var section = System.Net.WebUtility.HtmlDecode(Regex.Match(html, "<section class=\"history\".*?</section>", RegexOptions.Singleline).Value);

        var log = site.Git("log", "--follow", "--format=%H%x1f%as%x1f%s", "--", $"content/cases/{GitSiteFactory.Slug}.md")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\u001f')).ToList();
        Assert.Equal(3, log.Count);
        var entries = Regex.Matches(section, "<time datetime=\"([0-9-]+)\">[^<]*</time> ·\\s*<a href=\"([^\"]+)\" rel=\"noopener noreferrer\">([^<]+)</a>");
        // The file was added by the first commit and changed by the two after it.
        string[] changes = ["Modification du cas", "Modification du cas", "Ajout du cas"];
        Assert.Equal(log.Select((l, i) => (l[1], $"{GitSiteFactory.RepositoryUrl}/commit/{l[0]}", changes[i])),
            entries.Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)));
        // Commit subjects are in English by project rule, and a batch's speaks of other cases: the page says what changed here.
        Assert.All(log, l => Assert.DoesNotContain(l[2], section, StringComparison.Ordinal));
        Assert.Contains("décrite en anglais comme tous les messages du dépôt", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proposer_une_correction_links_to_the_files_edit_page_and_the_contribution_guide()
    {
        var html = await site.CreateClient().GetStringAsync($"/exemples/{GitSiteFactory.Slug}");

        Assert.Contains("<h2 id=\"correction-title\">Proposer une correction</h2>", html);
        Assert.Contains($"<a href=\"{GitSiteFactory.RepositoryUrl}/edit/main/content/cases/{GitSiteFactory.Slug}.md\" rel=\"noopener noreferrer\">Modifier ce fichier sur le dépôt</a>", html);
        Assert.Contains($"<a href=\"{GitSiteFactory.RepositoryUrl}/blob/main/CONTRIBUTING.md\" rel=\"noopener noreferrer\">Guide de contribution</a>", html);
    }
}
