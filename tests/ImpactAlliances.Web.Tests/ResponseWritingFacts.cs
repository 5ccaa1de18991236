using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Web.Tests;

/// <summary>How a page reaches the server: written whole, not in pieces each sent on its own (WholePageWriterFactory).</summary>
public sealed class ResponseWritingFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_results_page_is_written_to_the_response_in_one_piece()
    {
        var writes = new List<int>();
        var client = site.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new CountWrites(writes))))
            .CreateClient();

        var html = await client.GetStringAsync("/?q=partenariat");

        // Larger than the framework's writer held (16 K characters): it was written in four pieces or more.
        Assert.True(html.Length > 3 * 16 * 1024, $"the page has {html.Length} characters");
        Assert.Equal([System.Text.Encoding.UTF8.GetByteCount(html)], writes);
    }

    /// <summary>Puts a stream that records the size of each write to the response before the whole pipeline.</summary>
    private sealed class CountWrites(List<int> writes) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                if (context.Request.Path == "/")
                {
                    context.Response.Body = new Recording(context.Response.Body, writes);
                }
                await inner(context);
            });
            next(app);
        };
    }

    private sealed class Recording(Stream inner, List<int> writes) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Record(count);
            inner.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Record(buffer.Length);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        private void Record(int count)
        {
            if (count > 0)
            {
                lock (writes)
                {
                    writes.Add(count);
                }
            }
        }
    }
}
