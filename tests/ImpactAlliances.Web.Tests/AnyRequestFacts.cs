using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Web.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Web.Tests;

/// <summary>
/// Requests generated from the grammar of the site's routes, sent to the real site over a Kestrel port
/// (so the server parses them as it would in production): whatever the path, query string, headers or
/// method, the answer is never a 5xx, and a method the site does not take gets 405 with <c>Allow</c>.
/// </summary>
public sealed class AnyRequestFacts(KestrelSiteFactory site) : IClassFixture<KestrelSiteFactory>, IDisposable
{
    // Redirects and cookies are the test's to see, not the client's to follow or keep.
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    // Raw targets reach the server as written: broken percent-encoding is not repaired by Uri.
    private static readonly UriCreationOptions Raw = new() { DangerousDisablePathAndQueryCanonicalization = true };

    [Property(MaxTest = 1000, QuietOnSuccess = true)]
    public Property No_request_gets_a_5xx_and_a_wrong_method_gets_405_with_allow() =>
        Prop.ForAll(HostileRequests.Any.ToArbitrary(), request =>
        {
            using var response = Send(request);
            var status = (int)response.StatusCode;
            var allow = response.Content.Headers.Allow;
            // Kestrel refuses some targets (a NUL byte, an overlong line) before the site sees them: then
            // the site's headers are missing, and the answer is Kestrel's own 400 or 414.
            var seenBySite = response.Headers.Contains("Content-Security-Policy");
            return (status < 500).Label($"{request} answered {status}")
                .And((seenBySite || status is 400 or 414).Label($"{request} answered {status} without the site's headers"))
                .And((request.TakenMethod || !seenBySite || (status == 405 && allow.Contains("GET") && allow.Contains("HEAD")))
                    .Label($"{request} answered {status} with Allow: {string.Join(", ", allow)}"));
        });

    /// <summary>Every address that reads a search from its query string.</summary>
    private static readonly string[] Searching =
        ["/", "/exemples", "/themes/domaines/mobilite", "/statistiques", "/carte", Discovery.FeedPath, "/api/search", "/api/suggest", "/api/export", "/api/statistics"];

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property Any_text_searched_gets_an_answer_on_every_address_that_searches() =>
        Prop.ForAll(HostileRequests.Text.ToArbitrary(), text =>
        {
            // Invalid UTF-16 (a lone surrogate) is sent as the replacement character, as a browser would.
            var encoded = string.Concat(new UTF8Encoding(false, false).GetBytes(text).Select(b => $"%{b:X2}"));
            return Searching.Select(path =>
            {
                using var response = _client.Send(new HttpRequestMessage(HttpMethod.Get, new Uri($"{site.BaseAddress}{path}?q={encoded}", Raw)));
                var status = (int)response.StatusCode;
                // A feed answered is XML a reader can parse, whatever its title holds.
                var parses = status != 200 || path != Discovery.FeedPath || Record.Exception(() => XDocument.Parse(response.Content.ReadAsStringAsync().Result)) is null;
                return (status is >= 200 and < 500 && parses).Label($"{path}?q={encoded} answered {status}{(parses ? "" : " with XML that does not parse")}");
            }).Aggregate((all, one) => all.And(one));
        });

    [Fact]
    public void Every_route_the_site_maps_is_in_the_grammar()
    {
        // Static files are served by name, not built from parameters: what the grammar must reach is the site's own routes.
        var routes = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToList();

        var missing = routes.Except(HostileRequests.Routes).ToList();

        Assert.NotEmpty(routes);
        Assert.True(missing.Count == 0, $"Routes the grammar does not reach: {string.Join(" ", missing)}");
    }

    private HttpResponseMessage Send(HostileRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(site.BaseAddress + request.Target, Raw));
        if (request.Body is { } body)
        {
            message.Content = new StringContent(body);
        }
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        return _client.Send(message);
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>One generated request.</summary>
public sealed record HostileRequest(string Method, string Target, IReadOnlyList<(string Name, string Value)> Headers, string? Body)
{
    /// <summary>Whether the site takes the method (HTTP method names compare without case in ASP.NET Core).</summary>
    public bool TakenMethod => Method.Equals("GET", StringComparison.OrdinalIgnoreCase) || Method.Equals("HEAD", StringComparison.OrdinalIgnoreCase);

