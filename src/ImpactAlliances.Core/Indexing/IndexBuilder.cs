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
    /// <summary>Starts writing a new version; write prepared cases, then publish it or dispose it to discard it.</summary>
    public IndexBuildSession Begin(IndexStore store, GitHistory? history = null, IProgress<int>? progress = null) =>
        new(store.BeginBuild(), renderer, history ?? GitHistory.None, progress);

    /// <summary>Builds and publishes an index of <paramref name="cases"/>, in their order.</summary>
    public BuildReport Build(IndexStore store, string taxonomyFile, IEnumerable<CaseFile> cases, GitHistory? history = null, IProgress<int>? progress = null)
    {
        using var session = Begin(store, history, progress);
        OrderedParallel.ForEach(cases.ToList(), session.Prepare, session.Writers);
        return session.Publish(taxonomyFile);
    }
}

/// <summary>
/// A build in progress. <see cref="Prepare"/>, the costly part (rendering and analysis), is thread-safe and
/// runs on every core; each of the <see cref="Writers"/> adds the prepared cases of one contiguous part of the
/// cases one at a time, in the order the index keeps, each as it comes, so memory does not grow with the corpus.
/// </summary>
/// <remarks>
/// Two writers, not one: Lucene flushes a full buffer on the thread that adds a case, and with one writer the
/// workers preparing cases stopped for every flush (BENCHMARKS.md, twenty-sixth and twenty-seventh sessions). Each
/// writer sees its part in the same order on one thread, so its flushes fall at the same cases in every build, and
/// <see cref="Publish"/> merges the parts in their order: the same content gives the same index, in file order.
/// </remarks>
public sealed class IndexBuildSession : IDisposable
{
    private const int Parts = 2;
    // The buffer of a build, shared by its part writers: fewer, larger flushed segments within a bounded memory.
    private const double BufferSizeMB = 128;
    private readonly IndexBuildTarget _target;
    private readonly MarkdownRenderer _renderer;
    private readonly GitHistory _history;
    private readonly IProgress<int>? _progress;
    private readonly Lucene.Net.Analysis.Analyzer _analyzer;
    private readonly (string Folder, BuildDirectory Directory, IndexWriter Writer)[] _parts;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _added;
    // The acronyms each case defines, by slug (a case taken out takes its definitions with it), and how many cases write
    // each word of capitals: what the acronym table is made of when the version is published.
    private readonly ConcurrentDictionary<string, (string Acronym, string Expansion)[]> _definitions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _capitals = new(StringComparer.Ordinal);

    internal IndexBuildSession(IndexBuildTarget target, MarkdownRenderer renderer, GitHistory history, IProgress<int>? progress)
    {
        (_target, _renderer, _history, _progress) = (target, renderer, history, progress);
        // Plain file reads, not memory maps: merging a large index through maps counts every page it
        // reads in the process's resident memory.
        _analyzer = CaseStudySchema.CreateAnalyzer();
        // Each part in a folder of its own beside the version's index, gone once merged into it.
        _parts = Enumerable.Range(0, Parts).Select(part =>
        {
            var folder = Path.Combine(target.Folder, $"part-{part}");
            var directory = new BuildDirectory(folder);
            return (folder, directory, new IndexWriter(directory, WriterConfig(_analyzer, BufferSizeMB / Parts)));
        }).ToArray();
        Writers = _parts.Select(part => (Action<Document>)(document => Write(part.Writer, document))).ToArray();
    }

    /// <summary>How a build's writer is set up, with <paramref name="bufferSizeMB"/> of memory for the cases it adds.</summary>
    internal static IndexWriterConfig WriterConfig(Lucene.Net.Analysis.Analyzer analyzer, double bufferSizeMB = BufferSizeMB) => new(CaseStudySchema.Version, analyzer)
    {
        OpenMode = OpenMode.CREATE,
        RAMBufferSizeMB = bufferSizeMB,
        // Flushed segments are merged once, all together, into the one segment Publish makes: no merge runs
        // while cases are added (each would rewrite what the final one rewrites again), and no flushed segment
        // is copied into a compound file (the final segment is never one: it is the whole index).
        MergePolicy = new TieredMergePolicy { SegmentsPerTier = 1000, MaxMergeAtOnceExplicit = int.MaxValue },
        UseCompoundFile = false,
    };

