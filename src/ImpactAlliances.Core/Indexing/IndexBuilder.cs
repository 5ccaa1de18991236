using System.Diagnostics;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Rendering;
using ImpactAlliances.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ImpactAlliances.Core.Indexing;

/// <summary>The outcome of a build.</summary>
public sealed record BuildReport(int Cases, TimeSpan Elapsed, IndexVersion Version);

/// <summary>
/// Writes validated cases into a fresh index version and switches it in. Anything that fails before
/// the switch leaves the served index as it was.
/// </summary>
public sealed class IndexBuilder(MarkdownRenderer renderer)
{
    /// <summary>Builds and publishes an index of <paramref name="cases"/>.</summary>
    /// <param name="progress">Told the number of cases written so far, every few hundred.</param>
    public BuildReport Build(IndexStore store, string taxonomyFile, IReadOnlyList<CaseFile> cases, GitHistory? history = null, IProgress<int>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        using var target = store.BeginBuild();
        var version = target.Version;
        using (var directory = FSDirectory.Open(version.LuceneFolder))
        using (var analyzer = CaseStudySchema.CreateAnalyzer())
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(CaseStudySchema.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
        }))
        {
            // Rendering is the costly part and is independent per case; order is kept so builds are reproducible.
            var documents = cases.AsParallel().AsOrdered()
                .Select(c => CaseStudyDocumentMapper.ToDocument(c.Case, renderer.Render(c.Case.Body), (history ?? GitHistory.None).For(c.Path)));
            var written = 0;
            foreach (var document in documents)
            {
                writer.AddDocument(document);
                if (++written % 500 == 0)
                {
                    progress?.Report(written);
                }
            }
            writer.ForceMerge(1);
            writer.Commit();
        }
        File.Copy(taxonomyFile, version.TaxonomyFile);
        new IndexManifest(CaseStudySchema.FormatVersion, cases.Count, DateTimeOffset.UtcNow).Write(version);
        target.Publish();
        return new BuildReport(cases.Count, clock.Elapsed, store.Version(target.Name));
    }
}
