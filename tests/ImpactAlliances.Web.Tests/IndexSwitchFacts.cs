using System.Net;
using System.Text.Json;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Web.Tests;

/// <summary>The index lifecycle seen from outside: built on start, switched while serving.</summary>
public sealed class IndexSwitchFacts : IDisposable
{
    private readonly SiteFactory _site = new();

    [Fact]
    public async Task A_new_build_is_served_within_seconds_without_a_failed_request()
    {
        var client = _site.CreateClient();
        var before = await Total(client);
        File.Delete(Directory.GetFiles(Path.Combine(_site.ContentPath, "cases"), "*.md")[0]);
        var content = ContentLoader.Load(_site.ContentPath, DateOnly.FromDateTime(DateTime.Today));
        Assert.True(content.IsValid, string.Join('\n', content.Errors));

        var requests = Task.Run(async () =>
        {
            var failures = 0;
            var deadline = DateTime.UtcNow.AddSeconds(3);
            while (DateTime.UtcNow < deadline)
            {
                var response = await client.GetAsync("/?q=insertion&domains=emploi-insertion");
                failures += response.StatusCode == HttpStatusCode.OK ? 0 : 1;
            }
            return failures;
        });
        // As the public build does: drafts left out.
        var published = content.Cases.Where(c => c.Case.Status != CaseStatus.Draft);
        new IndexBuilder(new MarkdownRenderer()).Build(new IndexStore(_site.IndexPath), Path.Combine(_site.ContentPath, "taxonomy.yml"), published);

        var after = before;
        for (var i = 0; i < 50 && after == before; i++)
        {
            await Task.Delay(100);
            after = await Total(client);
        }
        Assert.Equal(before - 1, after);
        Assert.Equal(0, await requests);
    }

    private static async Task<int> Total(HttpClient client)
    {
        var json = await client.GetStringAsync("/api/search?size=1");
        return JsonDocument.Parse(json).RootElement.GetProperty("total").GetInt32();
    }

    public void Dispose() => _site.Dispose();
}
