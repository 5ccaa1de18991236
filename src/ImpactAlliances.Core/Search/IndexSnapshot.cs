using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Querying;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace ImpactAlliances.Core.Search;

/// <summary>
/// One opened index version and everything built once per reader: the searcher, the taxonomy it was
/// built with and the per-segment facet arrays. Reference-counted so that a request that acquired it
/// keeps it open while a newer version is switched in.
/// </summary>
public sealed class IndexSnapshot
{
    private readonly Lucene.Net.Store.Directory _directory;
    private int _references = 1;

    private IndexSnapshot(IndexVersion version, Lucene.Net.Store.Directory directory, DirectoryReader reader, Taxonomy taxonomy, IndexManifest manifest)
    {
        Version = version;
        _directory = directory;
        Reader = reader;
        Searcher = new SnapshotSearcher(reader) { Similarity = new WordRaritySimilarity(term => Terms.Of(term).DocFreq) };
        Taxonomy = taxonomy;
        Manifest = manifest;
        _segments = new Lazy<SegmentFacets[]>(() => reader.Leaves.Select(leaf => SegmentFacets.Read(leaf.AtomicReader, taxonomy, FacetOffsets)).ToArray());
        _facetOffsets = new Lazy<int[]>(() => SegmentFacets.OffsetsOf(taxonomy));
        _vocabulary = new Lazy<SpellVocabulary>(() => SpellVocabulary.Read(reader));
        _terms = new Lazy<TermContexts>(() => new TermContexts(reader));
        _texts = directory is MemoryIndexDirectory ? new string?[reader.MaxDoc] : null;
        _titleRanks = new Lazy<int[]>(() => TitleOrder.Of(reader));
        _earliestYear = new Lazy<int?>(() => Segments.Where(s => s.EarliestYear > 0).Select(s => (int?)s.EarliestYear).Min());
    }

    private readonly Lazy<SpellVocabulary> _vocabulary;
    private SuggestionIndex? _suggestions;
    private HitDisplay?[]? _displays;
    private SearchHit?[]? _hits;

    /// <summary>A document's result, labels resolved, without snippet or score; built on first use and kept.</summary>
    internal SearchHit Hit(int doc) => Kept(ref _hits, doc, 0, static (snapshot, d, _) =>
    {
        var display = snapshot.Display(d);
        return new SearchHit(display.Slug, display.Title, display.Summary, null, display.Updated, display.Year, display.Organisations,
            FacetPresentation.Labels(snapshot.Taxonomy, display.Facets), 0);
    });

    /// <summary>
    /// What a result shows of a document, decoded from its doc value on first use and kept: the same
    /// cases come back in result lists again and again.
    /// </summary>
    internal HitDisplay Display(int doc) =>
        Kept(ref _displays, doc, 0, static (snapshot, d, _) => CaseStudyDocumentMapper.ToDisplay(snapshot.BinaryValue(CaseStudySchema.Display, d)));

    /// <summary>The words a document is most about (<see cref="RelevanceFeedback"/>): read on first use and kept.</summary>
    internal RelevanceFeedback.DocumentWords FeedbackWords(int doc, Lucene.Net.Analysis.Analyzer analyzer) =>
        Kept(ref _feedbackWords, doc, analyzer, static (snapshot, d, analyzer) =>
            RelevanceFeedback.Read(snapshot, analyzer, d, word => snapshot._feedbackTerms.GetOrAdd(word, word)));
    private RelevanceFeedback.DocumentWords?[]? _feedbackWords;
    // Kept per case, at most 64 words each: about 1 KB a case once each word is kept once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _feedbackTerms = new(StringComparer.Ordinal);

    /// <summary>
    /// A document's value in a per-document table made on first use; the value is made the first time it is asked
    /// for and kept (two threads may both make it: the same value, one of them kept). The maker is static and gets
    /// its state, so that a hit already kept costs no allocation.
    /// </summary>
    private T Kept<T, TState>(ref T?[]? table, int doc, TState state, Func<IndexSnapshot, int, TState, T> make)
        where T : class
    {
        var values = LazyInitializer.EnsureInitialized(ref table, () => new T?[Reader.MaxDoc]);
        if (Volatile.Read(ref values[doc]) is { } known)
        {
            return known;
        }
        var value = make(this, doc, state);
        Volatile.Write(ref values[doc], value);
        return value;
    }

    /// <summary>A document's binary doc value of <paramref name="field"/>, read from its segment.</summary>
    internal Lucene.Net.Util.BytesRef BinaryValue(string field, int doc)
    {
        var leaves = Reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var bytes = new Lucene.Net.Util.BytesRef();
        leaf.AtomicReader.GetBinaryDocValues(field).Get(doc - leaf.DocBase, bytes);
        return bytes;
    }
    private QueryVocabulary? _vocabularyOfQueries;

