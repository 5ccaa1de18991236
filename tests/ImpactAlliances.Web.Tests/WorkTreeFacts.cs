using System.Net;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Web.Tests;

/// <summary>The site over content in a git checkout with a change not committed, as an editor runs it while writing a case.</summary>
public sealed class WorkTreeSiteFactory : SiteFactory
{
    public WorkTreeSiteFactory()
    {
        ImpactAlliances.Core.Tests.TestGit.Run(Root, "init", "-q", "-b", "main");
        ImpactAlliances.Core.Tests.TestGit.Run(Root, "add", ".");
        ImpactAlliances.Core.Tests.TestGit.Run(Root, "commit", "-q", "-m", "Ajout des cas");
        File.AppendAllText(Path.Combine(ContentPath, "cases", "wimoov-renault-mobilite-solidaire.md"), "\nUne précision en cours.\n");
    }
}

/// <summary>
/// An index built from a work tree with changes records its commit « +modifié »; that accent, copied into a response header,
/// made every API answer and export a 500.
/// </summary>
public sealed class WorkTreeFacts(WorkTreeSiteFactory site) : IClassFixture<WorkTreeSiteFactory>
{
    [Theory]
    [InlineData("/api/search?q=insertion")]
    [InlineData("/api/cases/wimoov-renault-mobilite-solidaire")]
    [InlineData("/api/export?format=csv&q=insertion")]
    [InlineData("/api/statistics?q=insertion")]
    public async Task An_index_of_a_changed_work_tree_is_served_and_says_its_commit_in_ascii(string url)
    {
        var response = await site.CreateClient().GetAsync(url);
        var commit = site.Services.GetRequiredService<ICaseStudySearch>().Served.ContentCommit;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("+modifié", commit, StringComparison.Ordinal);
        Assert.Equal(commit![..^"+modifié".Length] + "+modifie", response.Headers.GetValues(IndexVersionCaching.CommitHeader).Single());
    }
}
