using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Search;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Core.Tests.Indexing;

public sealed class IndexLifecycleFacts : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _content;
    private readonly IndexStore _store;
    private readonly IndexBuilder _builder = new(new MarkdownRenderer());

    public IndexLifecycleFacts()
    {
        _content = FixtureCorpus.WriteTo(Path.Combine(_folder.Path, "content"));
        _store = new IndexStore(Path.Combine(_folder.Path, "index"));
    }

    [Fact]
    public void A_running_index_switches_to_a_new_build_and_requests_in_flight_keep_the_old_one()
    {
        Build(FixtureCorpus.Cases.Count - 1);
        using var index = new CaseStudyIndex(_store);
        using var searcher = Searcher(index);
        Assert.Equal(FixtureCorpus.Cases.Count - 1, searcher.Search(new SearchRequest()).Total);
        var inFlight = index.Acquire();

        Build(FixtureCorpus.Cases.Count);

        Assert.True(index.Refresh());
        Assert.Equal(FixtureCorpus.Cases.Count, searcher.Search(new SearchRequest()).Total);
        Assert.Equal(FixtureCorpus.Cases.Count - 1, inFlight.Snapshot.Reader.NumDocs);
        inFlight.Dispose();
        Assert.False(index.Refresh());
    }

    [Fact]
    public void An_index_disposed_before_its_opening_ends_opens_nothing()
    {
        // The site starts opening its index before its host starts; a host stopped meanwhile has disposed of the index.
        Build(FixtureCorpus.Cases.Count);
        var index = new CaseStudyIndex(_store);
        index.Dispose();

        Assert.False(index.Refresh());
        Assert.Null(index.OpenVersion);
    }

    [Fact]
    public void A_new_version_is_warmed_before_it_is_served()
    {
        Build(FixtureCorpus.Cases.Count - 1);
        using var index = new CaseStudyIndex(_store);
        index.Refresh();
        Build(FixtureCorpus.Cases.Count);

        Assert.True(index.Refresh());

        using var lease = index.Acquire();
        Assert.Equal(FixtureCorpus.Cases.Count, lease.Snapshot.Reader.NumDocs);
        Assert.True(lease.Snapshot.IsWarm);
    }

    [Fact]
    public void A_version_that_fails_to_warm_fails_with_its_own_error_not_a_wrapped_one()
    {
        // Whoever switches versions refuses the errors of a damaged index by their type (IndexRefreshService):
        // a failure wrapped by the parallel warm-up would stop the site instead of leaving the served version.
        var version = Build(FixtureCorpus.Cases.Count).Version;
        var snapshot = IndexSnapshot.Open(version);
        using var analyzer = Schema.CaseStudySchema.CreateAnalyzer();
        snapshot.Reader.Dispose();

        var error = Record.Exception(() => snapshot.Warm(analyzer));

        Assert.IsAssignableFrom<ObjectDisposedException>(error);
    }

    [Fact]
    public void The_same_content_gives_the_same_index()
    {
        var second = new IndexStore(Path.Combine(_folder.Path, "second"));
        var one = Build(FixtureCorpus.Cases.Count).Version;
        var other = _builder.Build(second, Path.Combine(_content, "taxonomy.yml"), Load().Cases).Version;

        // Every file of the segment but its description (.si), which carries the time it was written.
        Dictionary<string, string> Files(IndexVersion version) => Directory.GetFiles(version.LuceneFolder)
            .Where(f => !f.EndsWith(".si", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
        Assert.NotEmpty(Files(one));
        Assert.Equal(Files(one), Files(other));
    }

    [Fact]
    public void A_build_flushed_in_several_segments_keeps_the_cases_in_file_order()
    {
        // Ties between equal scores fall in the index's order: a build large enough to flush its buffer more than once
        // (over about 10,000 cases) must merge its segments in the order it wrote them, whatever their sizes.
        var builder = new IndexBuilder(new MarkdownRenderer()) { MaxBufferedCases = 2 };
        var cases = Load().Cases;

        var version = builder.Build(_store, Path.Combine(_content, "taxonomy.yml"), cases).Version;

        using var directory = Lucene.Net.Store.FSDirectory.Open(version.LuceneFolder);
        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        var segment = (Lucene.Net.Index.SegmentReader)Assert.Single(reader.Leaves).Reader;
        // The first flushed segment is _0: a merged one is named after the segments before it.
        Assert.NotEqual("_0", segment.SegmentName);
        Assert.Equal(cases.Select(c => c.Case.Slug), Enumerable.Range(0, reader.MaxDoc).Select(d => reader.Document(d).Get(Schema.CaseStudySchema.Slug)));
    }

    [Fact]
    public void A_build_flushed_in_several_segments_stores_the_data_of_one_flushed_once()
    {
        // The acronyms, title order and organisation keys are read from the flushed segments while they are merged (the phrases
        // are counted as the cases are prepared).
        var taxonomy = Path.Combine(_content, "taxonomy.yml");
        var several = new IndexBuilder(new MarkdownRenderer()) { MaxBufferedCases = 2 }.Build(_store, taxonomy, Load().Cases).Version;
        var once = _builder.Build(new IndexStore(Path.Combine(_folder.Path, "once")), taxonomy, Load().Cases).Version;

        Assert.Equal(CommitData(once), CommitData(several));
    }

    [Fact]
    public void A_build_flushed_in_several_segments_stores_the_fields_of_one_flushed_once()
    {
        // The merge copies the stored fields on a thread of its own (BuildCodec), beside the rest of the merge.
        var taxonomy = Path.Combine(_content, "taxonomy.yml");
        var several = new IndexBuilder(new MarkdownRenderer()) { MaxBufferedCases = 2 }.Build(_store, taxonomy, Load().Cases).Version;
        var once = _builder.Build(new IndexStore(Path.Combine(_folder.Path, "once")), taxonomy, Load().Cases).Version;
        Assert.Equal(Stored(once), Stored(several));
        Assert.NotEmpty(Stored(once));
    }

    [Fact]
    public void A_build_flushed_in_several_segments_with_cases_taken_out_stores_the_data_of_one_without_them()
    {
        // A case taken out still counts in the flushed segments' term frequencies and numbers: the merge drops it.
        var taxonomy = Path.Combine(_content, "taxonomy.yml");
        var cases = Load().Cases;
        var taken = new[] { cases[1].Case.Slug, cases[6].Case.Slug, cases[^1].Case.Slug };
        IndexVersion several;
        using (var session = new IndexBuilder(new MarkdownRenderer()) { MaxBufferedCases = 2 }.Begin(_store))
        {
            foreach (var file in cases)
            {
                session.Write(session.Prepare(file));
            }
            session.Remove(taken);
            several = session.Publish(taxonomy).Version;
        }
        var without = _builder.Build(new IndexStore(Path.Combine(_folder.Path, "without")), taxonomy, cases.Where(c => !taken.Contains(c.Case.Slug)).ToList()).Version;

        Assert.Equal(CommitData(without), CommitData(several));
        // With deletions, the stored fields' copy (BuildCodec) reads document by document instead of copying whole chunks.
        Assert.Equal(Stored(without), Stored(several));
    }

    /// <summary>Every stored field of every case of a one-segment index, in index order.</summary>
    private static List<string> Stored(IndexVersion version)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(version.LuceneFolder);
        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        Assert.Single(reader.Leaves);
        return Enumerable.Range(0, reader.MaxDoc)
            .Select(d => string.Join('\n', reader.Document(d).Fields.Select(f => $"{f.Name}={f.GetStringValue()}{(f.GetBinaryValue() is { } b ? Convert.ToHexString(b.Bytes, b.Offset, b.Length) : "")}")))
            .ToList();
    }

    [Fact]
    public void A_session_says_it_may_be_flushing_whenever_its_writer_flushes()
    {
        // The preparing of cases goes further ahead while the writer flushes (OrderedParallel): the session must say so
        // on every flush Lucene makes within an add.
        IndexBuildSession? session = null;
        var writing = false;
        var log = new FlushLog(() => (writing, session!.Flushing));
        var cases = Load().Cases;
        using (session = new IndexBuilder(new MarkdownRenderer()) { MaxBufferedCases = 3, WriterLog = log }.Begin(_store))
        {
            foreach (var file in cases)
            {
                var document = session.Prepare(file);
                writing = true;
                session.Write(document);
                writing = false;
            }
        }

        var withinAdds = log.Flushes.Where(f => f.Writing).ToList();
        Assert.Equal(cases.Count / 3, withinAdds.Count);
        Assert.All(withinAdds, f => Assert.True(f.Flushing));
    }

    /// <summary>Records, at each flush of a writer's buffer, what the session said then.</summary>
    private sealed class FlushLog(Func<(bool Writing, bool Flushing)> state) : Lucene.Net.Util.InfoStream
    {
        public List<(bool Writing, bool Flushing)> Flushes { get; } = [];

        public override bool IsEnabled(string component) => component == "DWPT";

        public override void Message(string component, string message)
        {
            if (message.StartsWith("flush postings as segment", StringComparison.Ordinal))
            {
                Flushes.Add(state());
            }
        }
    }

    private static IDictionary<string, string> CommitData(IndexVersion version)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(version.LuceneFolder);
        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        var data = reader.IndexCommit.UserData;
        // The fixture's cases define no acronym: the table is there, empty.
        Assert.Equal(4, data.Count);
        Assert.NotEmpty(data[Schema.CaseStudySchema.PhrasesCommitKey]);
        Assert.NotEmpty(data[Schema.CaseStudySchema.TitleOrderCommitKey]);
        Assert.NotEmpty(data[Schema.CaseStudySchema.OrganisationKeysCommitKey]);
        return data;
    }

    [Fact]
    public async Task The_first_version_is_served_at_once_and_warms_in_the_background()
    {
        Build(FixtureCorpus.Cases.Count);
        using var index = new CaseStudyIndex(_store);

        Assert.True(index.Refresh());

        using var lease = index.Acquire();
        // Nothing asks for the warmed parts here: only the background warming builds them.
        await index.WarmingForSearch.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(lease.Snapshot.IsWarmForSearch);
        // The spelling words wait for a first search to be answered, so as not to take the CPU it needs.
        Assert.False(lease.Snapshot.Vocabulary.IsValueCreated);

        using var searcher = Searcher(index);
        Assert.Empty(searcher.Search(new SearchRequest { Query = "mobilité" }).Corrections);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!lease.Snapshot.IsWarm && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
        }
        Assert.True(lease.Snapshot.IsWarm);
    }

    [Theory]
    [InlineData("mobilité emploi")]
    [InlineData("MOBILITÉ l'emploi")]
    public void A_search_of_words_the_cases_write_does_not_read_the_spelling_words(string query)
    {
        var snapshot = IndexSnapshot.Open(Build(FixtureCorpus.Cases.Count).Version);
        try
        {
            using var analyzer = Schema.CaseStudySchema.CreateAnalyzer();
            var runner = new SearchRunner(snapshot, analyzer, SynonymSet.Empty, new SearchIndexOptions());

            var written = runner.Search(new SearchRequest { Query = query });

            Assert.NotEqual(0, written.Total);
            Assert.Empty(written.Corrections);
            Assert.False(snapshot.Vocabulary.IsValueCreated);
            // A word no case writes is still corrected from them.
            Assert.Equal("mobilité", Assert.Single(runner.Search(new SearchRequest { Query = "mobilitte" }).Corrections).To);
            Assert.True(snapshot.Vocabulary.IsValueCreated);
        }
        finally
        {
            snapshot.Release();
        }
    }

    [Fact]
    public void Cached_results_follow_the_served_version()
    {
        Build(FixtureCorpus.Cases.Count - 1);
        using var index = new CaseStudyIndex(_store);
        index.Refresh();
        var options = Options.Create(new SearchIndexOptions { CacheSize = 10 });
        using var searcher = new CaseStudySearcher(index, options);
        using var cached = new CachedCaseStudySearch(searcher, index, options);
        var first = cached.Search(new SearchRequest { Query = "mobilité" });
        Assert.Same(first, cached.Search(new SearchRequest { Query = "mobilité" }));
        Assert.NotSame(first, cached.Search(new SearchRequest { Query = "mobilité", Filters = new Dictionary<string, IReadOnlyList<string>> { ["scales"] = ["local"] } }));
        // The key spells out every field that changes the answer: the undated cases of a range, a facet requiring all its values.
        var dated = cached.Search(new SearchRequest { Query = "mobilité", YearFrom = 2000 });
        Assert.NotSame(dated, cached.Search(new SearchRequest { Query = "mobilité", YearFrom = 2000, IncludeUndated = false }));
        var both = new Dictionary<string, IReadOnlyList<string>> { ["actors"] = ["entreprise", "association"] };
        var any = cached.Search(new SearchRequest { Filters = both });
        Assert.Same(any, cached.Search(new SearchRequest { Filters = both }));
        Assert.NotSame(any, cached.Search(new SearchRequest { Filters = both, AllOf = new HashSet<string> { "actors" } }));
        var all = cached.Search(new SearchRequest()).Total;

        Build(FixtureCorpus.Cases.Count);
        index.Refresh();

        Assert.Equal(all + 1, cached.Search(new SearchRequest()).Total);
        // The previous version's results are dropped at the switch: they would only hold its memory.
        Assert.Equal(1, cached.CachedResults);
    }

    [Fact]
    public void A_failed_build_leaves_the_served_index_untouched()
    {
        var first = Build(FixtureCorpus.Cases.Count);

        Assert.ThrowsAny<IOException>(() =>
            _builder.Build(_store, Path.Combine(_content, "missing-taxonomy.yml"), Load().Cases));

        Assert.Equal(first.Version.Name, _store.CurrentVersion());
        Assert.Single(Directory.GetDirectories(_store.Root));
    }

    [Fact]
    public void Old_versions_are_removed_but_the_previous_one_is_kept()
    {
        Build(3);
        var second = Build(4);
        var third = Build(5);

        var names = Directory.GetDirectories(_store.Root).Select(Path.GetFileName).Order().ToList();
        Assert.Equal([second.Version.Name, third.Version.Name], names);
        Assert.Equal(third.Version.Name, _store.CurrentVersion());
    }

    [Fact]
    public void A_build_removes_old_versions_only_not_the_other_folders_of_the_store_s_folder()
    {
        // A store pointed at a version's own folder (its parent meant) once lost that version's « lucene » folder.
        var first = Build(3);
        var notVersions = new[] { Path.Combine(_store.Root, "lucene"), Path.Combine(_store.Root, "notes") };
        foreach (var folder in notVersions)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "kept.txt"), "x");
        }

        Build(4);
        Build(5);

        Assert.All(notVersions, folder => Assert.True(File.Exists(Path.Combine(folder, "kept.txt")), folder));
        Assert.False(Directory.Exists(first.Version.Folder));
    }

    [Fact]
    public void A_build_into_a_version_s_own_folder_is_refused_with_its_parent_named_and_the_version_kept()
    {
        var version = Build(3).Version;
        var files = Directory.GetFiles(version.Folder, "*", SearchOption.AllDirectories).Order().ToList();

        var error = Assert.ThrowsAny<IOException>(() => _builder.Build(new IndexStore(version.Folder), Path.Combine(_content, "taxonomy.yml"), Load().Cases));

        Assert.Contains($"give its parent, '{_store.Root}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(files, Directory.GetFiles(version.Folder, "*", SearchOption.AllDirectories).Order());
    }

    [Fact]
    public void Only_one_build_runs_at_a_time()
    {
        using var running = _store.BeginBuild();

        Assert.ThrowsAny<IOException>(() => _store.BeginBuild());
    }

    [Fact]
    public void Without_an_index_acquiring_explains_what_to_do()
    {
        using var index = new CaseStudyIndex(_store);

        var error = Assert.Throws<IndexUnavailableException>(() => index.Acquire());
        Assert.Contains("build", error.Message, StringComparison.Ordinal);
    }

    private BuildReport Build(int count) =>
        _builder.Build(_store, Path.Combine(_content, "taxonomy.yml"), Load().Cases.Take(count).ToList());

    private ContentSet Load() => ContentLoader.Load(_content, new DateOnly(2026, 11, 23));

    private static CaseStudySearcher Searcher(CaseStudyIndex index) =>
        new(index, Options.Create(new SearchIndexOptions()));

    public void Dispose() => _folder.Dispose();
}
