using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Web.Api;

/// <summary>
/// How readers and crawlers find the cases: an Atom feed of any search (<c>/flux.atom</c>, the search's parameters,
/// newest update first), <c>/sitemap.xml</c> with every public page, and <c>/robots.txt</c> pointing at it.
/// </summary>
public static class Discovery
{
    /// <summary>The address of a search's feed.</summary>
    public const string FeedPath = "/flux.atom";

    /// <summary>The feed's media type.</summary>
    public const string AtomType = "application/atom+xml";

    /// <summary>The name the feed and its entries are published under.</summary>
    public const string Publisher = "Impact Alliances";

    /// <summary>The feed URL of a search state: the same criteria, newest update first.</summary>
    public static string FeedUrl(SearchState state) => (state with { Path = FeedPath, Page = 1, Sort = null, Size = null }).ToUrl();

    /// <summary>Maps the feed, the sitemap and robots.txt, each tagged with the index version like the API.</summary>
    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder routes)
    {
        var discovery = routes.MapGroup("").AnswerHead().AddEndpointFilter(IndexVersionCaching.Filter).ExcludeFromDescription();
        discovery.MapGet(FeedPath, Feed);
        discovery.MapGet("/sitemap.xml", Sitemap);
        discovery.MapGet("/robots.txt", (HttpRequest request) => TypedResults.Text(
            $"User-agent: *\nDisallow: /api/\nSitemap: {Absolute(request, "/sitemap.xml")}\n", "text/plain; charset=utf-8"));
        return routes;
    }

    /// <summary>
    /// The feed: the cases of the search most recently updated first (the page and size parameters apply, the sort
    /// does not), as Atom 1.0; invalid parameters get the API's 400.
    /// </summary>
    private static IResult Feed(HttpRequest request, ICaseStudySearch search, IOptions<SearchIndexOptions> options, TimeProvider clock)
    {
        var state = SearchState.FromQuery(request.Query, clock);
        if (ApiParameters.Refusal(request, options.Value, search.Taxonomy, state, clock) is { } refusal)
        {
            return refusal;
        }
        var result = search.Search(state.ToRequest() with { Sort = SearchSort.Recent });
        var served = search.Served;
        var title = state.Query.Length > 0 ? $"Impact Alliances : {Wording.Searched(state)}" : "Impact Alliances : exemples d'alliances";
        var filters = result.Facets.SelectMany(f => f.Values.Where(v => v.Selected).Select(v => $"{f.Label} : {v.Label}")).ToList();
        var feed = new SyndicationFeed(
            title,
            filters.Count > 0 ? $"Cas nouveaux ou mis à jour ({string.Join(" ; ", filters)})." : "Cas nouveaux ou mis à jour.",
            new Uri(Absolute(request, (state with { Path = "/", Sort = SearchSort.Recent, Page = 1, Size = null }).ToUrl())),
            Absolute(request, FeedUrl(state)),
            result.Hits.Count > 0 ? result.Hits.Max(h => Midnight(h.Updated)) : served.BuiltAt)
        {
            Language = "fr",
            Generator = Publisher,
        };
        feed.Authors.Add(new SyndicationPerson { Name = Publisher });
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(Absolute(request, request.Path + request.QueryString)), AtomType));
        feed.Items = result.Hits.Select(hit =>
        {
            var url = Absolute(request, CaseStudyApi.CaseUrl(hit.Slug));
            var item = new SyndicationItem(hit.Title, (SyndicationContent?)null, new Uri(url), url, Midnight(hit.Updated))
            {
                Summary = new TextSyndicationContent(hit.Summary),
            };
            item.Authors.Add(new SyndicationPerson { Name = Publisher });
            foreach (var (facet, values) in hit.Facets)
            {
                foreach (var value in values)
                {
                    item.Categories.Add(new SyndicationCategory(value.Value, facet, value.Label));
                }
            }
            return item;
        }).ToList();
        return Xml(writer => new Atom10FeedFormatter(feed).WriteTo(writer), $"{AtomType}; charset=utf-8");
    }

    /// <summary>Every public page: the search, the themes and each theme, each case (with its last update), the API's documentation.</summary>
    private static FileContentHttpResult Sitemap(HttpRequest request, ICaseStudySearch search)
    {
        const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var pages = new List<(string Path, DateOnly? Updated)> { ("/", null), ("/themes", null), (ApiEndpoints.DocumentationPath, null) };
        foreach (var facet in ThemeRoutes.Facets)
        {
            pages.AddRange(search.Taxonomy[facet].Values.Select(v => (ThemeRoutes.Url(facet, v.Slug), (DateOnly?)null)));
        }
        using (var export = search.Export(new SearchRequest { Sort = SearchSort.Title }))
        {
            pages.AddRange(export.FrontMatters.Select(c => (CaseStudyApi.CaseUrl(c.Slug), (DateOnly?)c.Updated)));
        }
        return Xml(writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            foreach (var (path, updated) in pages)
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, Absolute(request, path));
                if (updated is { } date)
                {
                    writer.WriteElementString("lastmod", Namespace, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }, "application/xml; charset=utf-8");
    }

    // The formatter writes synchronously, which Kestrel refuses on the response: the document is written to memory first.
    private static FileContentHttpResult Xml(Action<XmlWriter> write, string contentType)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            write(writer);
        }
        return TypedResults.Bytes(buffer.ToArray(), contentType);
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The absolute address of a path on the site, as the request reached it.</summary>
    public static string Absolute(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{path}";
}
