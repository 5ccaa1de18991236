using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Web.Tests;

/// <summary>
/// The index opens as soon as the site asks (right after its host is built), before the hosted services start; their
/// start then waits for the check of the index alone and does not build it again.
/// </summary>
public sealed class IndexOpeningFacts : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ia-opening-").FullName;

    [Fact]
    public async Task The_index_is_built_and_opened_before_the_host_starts_and_the_start_adds_no_second_build()
    {
        var store = new IndexStore(Path.Combine(_folder, "index"));
        var options = Options.Create(new SearchIndexOptions { ContentPath = RepositoryPaths.Resolve("content"), IndexPath = store.Root });
        var indexer = new ContentIndexer(store, new IndexBuilder(new MarkdownRenderer()), new ContentStatus(), options, TimeProvider.System,
            NullLogger<ContentIndexer>.Instance);
        using var index = new CaseStudyIndex(store);
        using var service = new IndexRefreshService(index, indexer, options, NullLogger<IndexRefreshService>.Instance);

        service.BeginOpening();
        service.BeginOpening();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (index.OpenVersion is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.NotNull(index.OpenVersion);
        Assert.Equal(store.CurrentVersion(), index.OpenVersion);
        // Were the check run again, this version would now look stale and be built anew.
        var version = store.Version(index.OpenVersion);
        (IndexManifest.Read(version) with { Format = CaseStudySchema.FormatVersion - 1 }).Write(version);
        await service.StartAsync(CancellationToken.None);
        Assert.Equal(store.CurrentVersion(), index.OpenVersion);
        Assert.Single(Directory.GetDirectories(store.Root));
        await service.StopAsync(CancellationToken.None);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
