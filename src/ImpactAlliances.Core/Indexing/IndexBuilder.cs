using System.Collections.Concurrent;
using System.Diagnostics;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace ImpactAlliances.Core.Indexing;

/// <summary>The outcome of a build.</summary>
public sealed record BuildReport(int Cases, TimeSpan Elapsed, IndexVersion Version);

/// <summary>
/// Writes cases into a fresh index version and switches it in. Anything that fails before the switch
/// leaves the served index as it was.
/// </summary>
public sealed class IndexBuilder(MarkdownRenderer renderer)
{
    /// <summary>
    /// How many cases the writer holds at most before it flushes them into a segment; by default it flushes only when its
    /// buffer is full (a build of more than about 10,000 cases). Tests set it to build a small index from several segments.
    /// </summary>
    internal int? MaxBufferedCases { get; init; }

    /// <summary>Where the writer logs what it does (its flushes among them); set only by tests.</summary>
    internal Lucene.Net.Util.InfoStream? WriterLog { get; init; }

    /// <summary>Starts writing a new version; write prepared cases, then publish it or dispose it to discard it.</summary>
    public IndexBuildSession Begin(IndexStore store, GitHistory? history = null, IProgress<int>? progress = null) =>
        new(store.BeginBuild(), renderer, history ?? GitHistory.None, progress, MaxBufferedCases, WriterLog);

    /// <summary>Builds and publishes an index of <paramref name="cases"/>, in their order.</summary>
    public BuildReport Build(IndexStore store, string taxonomyFile, IEnumerable<CaseFile> cases, GitHistory? history = null, IProgress<int>? progress = null)
    {
        using var session = Begin(store, history, progress);
        var all = cases.ToList();
        session.ExpectCases(all.Count);
        OrderedParallel.ForEach(all, session.Prepare, session.Write, () => session.Flushing);
        return session.Publish(taxonomyFile);
    }
}

