using ImpactAlliances.Core.Search;
using Microsoft.Net.Http.Headers;

namespace ImpactAlliances.Web.Api;

/// <summary>
/// Where an answer came from and how long it may be kept. For one index version (with the content commit it was
/// built from) and one synonyms file, an endpoint always gives the same answer to the same URL, so those make the
/// answer's entity tag: every response names the version and commit in headers; a successful one also carries the
/// ETag and Cache-Control; a client (or a proxy) whose copy has the current tag gets 304 without the work being redone.
/// </summary>
public sealed class IndexVersionCaching(ICaseStudySearch search) : IEndpointFilter
{
    /// <summary>The response headers naming the served index version and its content commit.</summary>
    public const string VersionHeader = "X-Index-Version", CommitHeader = "X-Content-Commit";

    /// <summary>
    /// A copy may be reused for a minute, then revalidated: a new index can be switched in at any time, and
    /// revalidating costs a 304.
    /// </summary>
    public const string CacheControl = "public, max-age=60";

    /// <summary>
    /// The filter as a delegate, for <c>AddEndpointFilter</c>: the same filter per request as <c>AddEndpointFilter&lt;T&gt;</c>,
    /// without the factory that one compiles from an expression tree while the endpoints are mapped, on the thread the
    /// first answer waits for (BENCHMARKS.md, twenty-seventh session).
    /// </summary>
    public static ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        new IndexVersionCaching(context.HttpContext.RequestServices.GetRequiredService<ICaseStudySearch>()).InvokeAsync(context, next);

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var served = search.Served;
        var (etag, tag, commit) = TagOf(served);
        var headers = http.Response.Headers;
        headers[VersionHeader] = served.Version;
        headers[CommitHeader] = commit;
        if (http.Request.Headers.IfNoneMatch.Count > 0 && http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            Stamp(http.Response, tag);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        // Errors are not tagged: only an answer worth keeping is. An endpoint that writes its own body (an export)
        // is stamped when its response starts.
        http.Response.OnStarting(() =>
        {
            if (http.Response.StatusCode == StatusCodes.Status200OK)
            {
                Stamp(http.Response, tag);
            }
            return Task.CompletedTask;
        });
        var result = await next(context);
        // A result still to be written is stamped now, before it writes, so that the output cache, which keeps the
        // headers it sees when the body starts, keeps the tag with the answer.
        if (!http.Response.HasStarted && result is IStatusCodeHttpResult { StatusCode: null or StatusCodes.Status200OK })
        {
            Stamp(http.Response, tag);
        }
        return result;
    }

    // The tag of the last version, commit and synonyms served, made once for them rather than for every answer (its text
    // filtered character by character and formatted: BENCHMARKS.md, thirty-seventh session). A version switched in or new
    // synonyms make it again; compared by value, so that it holds for a served index that gives new strings each time.
    private sealed record Tagged(string Version, string Synonyms, string? Commit, EntityTagHeaderValue ETag, string Text, string CommitText);

    private static Tagged? LastTag;

    private static (EntityTagHeaderValue ETag, string Text, string CommitText) TagOf(ServedIndex served)
    {
        if (LastTag is not { } last || last.Version != served.Version || last.Synonyms != served.Synonyms || last.Commit != served.ContentCommit)
        {
            var etag = new EntityTagHeaderValue($"\"{Token(served.AnswerKey)}.{Token(served.ContentCommit ?? "inconnu")}\"", isWeak: true);
            LastTag = last = new Tagged(served.Version, served.Synonyms, served.ContentCommit, etag, etag.ToString(), CommitHeaderValue(served.ContentCommit));
        }
        return (last.ETag, last.Text, last.CommitText);
    }

    private static void Stamp(HttpResponse response, string etag)
    {
        response.Headers.ETag = etag;
        response.Headers.CacheControl = CacheControl;
    }

    /// <summary>
    /// The content commit as <see cref="CommitHeader"/> carries it: a header holds ASCII alone, and an index built from a work
    /// tree with changes says « +modifié », whose accent made every API answer a 500; folded, « +modifie ».
    /// </summary>
    public static string CommitHeaderValue(string? commit) => commit is null ? ""
        : string.Concat(commit.Normalize(System.Text.NormalizationForm.FormD).Where(c => c is >= ' ' and <= '~'));

    // An entity tag holds no quote or space: a version or commit name with one keeps its other characters.
    private static string Token(string name) => string.Concat(name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'));
}
