using System.Text.Json;
using System.Text.Json.Nodes;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Releases;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Core.Tests.Releases;

/// <summary>An index version packed on one machine, fetched, checked and switched to on another.</summary>
public sealed class IndexArtifactFacts : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _content;
    private readonly IndexStore _builds;
    private readonly IndexStore _node;
    private readonly string _published;
    private readonly IndexBuilder _builder = new(new MarkdownRenderer());
    private readonly HttpClient _http = new();

    public IndexArtifactFacts()
    {
        _content = FixtureCorpus.WriteTo(Path.Combine(_folder.Path, "content"));
        _builds = new IndexStore(Path.Combine(_folder.Path, "builds"));
        _node = new IndexStore(Path.Combine(_folder.Path, "node"));
        _published = Directory.CreateDirectory(Path.Combine(_folder.Path, "published")).FullName;
    }

    private IndexArtifactSource Source => IndexArtifactSource.Create(_published, _http);

    [Fact]
    public async Task A_node_fetches_the_published_version_checks_it_and_serves_it_under_the_same_name()
    {
        var built = Build(FixtureCorpus.Cases.Count);
        var artifact = IndexArtifact.Publish(_builds, _published);

        Assert.Equal(built.Version.Name, await IndexArtifact.FetchAsync(Source, _node));

        Assert.Equal(built.Version.Name, _node.CurrentVersion());
        Assert.Equal(built.Version.Name, File.ReadAllText(Path.Combine(_published, IndexArtifact.PointerFile)));
        Assert.Contains(artifact.Files, f => f.Path == "manifest.json" && f.Sha256.Length == 64);
        Assert.Contains(artifact.Files, f => f.Path.StartsWith("lucene/", StringComparison.Ordinal));
        using var index = new CaseStudyIndex(_node);
        using var searcher = new CaseStudySearcher(index, Options.Create(new SearchIndexOptions()));
        Assert.Equal(FixtureCorpus.Cases.Count, searcher.Search(new SearchRequest()).Total);
        // Nothing to do while the node serves the current artifact.
        Assert.Null(await IndexArtifact.FetchAsync(Source, _node));
    }

    [Fact]
    public async Task A_corrupt_file_is_rejected_and_the_node_keeps_its_version()
    {
        var first = Build(FixtureCorpus.Cases.Count - 1);
        IndexArtifact.Publish(_builds, _published);
        await IndexArtifact.FetchAsync(Source, _node);
        var second = Build(FixtureCorpus.Cases.Count);
        var artifact = IndexArtifact.Publish(_builds, _published);
        var victim = artifact.Files.First(f => f.Path.StartsWith("lucene/", StringComparison.Ordinal) && f.Size > 10);
        var path = Path.Combine(_published, second.Version.Name, victim.Path);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => IndexArtifact.FetchAsync(Source, _node));

        Assert.Contains(victim.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
        Assert.Equal(first.Version.Name, _node.CurrentVersion());
        Assert.Equal([first.Version.Name], Directory.GetDirectories(_node.Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_truncated_or_extended_file_is_rejected()
    {
        var built = Build(FixtureCorpus.Cases.Count);
        IndexArtifact.Publish(_builds, _published);
        File.AppendAllText(Path.Combine(_published, built.Version.Name, "taxonomy.yml"), "\n# more");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => IndexArtifact.FetchAsync(Source, _node));

        Assert.Contains("taxonomy.yml", error.Message, StringComparison.Ordinal);
        Assert.Null(_node.CurrentVersion());
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/etc/passwd")]
    [InlineData("lucene/../../x")]
    public async Task A_manifest_naming_a_path_outside_the_artifact_is_rejected(string path)
    {
        var built = Build(FixtureCorpus.Cases.Count);
        IndexArtifact.Publish(_builds, _published);
        EditManifest(built.Version.Name, manifest => manifest["files"]![0]!["path"] = path);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => IndexArtifact.FetchAsync(Source, _node));

        Assert.Contains("leaves the artifact", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "outside")));
    }

    [Fact]
    public async Task An_artifact_of_another_index_format_is_rejected()
    {
        var built = Build(FixtureCorpus.Cases.Count);
        IndexArtifact.Publish(_builds, _published);
        EditManifest(built.Version.Name, manifest => manifest["format"] = CaseStudySchema.FormatVersion + 1);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => IndexArtifact.FetchAsync(Source, _node));

        Assert.Contains("format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pointer_that_is_not_a_version_name_is_rejected()
    {
        File.WriteAllText(Path.Combine(_published, IndexArtifact.PointerFile), "../../etc");

        await Assert.ThrowsAsync<InvalidDataException>(() => IndexArtifact.FetchAsync(Source, _node));
    }

    [Fact]
    public void Published_versions_are_immutable_and_only_the_two_previous_ones_are_kept()
    {
        var names = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            names.Add(Build(FixtureCorpus.Cases.Count - i % 2).Version.Name);
            IndexArtifact.Publish(_builds, _published);
        }
        var manifest = Path.Combine(_published, names[^1], IndexArtifact.ManifestFile);
        var written = File.GetLastWriteTimeUtc(manifest);

        IndexArtifact.Publish(_builds, _published);

        Assert.Equal(written, File.GetLastWriteTimeUtc(manifest));
        Assert.Equal(names[1..], Directory.GetDirectories(_published).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Publishing_removes_old_artifacts_only_not_the_other_folders_of_the_publish_folder()
    {
        // Folders named as versions could be but holding no artifact: an archive sorting before every version, a note after.
        var others = new[] { Path.Combine(_published, "2020-archive"), Path.Combine(_published, "notes") };
        foreach (var folder in others)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "kept.txt"), "x");
        }
        var names = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            names.Add(Build(FixtureCorpus.Cases.Count - i % 2).Version.Name);
            IndexArtifact.Publish(_builds, _published);
        }

        Assert.All(others, folder => Assert.True(File.Exists(Path.Combine(folder, "kept.txt")), folder));
        Assert.Equal(names[1..].Append("2020-archive").Append("notes").Order(StringComparer.Ordinal), Directory.GetDirectories(_published).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private void EditManifest(string version, Action<JsonNode> edit)
    {
        var path = Path.Combine(_published, version, IndexArtifact.ManifestFile);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private BuildReport Build(int count) =>
        _builder.Build(_builds, Path.Combine(_content, "taxonomy.yml"),
            ContentLoader.Load(_content, new DateOnly(2026, 11, 23)).Cases.Take(count).ToList());

    public void Dispose()
    {
        _http.Dispose();
        _folder.Dispose();
    }
}