/// <summary>
/// A build in progress. <see cref="Prepare"/>, the costly part (rendering and analysis), is thread-safe and
/// runs on every core; <see cref="Write"/> adds prepared cases one at a time, in the order the index keeps,
/// each as it comes, so memory does not grow with the corpus.
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
    private readonly BuildCodec _codec;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _added;
    // Lucene flushes its full buffer within the AddDocument that fills it, on the adding thread: a second or more of one
    // core at 100,000 cases, while the workers that prepare cases would stop for want of room ahead of it. An add that
    // starts within this margin of the buffer's size (about a hundred cases) may be the one that flushes.
    private const long FlushMarginBytes = 1 << 20;
    private readonly long _flushNear;
    private volatile bool _flushing;
    // The acronyms each case defines, by slug (a case taken out takes its definitions with it), and how many cases write
    // each word of capitals: what the acronym table is made of when the version is published.
    private readonly ConcurrentDictionary<string, (string Acronym, string Expansion)[]> _definitions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _capitals = new(StringComparer.Ordinal);
    private readonly PhraseTable.Counter _phrases = new();

    internal IndexBuildSession(IndexBuildTarget target, MarkdownRenderer renderer, GitHistory history, IProgress<int>? progress,
        int? maxBufferedCases = null, Lucene.Net.Util.InfoStream? writerLog = null)
    {
        (_target, _renderer, _history, _progress) = (target, renderer, history, progress);
        // Plain file reads, not memory maps: merging a large index through maps counts every page it
        // reads in the process's resident memory.
        _directory = new BuildDirectory(target.Version.LuceneFolder);
        _analyzer = CaseStudySchema.CreateAnalyzer();
        var config = WriterConfig(_analyzer, maxBufferedCases);
        if (writerLog is not null)
        {
            config.SetInfoStream(writerLog);
        }
        _flushNear = (long)(config.RAMBufferSizeMB * 1024 * 1024) - FlushMarginBytes;
        _codec = (BuildCodec)config.Codec;
        _writer = new IndexWriter(_directory, config);
    }

    /// <summary>
    /// Whether <see cref="Write"/> is adding a case that may fill the writer's buffer, and so flush it: the preparing of
    /// cases may then go further ahead of the writer (<see cref="OrderedParallel"/>).
    /// </summary>
    internal bool Flushing => _flushing;

    /// <summary>How a build's writer is set up.</summary>
    internal static IndexWriterConfig WriterConfig(Lucene.Net.Analysis.Analyzer analyzer, int? maxBufferedCases = null) => new(CaseStudySchema.Version, analyzer)
    {
        OpenMode = OpenMode.CREATE,
        // Fewer, larger flushed segments, within a bounded memory.
        RAMBufferSizeMB = 128,
        MaxBufferedDocs = maxBufferedCases ?? IndexWriterConfig.DISABLE_AUTO_FLUSH,
        // Flushed segments are merged once, all together, into the one segment Publish makes: no merge runs
        // while cases are added (each would rewrite what the final one rewrites again), and no segment is
        // copied into a compound file (the final segment is the whole index). The merge takes the segments in
        // the order they were written, so the index keeps the cases in file order, which ties between equal
        // scores fall in: a log merge policy merges adjacent segments only, where the tiered one takes them
        // largest first.
        MergePolicy = new LogByteSizeMergePolicy { MergeFactor = 1000, NoCFSRatio = 0 },
        UseCompoundFile = false,
        Codec = new BuildCodec(),
    };

    /// <summary>Renders and analyses one case into its document; thread-safe.</summary>
    public Document Prepare(CaseFile file)
    {
        var history = _history.For(file.Path);
        // The last commit that changed the file is its last editorial change; an edit not yet committed
        // carries a later date in its front matter.
        var c = history.Count > 0 && history[0].Date > file.Case.Updated ? file.Case with { Updated = history[0].Date } : file.Case;
        var rendered = _renderer.Render(c.Body);
        var text = TextOf(c, rendered);
        _definitions[c.Slug] = AcronymTable.Definitions(text).Distinct().ToArray();
        foreach (var word in AcronymTable.Capitals(text))
        {
            _capitals.AddOrUpdate(word, 1, static (_, n) => n + 1);
        }
        // The index terms are offered as you type too, one a line: a phrase never runs from one to the next.
        _phrases.Add(c.Slug, c.Keywords.Count == 0 ? text : $"{text}\n{string.Join('\n', c.Keywords)}");
        return CaseStudyDocumentMapper.ToDocument(c, rendered, history);
    }

    /// <summary>How many cases the build will prepare, about: the phrases are read from some of them only in a large build (<see cref="PhraseTable.Counter.ForCases"/>).</summary>
    internal void ExpectCases(int cases) => _phrases.ForCases(cases);

    // What the acronyms and phrases are mined from.
    private static string TextOf(CaseStudy c, RenderedCase rendered) =>
        $"{c.Title}\n{c.Summary}\n{string.Join('\n', c.Organisations.Select(o => o.Name))}\n{rendered.PlainText}";

    /// <summary>Adds a prepared case to the index; one call at a time.</summary>
    public void Write(Document document)
    {
        // A writer told to flush every few cases (tests) flushes by count, not by size.
        var most = _writer.Config.MaxBufferedDocs;
        _flushing = most != IndexWriterConfig.DISABLE_AUTO_FLUSH ? _writer.NumRamDocs() + 1 >= most : _writer.RamSizeInBytes() >= _flushNear;
        _writer.AddDocument(document);
        _flushing = false;
        if (++_added % 1000 == 0)
        {
            _progress?.Report(_added);
        }
    }

    /// <summary>Takes out cases added before a check across files rejected them.</summary>
    public void Remove(IEnumerable<string> slugs)
    {
        var taken = slugs.ToList();
        if (taken.Count == 0)
        {
            return;
        }
        // The phrases they wrote are counted no more: their texts are made again from the cases stored (rare: a duplicate
        // slug, a broken link between files).
        using (var written = DirectoryReader.Open(_writer, applyAllDeletes: true))
        {
            var searcher = new Lucene.Net.Search.IndexSearcher(written);
            foreach (var slug in taken)
            {
                foreach (var hit in searcher.Search(new Lucene.Net.Search.TermQuery(new Term(CaseStudySchema.Slug, slug)), Math.Max(1, written.NumDocs)).ScoreDocs)
                {
                    var c = CaseStudyDocumentMapper.ToIndexedCase(searcher.Doc(hit.Doc)).Case;
                    _phrases.Remove(c.Slug, TextOf(c, _renderer.Render(c.Body)));
                }
            }
        }
        foreach (var slug in taken)
        {
            _writer.DeleteDocuments(new Term(CaseStudySchema.Slug, slug));
            _definitions.TryRemove(slug, out _);
        }
    }

    /// <summary>Commits the index, stores the taxonomy and manifest with it, and switches it in.</summary>
    public BuildReport Publish(string taxonomyFile)
    {
        // One segment: every per-segment cost of a query (term look-ups, postings set-up) is paid once. The merge runs on
        // Lucene's merge thread, alone on one core for seconds at 100,000 cases (BENCHMARKS.md, thirtieth session): the
        // commit's data is read meanwhile from the segments it merges, in the order it merges them, which give the merged
        // segment's tables as long as no case was taken out (a deleted case still counts in a term's frequency, keeps
        // its number and its names until the merge drops them); with one taken out, the data waits for the merge.
        var written = DirectoryReader.Open(_writer, applyAllDeletes: true);
        if (written.HasDeletions)
        {
            written.Dispose();
            _writer.ForceMerge(1);
            using var merged = DirectoryReader.Open(_writer, applyAllDeletes: true);
            _writer.SetCommitData(CommitData(merged));
        }
        else
        {
            _writer.ForceMerge(1, doWait: false);
            Dictionary<string, string> data;
            using (written)
            {
                data = CommitData(written);
            }
            // Waits for the merge, and throws its failure if it failed.
            _writer.ForceMerge(1);
            _writer.SetCommitData(data);
        }
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

    /// <summary>The acronyms, title order, organisation keys and phrases a site reads from the commit instead of computing them.</summary>
    private Dictionary<string, string> CommitData(DirectoryReader reader) => new()
    {
        [CaseStudySchema.AcronymsCommitKey] = Acronyms(reader).Write(),
        [CaseStudySchema.TitleOrderCommitKey] = TitleOrder.Write(TitleOrder.Compute(reader)),
        [CaseStudySchema.OrganisationKeysCommitKey] = OrganisationKeys.Of(OrganisationKeys.NamesOf(reader)).Write(),
        [CaseStudySchema.PhrasesCommitKey] = _phrases.Table().Write(),
    };

    /// <summary>
    /// The acronyms the cases define (<see cref="AcronymTable"/>), but those the cases also write as a word, in lower case
    /// (« face », « mer »), in a quarter as many cases as write it in capitals or more. Written with a capital only (« Ehpad »,
    /// « Caf ») it stays an acronym. Only the words more cases hold than write them in capitals have their texts read.
    /// </summary>
    private AcronymTable Acronyms(DirectoryReader reader) => AcronymTable.Of(_definitions.Values, acronym =>
    {
        var capitals = _capitals.GetValueOrDefault(acronym);
        var word = new Term(CaseStudySchema.Surface, acronym.ToLowerInvariant());
        return reader.DocFreq(word) > capitals && AcronymTable.UsedAsWord(capitals, CasesWritingLowerCase(reader, word));
    });

    /// <summary>How many cases write the word of <paramref name="word"/> in lower case, read from their texts.</summary>
    private static int CasesWritingLowerCase(DirectoryReader reader, Term word)
    {
        var cases = 0;
        var bytes = new Lucene.Net.Util.BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var docs = leaf.AtomicReader.GetTermDocsEnum(word);
            var texts = leaf.AtomicReader.GetBinaryDocValues(CaseStudySchema.SnippetText);
            while (docs is not null && texts is not null && docs.NextDoc() != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS)
            {
                texts.Get(docs.DocID, bytes);
                if (AcronymTable.WritesLowerCase(System.Text.Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length), word.Text))
                {
                    cases++;
                }
            }
        }
        return cases;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        _codec.WaitForFailedMergesCopies();
        _analyzer.Dispose();
        _directory.Dispose();
        _target.Dispose();
    }
}
