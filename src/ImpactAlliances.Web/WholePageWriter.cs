using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace ImpactAlliances.Web;

/// <summary>
/// The writer a view is written to the response through, with room for a whole results page. The framework's holds
/// 16 K characters: a results page (about 67 K) went to the server in five writes, each of which Kestrel flushed to
/// the socket as a chunk of its own, with its own send. With room for the page it is encoded and sent in one
/// (BENCHMARKS.md, twenty-sixth session). The buffers are rented from the shared pools, as the framework's are.
/// </summary>
internal sealed class WholePageWriterFactory : IHttpResponseStreamWriterFactory
{
    /// <summary>Characters held before a write to the response: a results page and then some.</summary>
    internal const int BufferSize = 96 * 1024;

    public TextWriter CreateWriter(Stream stream, Encoding encoding) =>
        new HttpResponseStreamWriter(stream, encoding, BufferSize, ArrayPool<byte>.Shared, ArrayPool<char>.Shared);
}
