using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImpactAlliances.Web;

/// <summary>
/// The writer a page's HTML goes out through: the framework's, with a buffer that holds a whole results page. With MVC's
/// 16K characters, the results page (about 68 KB) went to Kestrel in five writes, each flushed to the socket as a chunk of
/// its own (five sends and their wake-ups per page); here it goes in one. Same bytes; only the chunks of the response's
/// framing change. The buffers come from the shared pools, as the framework's do.
/// </summary>
public sealed class PageWriters : IHttpResponseStreamWriterFactory
{
    /// <summary>
    /// Characters a writer holds before it writes to the response: the mix's results pages hold 6,000 to 88,000. The pools
    /// hand out arrays by powers of two, so this is what a buffer of 96K characters would take anyway.
    /// </summary>
    public const int BufferSize = 128 * 1024;

    /// <inheritdoc />
    public TextWriter CreateWriter(Stream stream, Encoding encoding) =>
        new HttpResponseStreamWriter(stream, encoding, BufferSize, ArrayPool<byte>.Shared, ArrayPool<char>.Shared);

    /// <summary>Puts these writers in the place of the framework's (after Razor Pages are added).</summary>
    public static void Use(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IHttpResponseStreamWriterFactory, PageWriters>());
}