    public override string ToString() =>
        $"{Method} {(Target.Length > 400 ? $"{Target[..400]}… ({Target.Length} characters)" : Target)}{string.Concat(Headers.Select(h => $" [{h.Name}: {h.Value}]"))}{(Body is null ? "" : $" body '{Body}'")}";
}

/// <summary>The grammar of the site's addresses, with hostile values in every slot.</summary>
public static class HostileRequests
{
    private static readonly string[] WhiteSpace = ["%20", "+", "%09", "%0A", "%0D", "%0B", "%0C", "%C2%A0", "%E2%80%83", "%E3%80%80", "%E2%80%A8"];
    private static readonly string[] Control = ["%00", "%01", "%1B", "%1F", "%7F", "%C2%80", "%E2%80%8B", "%EF%BB%BF", "%E2%80%AE", "%EF%BF%BF"];
    private static readonly string[] BrokenPercent = ["%", "%2", "%G1", "%%", "%%20", "%C3", "%C3%28", "%FF", "%FE%FF", "%E2%82", "%ED%A0%80", "%F4%90%80%80", "%C0%AF", "%25", "%u00e9"];
    private static readonly string[] Numbers = ["0", "-1", "-0", "+1", "1.5", "1e9", "NaN", "0x10", "-2147483648", "2147483647", "2147483648",
        "99999999999999999999999", "-99999999999999999999999", "%D9%A3", "%EF%BC%91", "9999", "1000", "999"];
    private static readonly string[] Odd = ["..", ".", "%2E%2E", "%2F", "%5C", "a%2Fb", "~", "*", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'", "%22",
        "(", "[", "%7B", ":", "%3A", "AND", "OR", "NOT", "-", "%22%22", "%C3%A9", "%F0%9D%94%98", "%F0%9F%98%80", "title:x", "a~", "%5E2", "?", "%3F", "%23", "%26", "%3D"];
    private static readonly string[] KnownValues = ["mobilite", "emploi-insertion", "bretagne", "mecenat", "association", "entreprise", "local", "national",
        "publie", "brouillon", "archive", "relevance", "recent", "title", "year", "csv", "json", "csl-json", "semicolon", "1", "true", "2020",
        "mobilit%C3%A9", "mobilty", "foo", "Mobilite", "MOBILITE", "economiques"];
    private static readonly string[] Slugs = ["wimoov-renault-mobilite-solidaire", SiteFactory.HostileSlug, SiteFactory.DraftSlug, "nope", "Wimoov-Renault-Mobilite-Solidaire"];
    private static readonly string[] Keys = ["q", "q", "page", "size", "sort", "year_from", "year_to", "undated", "literal", "all_words", "format", "separator",
        .. CaseStudySchema.Facets.Select(f => f.Key), "sdgs", "code", "handler", "unknown", "Q", "PAGE", "q[]", "", "%71"];
    private static readonly string[] OddMethods = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "FOO", "get", "head", "post"];

    private static readonly (string Name, string[] Values)[] OddHeaders =
    [
        ("Accept", ["*/*", "application/json", "text/html;q=0", "application/problem+json", "garbage///", "", "*/*;q=abc"]),
        ("Accept-Encoding", ["br", "gzip", "gzip, deflate, br", "identity;q=0", "*;q=0", "zstd", "nonsense", "br;q=2"]),
        ("Accept-Language", ["fr", "xx-YY", "*", ";;;"]),
        ("If-None-Match", ["\"abc\"", "*", "W/\"x\"", "garbage", "\"\""]),
        ("If-Modified-Since", ["Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "yesterday"]),
        ("Range", ["bytes=0-10", "bytes=-5", "bytes=99999999-", "bytes=a-b", "lines=1-2", "bytes=0-0,1-1,2-2,3-3"]),
        ("Cookie", ["a=b", ".AspNetCore.Antiforgery.x=garbage", "=;;", "%FF=%FF"]),
        ("X-Forwarded-For", ["not-an-ip", "127.0.0.1, ::1"]),
        ("X-Forwarded-Proto", ["gopher"]),
        ("X-HTTP-Method-Override", ["DELETE"]),
        ("Referer", ["javascript:alert(1)", "%%%"]),
        ("Origin", ["null", "https://evil.example"]),
        ("Host", ["", "evil.example", "a b", "[::1", "localhost:99999"]),
        ("Content-Length", ["-1", "99999999999"]),
    ];

    private static Gen<string> Concat(Gen<string> part, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(part, n)).Select(string.Concat);

    /// <summary>A path segment or a query value.</summary>
    private static readonly Gen<string> Token = Gen.Frequency(
        (3, Gen.Elements(KnownValues)),
        (2, Concat(Gen.Elements(WhiteSpace), 1, 3)),
        (1, Gen.Elements(Control)),
        (2, Gen.Elements(BrokenPercent)),
        (2, Gen.Elements(Numbers)),
        (2, Gen.Elements(Odd)),
        (1, Gen.Elements(100, 1_000, 3_000).Select(n => new string('a', n))),
        (1, Gen.Elements(50, 500).Select(n => string.Concat(Enumerable.Repeat("%C3%A9", n)))));

    private static readonly Gen<string> Segment = Gen.Frequency(
        (1, Gen.Elements(Slugs)),
        (4, Concat(Token, 1, 3)));

    private static readonly Gen<string> Value = Gen.Frequency(
        (1, Gen.Constant("")),
        (5, Concat(Token, 1, 3)),
        (1, Gen.ListOf(Gen.Elements(KnownValues)).Select(v => string.Join(",", v))));

    private static readonly Gen<string> Pair = Gen.Frequency(
        (6, Gen.Elements(Keys).SelectMany(k => Value.Select(v => $"{k}={v}"))),
        (1, Gen.Elements(Keys)),
        (1, Gen.Elements("", "=", "&", "==x", "q=a=b", ";", "%")));

    private static readonly Gen<string> Query = Gen.Frequency(
        (1, Gen.Constant("")),
        (1, Gen.Constant("?")),
        (6, Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Pair, n)).Select(p => "?" + string.Join('&', p))));

