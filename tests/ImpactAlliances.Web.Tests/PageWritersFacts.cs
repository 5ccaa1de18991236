using System.Text;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Web.Tests;

/// <summary>A page's HTML reaches the response in one write (<see cref="PageWriters"/>), the same text.</summary>
public sealed class PageWritersFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    /// <summary>A stream that counts the writes of some bytes it is given, and keeps them.</summary>
    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        // The asynchronous writes of a memory stream come here.
        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes += count > 0 ? 1 : 0;
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes += buffer.Length > 0 ? 1 : 0;
            base.Write(buffer);
        }
    }

    private static async Task<(int Writes, string Text)> WriteThrough(Func<Stream, TextWriter> create, string page)
    {
        using var stream = new CountingStream();
        await using (var writer = create(stream))
        {
            // As a view writes: many pieces, then one flush at the end.
            for (var i = 0; i < page.Length; i += 100)
            {
                await writer.WriteAsync(page.AsMemory(i, Math.Min(100, page.Length - i)));
            }
            await writer.FlushAsync();
        }
        return (stream.Writes, Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task A_results_page_of_88_000_characters_is_written_once_and_unchanged()
    {
        var page = string.Concat(Enumerable.Range(0, 8_000).Select(i => $"<li>é{i,5}</li>"))[..88_000];
        // MVC's own factory (internal) makes this writer with 16K characters.
        var framework = await WriteThrough(stream => new HttpResponseStreamWriter(stream, Encoding.UTF8, 16 * 1024), page);
        var ours = await WriteThrough(stream => new PageWriters().CreateWriter(stream, Encoding.UTF8), page);
        Assert.Equal(page, framework.Text);
        Assert.Equal(page, ours.Text);
        Assert.True(framework.Writes >= 5, $"the framework's writer wrote {framework.Writes} times");
        Assert.Equal(1, ours.Writes);
    }

    [Fact]
    public void The_site_s_pages_are_written_through_it()
    {
        Assert.IsType<PageWriters>(site.Services.GetRequiredService<IHttpResponseStreamWriterFactory>());
    }
}
