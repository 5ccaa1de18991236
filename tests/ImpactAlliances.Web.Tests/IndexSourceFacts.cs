using System.Net;
using System.Text.Json;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Releases;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Schema;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImpactAlliances.Web.Tests;

/// <summary>A node fed with index artifacts (<c>Index:Source</c>): it switches to each new one and rejects a corrupt one.</summary>
public sealed class IndexSourceFacts : IDisposable
{
    private readonly SiteFactory _site = new();
    private readonly string _published;
    private readonly string _builds;

    public IndexSourceFacts()
    {
        var root = Path.GetDirectoryName(_site.IndexPath)!;
        _published = Directory.CreateDirectory(Path.Combine(root, "published")).FullName;
        _builds = Path.Combine(root, "builds");
    }

    [Fact]
    public async Task The_site_serves_each_published_artifact_and_keeps_serving_when_one_is_corrupt()
    {
        var first = Publish(12, _published);
        var log = new CapturedLog();
        var client = _site.WithWebHostBuilder(b => b
            .ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log))
            .UseSetting("Index:Source", _published)
            .UseSetting("Index:SourceInterval", "00:00:00.200")).CreateClient();

        // Fetched before the site listens: ready at once, with the published version and its cases.
        Assert.Equal(first, await ServedVersion(client));
        Assert.Equal(12, await Total(client));

        var second = Publish(11, _published);
        Assert.Equal(second, await WaitForVersion(client, second));
        Assert.Equal(11, await Total(client));

        // A corrupt artifact, published as a careless tool would: the pointer names it, one byte is wrong.
        var side = Directory.CreateDirectory(Path.Combine(_builds, "..", "side")).FullName;
        var third = Publish(10, side);
        var victim = Directory.GetFiles(Path.Combine(side, third, "lucene")).OrderByDescending(f => new FileInfo(f).Length).First();
        var bytes = File.ReadAllBytes(victim);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(victim, bytes);
        Directory.Move(Path.Combine(side, third), Path.Combine(_published, third));
        File.WriteAllText(Path.Combine(_published, IndexArtifact.PointerFile), third);

        // The site says when it has tried the corrupt artifact and kept what it served.
        await log.WaitFor(e => e.Message.StartsWith("Rejected the index artifact", StringComparison.Ordinal) && e.Message.Contains(third, StringComparison.Ordinal),
            () => Task.CompletedTask);
        Assert.Equal(second, await ServedVersion(client));
        Assert.Equal(11, await Total(client));
        Assert.False(Directory.Exists(Path.Combine(_site.IndexPath, third)));
    }

    private string Publish(int cases, string folder)
    {
        var store = new IndexStore(_builds);
        var content = ContentLoader.Load(_site.ContentPath, DateOnly.FromDateTime(DateTime.Today));
        var valid = content.Cases.Where(c => c.Case.Status != CaseStatus.Draft).Take(cases).ToList();
        new IndexBuilder(new MarkdownRenderer()).Build(store, Path.Combine(_site.ContentPath, "taxonomy.yml"), valid);
        return IndexArtifact.Publish(store, folder).Version;
    }

    private static async Task<string?> WaitForVersion(HttpClient client, string expected)
    {
        var served = await ServedVersion(client);
        for (var i = 0; i < 100 && served != expected; i++)
        {
            await Task.Delay(100);
            served = await ServedVersion(client);
        }
        return served;
    }

    private static async Task<string?> ServedVersion(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.TryGetValues("X-Index-Version", out var values) ? values.Single() : null;
    }

    private static async Task<int> Total(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?size=1"));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    public void Dispose() => _site.Dispose();
}