    private static readonly Gen<string> ThemeFacet = Gen.Frequency(
        (3, Gen.Elements(CaseStudySchema.Facets.Select(f => f.ThemeSegment).ToArray())),
        (2, Segment));

    /// <summary>Text as typed, pasted or forged: French words, any character of the basic plane (controls, lone surrogates, non-characters) and beyond.</summary>
    public static readonly Gen<string> Text = Gen.ListOf(Gen.Frequency(
        (4, Gen.Elements("vélo", "insertion", "emploi des jeunes", "\"économie sociale\"", "-", "*", "OR", " ", "l'", "Marseille", "93")),
        (3, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())),
        (1, Gen.Elements("\0", "\u0001", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF", "\U0001F600", "\u200B", "\u202E")))).Select(string.Concat);

    /// <summary>The site's routes, as it maps them: each parameter is filled with hostile segments.</summary>
    public static readonly string[] Routes =
    [
        "/", "/Index", "/exemples", "/exemples/{slug}", "/themes", "/themes/{facet}/{value}", "/statistiques", "/carte",
        "/donnees", "/donnees/{release}/{file}", "/documentation-api", "/accessibilite", "/mentions-legales", "/Erreur", "/erreur/{code:int?}",
        "/api/search", "/api/suggest", "/api/cases/{slug}", "/api/export", "/api/statistics", "/api/{**path}", "/openapi/v1.json",
        "/flux.atom", "/sitemap.xml", "/robots.txt", "/metrics", "/health/live", "/health/ready", "/{**path:file}",
    ];

    private static readonly Gen<string> Route = Gen.Elements(Routes).SelectMany(route =>
        Regex.Split(route, @"(\{[^}]*\})").Aggregate(Gen.Constant(""), (gen, part) =>
            gen.SelectMany(done => part.StartsWith('{') ? Segment.Select(s => done + s) : Gen.Constant(done + part))));

    private static readonly Gen<string> Path = Gen.Frequency(
        (8, Route),
        (1, Gen.Elements("/themes/", "/api/cases", "/api/cases/", "/api", "/health", "/erreur/", "/css/site.css", "/js/suggest.js", "//", "/exemples/", "/index")),
        (1, Gen.Two(Segment).Select(s => $"/exemples/{s.Item1}/{s.Item2}")),
        (1, Segment.Select(s => $"/themes/{s}")),
        (1, ThemeFacet.SelectMany(f => Segment.Select(v => $"/themes/{f}/{v}"))),
        (1, Segment.Select(s => $"/health/{s}")),
        (1, Gen.Elements(Numbers).Select(s => $"/erreur/{s}")),
        (1, Gen.Two(Segment).Select(s => $"/{s.Item1}/{s.Item2}")),
        (1, Segment.Select(s => $"/css/{s}")));

    private static readonly Gen<(string, string)> Header =
        Gen.Elements(OddHeaders).SelectMany(h => Gen.Elements(h.Values).Select(v => (h.Name, v)));

    private static readonly Gen<string> Method = Gen.Frequency(
        (6, Gen.Constant("GET")),
        (1, Gen.Constant("HEAD")),
        (3, Gen.Elements(OddMethods)));

    /// <summary>Any request.</summary>
    public static readonly Gen<HostileRequest> Any =
        from method in Method
        from path in Path
        from query in Query
        from headers in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Header, n))
        from body in Gen.Elements<string?>(null, "q=x", "{\"q\":1}")
        select new HostileRequest(method, path + query, headers, method is "GET" or "HEAD" ? null : body);
}
