using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Web.Tests;

/// <summary>
/// A search answer is kept whole (output cache) and its result too (result cache), keyed by the index version and
/// the synonyms in service: the same URL gets the same bytes without the work, and an edit is never answered from
/// before it.
/// </summary>
public sealed class AnswerCacheFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task The_same_search_again_is_the_kept_answer_and_with_the_cache_off_it_is_made_again()
    {
        var cached = site.CreateClient();
        var uncached = site.WithWebHostBuilder(b => b.UseSetting("Search:CacheSize", "0")).CreateClient();
        const string url = "/api/search?q=insertion&regions=bretagne";

        var first = await cached.GetAsync(url);
        var again = await cached.GetAsync(url);
        var fresh = await uncached.GetAsync(url);
        var freshAgain = await uncached.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(again.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(first.Headers.GetValues("X-Index-Version"), again.Headers.GetValues("X-Index-Version"));
        Assert.Null(fresh.Headers.Age);
        Assert.Null(freshAgain.Headers.Age);
    }

    [Theory]
    [InlineData("/?q=insertion&regions=bretagne")]
    [InlineData("/themes/types/mecenat")]
    public async Task A_page_showing_a_search_is_kept_too_but_not_in_preview_mode(string url)
    {
        var cached = site.CreateClient();
        using var previewSite = new PreviewSiteFactory();
        var preview = previewSite.CreateClient();

        var first = await cached.GetAsync(url);
        var again = await cached.GetAsync(url);
        await preview.GetAsync(url);
        var previewAgain = await preview.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(again.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        // The preview banner says when the content was last checked: never an old copy.
        Assert.Contains("Mode aperçu", await previewAgain.Content.ReadAsStringAsync());
        Assert.Null(previewAgain.Headers.Age);
    }

    [Fact]
    public async Task A_kept_page_is_kept_compressed_once_for_each_encoding_chosen()
    {
        var brotliStreams = new CountingBrotli();
        var client = site.WithWebHostBuilder(b => b.ConfigureServices(services => services.Configure<ResponseCompressionOptions>(o =>
        {
            o.Providers.Add(brotliStreams);
            o.Providers.Add<GzipCompressionProvider>();
        }))).CreateClient();
        const string url = "/?q=insertion&regions=bretagne&sort=recent";

        async Task<HttpResponseMessage> Get(string? encoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (encoding is not null)
            {
                request.Headers.AcceptEncoding.ParseAdd(encoding);
            }
            return await client.SendAsync(request);
        }

        var brotli = await Get("br");
        var brotliAgain = await Get("br");
        var brotliOtherwiseAsked = await Get("gzip, deflate, br");
        var gzip = await Get("gzip");
        var plain = await Get(null);
        var plainAgain = await Get(null);

        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Null(brotli.Headers.Age);
        // The second browser gets the first one's compressed bytes as they were kept.
        Assert.NotNull(brotliAgain.Headers.Age);
        Assert.Equal(["br"], brotliAgain.Content.Headers.ContentEncoding);
        Assert.Equal(await brotli.Content.ReadAsByteArrayAsync(), await brotliAgain.Content.ReadAsByteArrayAsync());
        // Asked another way, Brotli is still the encoding chosen: the same copy.
        Assert.NotNull(brotliOtherwiseAsked.Headers.Age);
        Assert.Equal(["br"], brotliOtherwiseAsked.Content.Headers.ContentEncoding);
        Assert.Equal(1, brotliStreams.Streams);
        // Another encoding is another copy, never Brotli sent to a client that did not ask for it.
        Assert.Null(gzip.Headers.Age);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Null(plain.Headers.Age);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.NotNull(plainAgain.Headers.Age);
        var html = await plain.Content.ReadAsStringAsync();
        Assert.Contains("id=\"results-count\"", html, StringComparison.Ordinal);
        Assert.Equal(html, Decompressed(await brotli.Content.ReadAsByteArrayAsync(), bytes => new BrotliStream(bytes, CompressionMode.Decompress)));
        Assert.Equal(html, Decompressed(await gzip.Content.ReadAsByteArrayAsync(), bytes => new GZipStream(bytes, CompressionMode.Decompress)));
    }

    /// <summary>Brotli as the site compresses, counting the answers it compresses.</summary>
    private sealed class CountingBrotli : ICompressionProvider
    {
        public int Streams;

        public string EncodingName => "br";

        public bool SupportsFlush => true;

        public Stream CreateStream(Stream outputStream)
        {
            Interlocked.Increment(ref Streams);
            return new BrotliStream(outputStream, CompressionLevel.Fastest, leaveOpen: true);
        }
    }

    private static string Decompressed(byte[] bytes, Func<Stream, Stream> decompress)
    {
        using var stream = decompress(new MemoryStream(bytes));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task An_edited_synonyms_file_changes_an_answer_already_kept_and_its_entity_tag()
    {
        var client = site.CreateClient();
        var word = $"zorglub{Guid.NewGuid():N}"[..14];
        var url = $"/api/search?q={word}";
        var before = await client.GetAsync(url);
        Assert.Equal(0, await Total(before));
        Assert.NotNull((await client.GetAsync(url)).Headers.Age);

        var synonyms = Path.Combine(site.ContentPath, "synonyms.yml");
        File.AppendAllText(synonyms, $"\n- [{word}, quartiers prioritaires]\n");
        File.SetLastWriteTimeUtc(synonyms, DateTime.UtcNow.AddMinutes(2));

        // The site looks at the file once a second at most.
        HttpResponseMessage after;
        var attempts = 0;
        do
        {
            await Task.Delay(200);
            after = await client.GetAsync(url);
        }
        while (await Total(after) == 0 && ++attempts < 50);
        Assert.True(await Total(after) > 0, "the kept answer outlived the synonyms edit");
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    private static async Task<int> Total(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32();
    }
}