    /// <summary>Renders and analyses one case into its document; thread-safe.</summary>
    public Document Prepare(CaseFile file)
    {
        var history = _history.For(file.Path);
        // The last commit that changed the file is its last editorial change; an edit not yet committed
        // carries a later date in its front matter.
        var c = history.Count > 0 && history[0].Date > file.Case.Updated ? file.Case with { Updated = history[0].Date } : file.Case;
        var rendered = _renderer.Render(c.Body);
        var text = $"{c.Title}\n{c.Summary}\n{string.Join('\n', c.Organisations.Select(o => o.Name))}\n{rendered.PlainText}";
        _definitions[c.Slug] = AcronymTable.Definitions(text).Distinct().ToArray();
        foreach (var word in AcronymTable.Capitals(text))
        {
            _capitals.AddOrUpdate(word, 1, static (_, n) => n + 1);
        }
        return CaseStudyDocumentMapper.ToDocument(c, rendered, history);
    }

    /// <summary>
    /// The writers of the index's parts, in the index's order: give each the prepared cases of one contiguous part of
    /// the cases, cut by count (as <see cref="OrderedParallel"/> does), in order, one call at a time; the parts may be
    /// written at the same time from different threads.
    /// </summary>
    public IReadOnlyList<Action<Document>> Writers { get; }

    private void Write(IndexWriter writer, Document document)
    {
        writer.AddDocument(document);
        if (Interlocked.Increment(ref _added) is var added && added % 1000 == 0)
        {
            _progress?.Report(added);
        }
    }

    /// <summary>Takes out cases added before a check across files rejected them.</summary>
    public void Remove(IEnumerable<string> slugs)
    {
        foreach (var slug in slugs)
        {
            foreach (var (_, _, writer) in _parts)
            {
                writer.DeleteDocuments(new Term(CaseStudySchema.Slug, slug));
            }
            _definitions.TryRemove(slug, out _);
        }
    }

    /// <summary>Commits the index, stores the taxonomy and manifest with it, and switches it in.</summary>
    public BuildReport Publish(string taxonomyFile)
    {
        // The parts' last flushes, side by side.
        var parts = new DirectoryReader[_parts.Length];
        Parallel.For(0, parts.Length, part => parts[part] = DirectoryReader.Open(_parts[part].Writer, applyAllDeletes: true));
        int cases;
        using (var directory = new BuildDirectory(_target.Version.LuceneFolder))
        using (var writer = new IndexWriter(directory, WriterConfig(_analyzer)))
        {
            // One merge of every part's segments, in the parts' order, into one segment: every per-segment cost of a
            // query (term look-ups, postings set-up) is paid once.
            try
            {
                writer.AddIndexes(parts);
            }
            finally
            {
                DisposeParts(parts);
            }
            using (var reader = DirectoryReader.Open(writer, applyAllDeletes: true))
            {
                writer.SetCommitData(new Dictionary<string, string>
                {
                    [CaseStudySchema.AcronymsCommitKey] = Acronyms(reader).Write(),
                    [CaseStudySchema.TitleOrderCommitKey] = TitleOrder.Write(TitleOrder.Compute(reader)),
                    [CaseStudySchema.OrganisationKeysCommitKey] = OrganisationKeys.Of(OrganisationKeys.NamesOf(reader)).Write(),
                });
            }
            writer.Commit();
            cases = writer.NumDocs;
        }
        _analyzer.Dispose();
        var version = _target.Version;
        File.Copy(taxonomyFile, version.TaxonomyFile);
        new IndexManifest(CaseStudySchema.FormatVersion, cases, DateTimeOffset.UtcNow) { ContentCommit = _history.Commit }.Write(version);
        _target.Publish();
        return new BuildReport(cases, _clock.Elapsed, _target.Store.Version(_target.Name));
    }

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

    /// <summary>Closes the parts' readers and writers and removes their folders: what they hold is in the index, or discarded.</summary>
    private void DisposeParts(IEnumerable<DirectoryReader?> readers)
    {
        foreach (var reader in readers)
        {
            reader?.Dispose();
        }
        foreach (var (folder, directory, writer) in _parts)
        {
            // Closed without a commit: a part is never opened again, so nothing of it needs to reach the disk.
            writer.Rollback();
            directory.Dispose();
            IndexStore.TryDelete(folder);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        DisposeParts([]);
        _analyzer.Dispose();
        _target.Dispose();
    }
}