    /// <summary>
    /// The body text a document's snippet is cut from. Binary doc values hand out a new copy of the whole UTF-8
    /// text on every read, so for an index held in memory (at most <see cref="InMemoryLimitBytes"/>) each text is
    /// kept decoded after its first read, and a snippet is a slice of it; a larger index reads and decodes it
    /// again each time, to keep memory bounded.
    /// </summary>
    internal string SnippetText(int doc)
    {
        if (_texts is { } texts && Volatile.Read(ref texts[doc]) is { } known)
        {
            return known;
        }
        var bytes = BinaryValue(CaseStudySchema.SnippetText, doc);
        var text = System.Text.Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length);
        if (_texts is not null)
        {
            Volatile.Write(ref _texts[doc], text);
        }
        return text;
    }
    private readonly string?[]? _texts;

    /// <summary>The term look-ups of this snapshot's queries, kept while it serves.</summary>
    internal TermContexts Terms => _terms.Value;
    private readonly Lazy<TermContexts> _terms;

    /// <summary>
    /// The facet values, places and organisations query words can name; built once, on first use or by
    /// <see cref="Warm"/>: requests arriving together wait for that one build rather than each making its own.
    /// </summary>
    internal QueryVocabulary QueryVocabulary(Lucene.Net.Analysis.Analyzer analyzer) =>
        LazyInitializer.EnsureInitialized(ref _vocabularyOfQueries, ref _vocabularyOfQueriesLock, () =>
            Querying.QueryVocabulary.Build(Taxonomy, analyzer, Places.PlaceGazetteer.Official, Reader, OrganisationKeys.Of(Reader), Acronyms()));
    private object? _vocabularyOfQueriesLock;

    /// <summary>Whether what <see cref="Warm"/> builds is built.</summary>
    internal bool IsWarm => IsWarmForSearch && _vocabulary.IsValueCreated;

    /// <summary>Whether what <see cref="WarmForSearch"/> builds is built.</summary>
    internal bool IsWarmForSearch => _segments.IsValueCreated && _terms.IsValueCreated && _vocabularyOfQueries is not null && _titleRanks.IsValueCreated;

    /// <summary>
    /// Builds what the first searches would otherwise build (facet arrays, term look-ups, the vocabulary of
    /// queries, the spelling words, the title order), so that a version is switched to ready: under load, the
    /// first requests on a cold version waited seconds for these.
    /// </summary>
    internal void Warm(Lucene.Net.Analysis.Analyzer analyzer)
    {
        WarmForSearch(analyzer);
        _ = Vocabulary.Value;
    }

    /// <summary>
    /// Builds what every search needs (facet arrays, term look-ups, the vocabulary of queries, the title order), not the
    /// spelling words, which only a word to correct needs: a first version warms these while it serves its first search,
    /// and the spelling words once that search is answered (<see cref="CaseStudyIndex"/>).
    /// </summary>
    internal void WarmForSearch(Lucene.Net.Analysis.Analyzer analyzer)
    {
        // Side by side: a first search needs both the facet arrays and the vocabulary of queries, which take about as
        // long as each other on a large index (BENCHMARKS.md). A failure comes out as itself (not wrapped), so that
        // whoever switches versions sees the damaged index it knows how to refuse.
        var vocabulary = Task.Run(() => _ = QueryVocabulary(analyzer));
        try
        {
            _ = Segments;
            _ = Terms;
            _ = TitleRanks;
        }
        finally
        {
            vocabulary.GetAwaiter().GetResult();
        }
    }

    /// <summary>Completed once a search of this snapshot has been answered (<see cref="Searched"/>).</summary>
    internal Task FirstSearch => _firstSearch.Task;
    private readonly TaskCompletionSource _firstSearch = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Records that a search of this snapshot was answered.</summary>
    internal void Searched() => _firstSearch.TrySetResult();

    /// <summary>The acronyms the cases define, stored with the index when it was built (<see cref="AcronymTable"/>).</summary>
    private AcronymTable Acronyms() =>
        AcronymTable.Read(Reader.IndexCommit.UserData.TryGetValue(CaseStudySchema.AcronymsCommitKey, out var table) ? table : null);

    /// <summary>The suggestion index, with the whole corpus's facet counts; built on first use.</summary>
    internal SuggestionIndex Suggestions => LazyInitializer.EnsureInitialized(ref _suggestions, () => SuggestionIndex.Build(this, CountAll()));

    /// <summary>Every facet value's count over the whole corpus.</summary>
    private List<FacetResult> CountAll()
    {
        var none = new bool[]?[CaseStudySchema.Facets.Count];
        var collector = new FacetedCollector(Segments, none, FacetOffsets, new TopDocuments(0, SearchSort.Recent), TitleRanks, SearchSort.Recent);
        Searcher.Search(new Lucene.Net.Search.MatchAllDocsQuery(), collector);
        return FacetPresentation.Results(Taxonomy, collector.CountsByDimension(), none);
    }
    private readonly Lazy<int[]> _titleRanks;

    /// <summary>The index's words, for spelling corrections; built the first time a word needs correcting, or by <see cref="Warm"/>.</summary>
    internal Lazy<SpellVocabulary> Vocabulary => _vocabulary;

    /// <summary>Each document's position in title order (<see cref="TitleOrder"/>); read on first use.</summary>
    internal int[] TitleRanks => _titleRanks.Value;

    /// <summary>The version this snapshot reads.</summary>
    public IndexVersion Version { get; }
    /// <summary>The reader, shared by every request.</summary>
    public DirectoryReader Reader { get; }
    /// <summary>The searcher, shared by every request.</summary>
    public IndexSearcher Searcher { get; }
    /// <summary>The taxonomy the index was built with, as the search facets count on it (<see cref="SearchTaxonomy"/>).</summary>
    public Taxonomy Taxonomy { get; }
    /// <summary>What the version holds.</summary>
    public IndexManifest Manifest { get; }
    /// <summary>The facet values of each segment's documents; built on first use.</summary>
    internal SegmentFacets[] Segments => _segments.Value;

    /// <summary>The earliest known start year of the cases, or null when none has one; read once, as every answer's served index asks it.</summary>
    internal int? EarliestYear => _earliestYear.Value;
    private readonly Lazy<int?> _earliestYear;

    /// <summary>Where each facet's values begin among all the taxonomy's values: what a collector counts by (<see cref="SegmentFacets.OffsetsOf"/>).</summary>
    internal int[] FacetOffsets => _facetOffsets.Value;
    private readonly Lazy<int[]> _facetOffsets;
    private readonly Lazy<SegmentFacets[]> _segments;

    /// <summary>Opens a version; throws when it is missing, incomplete or of another format.</summary>
    public static IndexSnapshot Open(IndexVersion version)
    {
        var manifest = IndexManifest.Read(version);
        if (manifest.Format != CaseStudySchema.FormatVersion)
        {
            throw new InvalidDataException($"{version.Folder}: index format {manifest.Format}, expected {CaseStudySchema.FormatVersion}; rebuild the index");
        }
        var diagnostics = new List<ContentDiagnostic>();
        var taxonomy = SearchTaxonomy.Of(TaxonomyReader.Read(version.TaxonomyFile, diagnostics)
            ?? throw new InvalidDataException(string.Join(Environment.NewLine, diagnostics)), Places.PlaceGazetteer.Official);
        var directory = OpenDirectory(version.LuceneFolder);
        try
        {
            return new IndexSnapshot(version, directory, new KeptTermsReader(DirectoryReader.Open(directory)), taxonomy, manifest);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Indexes up to this size are read from memory; larger ones from disk.</summary>
    internal const long InMemoryLimitBytes = 256L << 20;

    /// <summary>
    /// The index files, copied into memory when they fit (about 20,000 cases), else read with positional
    /// reads (<see cref="DiskIndexDirectory"/>). Never memory-mapped: Lucene.Net 4.8.0-beta00017 keeps every
    /// clone of a mapped input in a table that only grows (apache/lucenenet#1151), and a site serving for
    /// minutes lost half its throughput to it (BENCHMARKS.md, tools/ops/flat.sh).
    /// </summary>
    private static Lucene.Net.Store.Directory OpenDirectory(string folder)
    {
        var disk = new DiskIndexDirectory(folder);
        if (disk.ListAll().Sum(disk.FileLength) > InMemoryLimitBytes)
        {
            return disk;
        }
        using (disk)
        {
            return new MemoryIndexDirectory(disk);
        }
    }

    /// <summary>Takes a reference, unless the snapshot is already closed.</summary>
    internal bool TryAcquire()
    {
        while (true)
        {
            var count = Volatile.Read(ref _references);
            if (count <= 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _references, count + 1, count) == count)
            {
                return true;
            }
        }
    }

    /// <summary>Drops a reference; the last one closes the reader.</summary>
    internal void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Reader.Dispose();
            _directory.Dispose();
        }
    }
}
