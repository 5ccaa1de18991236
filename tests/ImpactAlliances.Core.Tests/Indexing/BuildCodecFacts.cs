using ImpactAlliances.Core.Indexing;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ImpactAlliances.Core.Tests.Indexing;

/// <summary>The build's codec copies a merge's stored fields on a thread of its own (<see cref="BuildCodec"/>).</summary>
public sealed class BuildCodecFacts
{
    [Fact]
    public void A_merge_that_fails_beside_its_copy_leaves_no_copy_running_once_its_failed_copies_are_waited_for()
    {
        var codec = new BuildCodec();
        using var directory = new FailingMergeDirectory();
        var config = new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48))
        {
            Codec = codec,
            MergeScheduler = new SerialMergeScheduler(),
            MergePolicy = new LogByteSizeMergePolicy { MergeFactor = 1000 },
            UseCompoundFile = false,
        };
        var writer = new IndexWriter(directory, config);
        foreach (var text in new[] { "un", "deux" })
        {
            writer.AddDocument(new Document { new TextField("text", text, Field.Store.YES) });
            writer.Commit();
        }
        directory.Merging = true;

        Assert.ThrowsAny<IOException>(() => writer.ForceMerge(1));
        writer.Rollback();
        codec.WaitForFailedMergesCopies();

        // The copy, slowed down, had not finished when the merge failed on its postings.
        Assert.True(directory.CopyFinished);
    }

    /// <summary>Once <see cref="Merging"/>, the merged segment's postings fail and its stored fields are slow to write.</summary>
    private sealed class FailingMergeDirectory : RAMDirectory
    {
        public volatile bool Merging;

        public volatile bool CopyFinished;

        public override IndexOutput CreateOutput(string name, IOContext context)
        {
            if (Merging && name.EndsWith(".tim", StringComparison.Ordinal))
            {
                throw new IOException("disk full");
            }
            return Merging && name.EndsWith(".fdt", StringComparison.Ordinal) ? new SlowOutput(this, base.CreateOutput(name, context)) : base.CreateOutput(name, context);
        }

        private sealed class SlowOutput(FailingMergeDirectory directory, IndexOutput output) : IndexOutput
        {
            public override long Checksum => output.Checksum;

            public override long Position => output.Position;

            public override long Length => output.Length;

            public override void WriteByte(byte b) => output.WriteByte(b);

            public override void WriteBytes(byte[] b, int offset, int length) => output.WriteBytes(b, offset, length);

            public override void Flush() => output.Flush();

            [Obsolete("Only for reading a stored value of a former version.")]
            public override void Seek(long pos) => output.Seek(pos);

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    Thread.Sleep(300);
                    output.Dispose();
                    directory.CopyFinished = true;
                }
            }
        }
    }
}
