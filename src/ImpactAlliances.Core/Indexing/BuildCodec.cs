using System.Collections.Concurrent;
using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace ImpactAlliances.Core.Indexing;

/// <summary>
/// The codec a build writes with: Lucene's own (its name is written in each segment, so readers open the index with
/// Lucene's codec), but a merge copies the stored fields on a thread of its own while Lucene's merge thread merges the
/// postings, the doc values and the norms. The final merge of a large build runs alone on one core after the last case
/// is added (BENCHMARKS.md, build39); the stored fields were a seventh of it, and no other part of it reads or writes
/// what they do: their own files, their readers (a segment reader gives each thread its own), the merge's document
/// numbers (read only). The copy is waited for before the merged segment's field infos are written, the merge's last step.
/// </summary>
[CodecName("Lucene46")]
internal sealed class BuildCodec() : FilterCodec(new Lucene.Net.Codecs.Lucene46.Lucene46Codec())
{
    // The stored fields' copy of each merge under way, by merged segment.
    private readonly ConcurrentDictionary<string, Task> _copies = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits for the copies of merges that failed before their last step: the merge is given up, its files deleted, but
    /// its copy may still be writing them, until the build's folder is deleted under it. Their failures are the merges'.
    /// </summary>
    public void WaitForFailedMergesCopies()
    {
        foreach (var segment in _copies.Keys)
        {
            if (_copies.TryRemove(segment, out var copy))
            {
                // WaitAny, which does not throw: the merge's own failure was thrown already; reading Exception observes the copy's.
                Task.WaitAny(copy);
                _ = copy.Exception;
            }
        }
    }

    public override StoredFieldsFormat StoredFieldsFormat => new StoredFields(this, m_delegate.StoredFieldsFormat);

    public override FieldInfosFormat FieldInfosFormat => new FieldInfos(this, m_delegate.FieldInfosFormat);

    private sealed class StoredFields(BuildCodec codec, StoredFieldsFormat format) : StoredFieldsFormat
    {
        public override StoredFieldsReader FieldsReader(Directory directory, SegmentInfo si, Lucene.Net.Index.FieldInfos fn, IOContext context) =>
            format.FieldsReader(directory, si, fn, context);

        public override StoredFieldsWriter FieldsWriter(Directory directory, SegmentInfo si, IOContext context) =>
            new Writer(codec, format.FieldsWriter(directory, si, context));
    }

    /// <summary>Writes through Lucene's writer; a merge is started on its own thread, which disposes the writer when done.</summary>
    private sealed class Writer(BuildCodec codec, StoredFieldsWriter writer) : StoredFieldsWriter
    {
        private bool _handedOver;

        public override void StartDocument(int numStoredFields) => writer.StartDocument(numStoredFields);

        public override void FinishDocument() => writer.FinishDocument();

        public override void WriteField(FieldInfo info, IIndexableField field) => writer.WriteField(info, field);

        public override void Abort() => writer.Abort();

        public override void Finish(Lucene.Net.Index.FieldInfos fis, int numDocs) => writer.Finish(fis, numDocs);

        public override int Merge(MergeState mergeState)
        {
            var copy = Task.Factory.StartNew(() =>
            {
                using (writer)
                {
                    writer.Merge(mergeState);
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            codec._copies[mergeState.SegmentInfo.Name] = copy;
            _handedOver = true;
            // What the copy will count: the merged segment's documents, the deleted ones left out.
            return mergeState.SegmentInfo.DocCount;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_handedOver)
            {
                writer.Dispose();
            }
        }
    }

    private sealed class FieldInfos(BuildCodec codec, FieldInfosFormat format) : FieldInfosFormat
    {
        public override FieldInfosReader FieldInfosReader => format.FieldInfosReader;

        public override FieldInfosWriter FieldInfosWriter => new InfosWriter(codec, format.FieldInfosWriter);
    }

    private sealed class InfosWriter(BuildCodec codec, FieldInfosWriter writer) : FieldInfosWriter
    {
        public override void Write(Directory directory, string segmentName, string segmentSuffix, Lucene.Net.Index.FieldInfos infos, IOContext context)
        {
            if (codec._copies.TryRemove(segmentName, out var copy))
            {
                // Throws the copy's failure, which fails the merge.
                copy.GetAwaiter().GetResult();
            }
            writer.Write(directory, segmentName, segmentSuffix, infos, context);
        }
    }
}
