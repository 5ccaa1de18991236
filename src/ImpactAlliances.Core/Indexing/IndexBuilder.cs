using System.Diagnostics;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ImpactAlliances.Core.Indexing;

/// <summary>The outcome of a build.</summary>
public sealed record BuildReport(int Cases, TimeSpan Elapsed, IndexVersion Version);

/// <summary>
/// Writes cases into a fresh index version and switches it in. Anything that fails before the switch
/// leaves the served index as it was.
/// </summary>
public sealed class IndexBuilder(MarkdownRenderer renderer)
{
    /// <summary>Starts writing a new version; add cases (from any thread), then publish it or dispose it to discard it.</summary>
    public IndexBuildSession Begin(IndexStore store, GitHistory? history = null, IProgress<int>? progress = null) =>
        new(store.BeginBuild(), renderer, history ?? GitHistory.None, progress);

    /// <summary>Builds and publishes an index of <paramref name="cases"/>.</summary>
    public BuildReport Build(IndexStore store, string taxonomyFile, IEnumerable<CaseFile> cases, GitHistory? history = null, IProgress<int>? progress = null)
    {
        using var session = Begin(store, history, progress);
        Parallel.ForEach(cases, session.Add);
        return session.Publish(taxonomyFile);
    }
}

/// <summary>
/// A build in progress. <see cref="Add"/> is thread-safe: rendering and analysis, the costly parts, run
/// on every core, and each case is written as it comes, so memory does not grow with the corpus.
/// </summary>
public sealed class IndexBuildSession : IDisposable
{
    private readonly IndexBuildTarget _target;
    private readonly MarkdownRenderer _renderer;
    private readonly GitHistory _history;
    private readonly IProgress<int>? _progress;
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly Lucene.Net.Analysis.Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _added;

    internal IndexBuildSession(IndexBuildTarget target, MarkdownRenderer renderer, GitHistory history, IProgress<int>? progress)
    {
        (_target, _renderer, _history, _progress) = (target, renderer, history, progress);
        // Plain file reads, not memory maps: merging a large index through maps counts every page it
        // reads in the process's resident memory.
        _directory = new NIOFSDirectory(target.Version.LuceneFolder);
        _analyzer = CaseStudySchema.CreateAnalyzer();
        _writer = new IndexWriter(_directory, new IndexWriterConfig(CaseStudySchema.Version, _analyzer)
        {
            OpenMode = OpenMode.CREATE,
            // Fewer, larger flushed segments: less merging at the end, within a bounded memory.
            RAMBufferSizeMB = 128,
        });
    }

    /// <summary>Renders and indexes one case.</summary>
    public void Add(CaseFile file)
    {
        var history = _history.For(file.Path);
        // The last commit that changed the file is its last editorial change; an edit not yet committed
        // carries a later date in its front matter.
        var c = history.Count > 0 && history[0].Date > file.Case.Updated ? file.Case with { Updated = history[0].Date } : file.Case;
        _writer.AddDocument(CaseStudyDocumentMapper.ToDocument(c, _renderer.Render(c.Body), history));
        var added = Interlocked.Increment(ref _added);
        if (added % 1000 == 0)
        {
            _progress?.Report(added);
        }
    }

    /// <summary>Takes out cases added before a check across files rejected them.</summary>
    public void Remove(IEnumerable<string> slugs)
    {
        foreach (var slug in slugs)
        {
            _writer.DeleteDocuments(new Term(CaseStudySchema.Slug, slug));
        }
    }

    /// <summary>Commits the index, stores the taxonomy and manifest with it, and switches it in.</summary>
    public BuildReport Publish(string taxonomyFile)
    {
        // One segment: every per-segment cost of a query (term look-ups, postings set-up) is paid once.
        _writer.ForceMerge(1);
        _writer.Commit();
        var cases = _writer.NumDocs;
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
        var version = _target.Version;
        File.Copy(taxonomyFile, version.TaxonomyFile);
        new IndexManifest(CaseStudySchema.FormatVersion, cases, DateTimeOffset.UtcNow) { ContentCommit = _history.Commit }.Write(version);
        _target.Publish();
        return new BuildReport(cases, _clock.Elapsed, _target.Store.Version(_target.Name));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
        _target.Dispose();
    }
}
