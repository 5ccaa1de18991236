using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ImpactAlliances.Web.Tests;

/// <summary>Every link of the site is a state written as a URL: reading the URL back gives the same state.</summary>
public sealed class SearchStateFacts
{
    // Characters a query or an old link may hold: accents, spaces, the URL's own separators, quotes, an emoji.
    private static readonly string[] Pieces = ["a", "é", "œ", " ", "&", "=", "?", "#", "+", "%", "\"", "'", "/", "😀", "-", "*"];

    private static Gen<string> Words(int max) => Gen.Choose(0, max)
        .SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces), n))
        .Select(string.Concat)
        .Select(s => s.Trim());

    private static Arbitrary<SearchState> States() =>
        (from query in Words(12)
         from facet in Gen.Elements(CaseStudySchema.Facets.Select(f => f.Key).ToArray())
         // Up to four values in one facet (Gen.ListOf(gen, n) is a list of exactly n).
         from values in Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(Words(6).Where(v => v.Length > 0 && !v.Contains(',')), n))
         from allOf in Gen.Elements(true, false)
         from sort in Gen.Elements<SearchSort?>(null, SearchSort.Relevance, SearchSort.Recent, SearchSort.Title, SearchSort.Year)
         from page in Gen.Choose(1, 50)
         from size in Gen.Elements<int?>(null, 10, 50)
         from years in Gen.Elements<(int?, int?)>((null, null), (1990, null), (null, 2024), (2010, 2020))
         from undated in Gen.Elements(true, false)
         from literal in Gen.Elements(true, false)
         from allWords in Gen.Elements(true, false)
         let distinct = values.Distinct().Take(4).ToList()
         select new SearchState
         {
             Query = query,
             Filters = distinct.Count > 0 ? new Dictionary<string, IReadOnlyList<string>> { [facet] = distinct } : [],
             AllOf = allOf && distinct.Count > 0 ? new HashSet<string> { facet } : [],
             Sort = sort,
             Page = page,
             Size = size,
             YearFrom = years.Item1,
             YearTo = years.Item2,
             IncludeUndated = undated,
             Literal = literal,
             AllWords = allWords,
         }).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property A_state_read_back_from_its_url_is_the_same_state() =>
        Prop.ForAll(States(), state =>
        {
            var url = state.ToUrl();
            var query = url.Contains('?') ? new QueryCollection(QueryHelpers.ParseQuery(url[url.IndexOf('?')..])) : QueryCollection.Empty;
            var read = SearchState.FromQuery(query, TimeProvider.System);

            return url.StartsWith('/') && !url.Contains(' ') && !url.Contains('#')
                && read.Query == state.Query
                && read.Filters.Count == state.Filters.Count
                && state.Filters.All(f => read.Filters.TryGetValue(f.Key, out var v) && v.SequenceEqual(f.Value))
                && read.AllOf.SetEquals(state.AllOf)
                && read.Sort == state.Sort && read.Page == state.Page && read.Size == state.Size
                && read.YearFrom == state.YearFrom && read.YearTo == state.YearTo
                && read.IncludeUndated == state.IncludeUndated && read.Literal == state.Literal && read.AllWords == state.AllWords
                && !SearchState.NeedsCleaning(query);
        });

    [Property(MaxTest = 300)]
    public Property A_chip_or_facet_link_is_the_url_of_the_state_it_leads_to_encoded_for_html() =>
        Prop.ForAll(States(), Gen.Elements(CaseStudySchema.Facets.Select(f => f.Key).ToArray()).ToArbitrary(), Words(4).ToArbitrary(),
            (state, facet, other) =>
            {
                // A value selected in the state (deselected by the link) or another one (added).
                var selected = state.Filters.SelectMany(f => f.Value.Select(v => (Facet: f.Key, Value: v))).ToList();
                var values = selected.Append((Facet: facet, Value: other.Length > 0 ? other : "x")).ToList();

                return values.All(v =>
                    Attribute(state.ToggleHref(v.Facet, v.Value)) == state.Toggle(v.Facet, v.Value).ToUrl()
                    && Attribute(Html(w => state.WriteToggleHref(w, v.Facet, v.Value))) == state.Toggle(v.Facet, v.Value).ToUrl()
                    && Attribute(Html(w => state.WriteWithHref(w, v.Facet, v.Value))) == state.With(v.Facet, v.Value).ToUrl());
            });

    [Property(MaxTest = 300)]
    public Property A_list_s_links_written_from_the_state_encoded_once_are_the_bytes_each_link_writes_alone() =>
        Prop.ForAll(States(), Gen.Elements("/", "/carte?niveau=departements", "/themes/domaines/mobilite").ToArbitrary(),
            (from allWords in Gen.Elements(true, false) from other in Words(4) select (allWords, other)).ToArbitrary(),
            (state, path, options) =>
            {
                var (allWords, other) = options;
                state = state with { Path = path, AllWords = allWords };
                // Every value of every facet the state selects, and another one in each facet (an empty one too).
                var values = state.Filters.SelectMany(f => f.Value.Select(v => (Facet: f.Key, Value: v)))
                    .Concat(CaseStudySchema.Facets.Select(f => (Facet: f.Key, Value: other)))
                    .Append((Facet: "unknown", Value: "x")).ToList();
                var links = state.Links();

                return values.All(v =>
                    Html(w => links.WriteToggleHref(w, v.Facet, v.Value)) == Html(w => state.WriteToggleHref(w, v.Facet, v.Value))
                    // A chip's link, its value's pair encoded once with its case (HitList).
                    && Html(w => links.WriteWithHref(w, new SearchState.LinkWriter.EncodedValue(v.Facet, v.Value)))
                        == Html(w => state.WriteWithHref(w, v.Facet, v.Value)));
            });

    [Theory]
    [InlineData("vélo\0solidaire", "vélo solidaire")]
    [InlineData("\u0001\u001Fvélo\u007F\u0085", "vélo")]
    [InlineData("\uFFFFvélo\uFFFE", "vélo")]
    [InlineData("😀\u0085vélo", "😀 vélo")]
    [InlineData("\u202Evélo\u202C", "vélo")]
    public void Characters_that_mean_nothing_in_a_search_are_read_as_spaces(string typed, string read) =>
        Assert.Equal(read, SearchState.FromQuery(new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["q"] = typed }), TimeProvider.System).Query);

    [Fact]
    public void Deselecting_the_last_value_of_a_facet_that_required_all_its_values_drops_that_requirement_from_the_link()
    {
        var state = new SearchState
        {
            Query = "vélo & co",
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["actors"] = ["association"], ["domains"] = ["mobilite", "emploi-insertion"] },
            AllOf = new HashSet<string> { "actors", "domains" },
            Page = 3,
        };

        Assert.Equal("/?q=v%C3%A9lo%20%26%20co&amp;domains=mobilite&amp;domains=emploi-insertion&amp;all=domains", Html(state.ToggleHref("actors", "association")));
        Assert.Equal("/?q=v%C3%A9lo%20%26%20co&amp;actors=association&amp;domains=mobilite&amp;all=actors&amp;all=domains", Html(state.ToggleHref("domains", "emploi-insertion")));
        Assert.Equal(state.With("actors", "association").ToUrl(), Attribute(Html(w => state.WriteWithHref(w, "actors", "association"))));
    }

    /// <summary>An attribute value as the browser reads it.</summary>
    private static string Attribute(Microsoft.AspNetCore.Html.IHtmlContent href) => Attribute(Html(href));

    private static string Attribute(string html) => System.Net.WebUtility.HtmlDecode(html);

    private static string Html(Microsoft.AspNetCore.Html.IHtmlContent href) => Html(writer => href.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default));

    private static string Html(Action<TextWriter> write)
    {
        using var writer = new StringWriter();
        write(writer);
        return writer.ToString();
    }

    [Fact]
    public void A_url_lists_the_text_the_filters_in_registry_order_then_the_options_and_leaves_defaults_out()
    {
        var state = new SearchState
        {
            Query = "l'emploi des « jeunes » & 100 %",
            Filters = new Dictionary<string, IReadOnlyList<string>>
            {
                [CaseStudySchema.Regions.Key] = ["provence-alpes-cote-d-azur"],
                [CaseStudySchema.Actors.Key] = ["entreprise", "association"],
            },
            AllOf = new HashSet<string> { CaseStudySchema.Actors.Key },
            YearFrom = 2015,
            IncludeUndated = false,
            Sort = SearchSort.Year,
            Page = 2,
        };

        Assert.Equal(
            "/?q=l%27emploi%20des%20%C2%AB%20jeunes%20%C2%BB%20%26%20100%20%25&actors=entreprise&actors=association"
            + "&regions=provence-alpes-cote-d-azur&all=actors&year_from=2015&undated=0&sort=year&page=2",
            state.ToUrl());
        Assert.Equal("/", new SearchState().ToUrl());
        Assert.Equal("/themes/domaines/mobilite?page=3", new SearchState { Path = "/themes/domaines/mobilite", Page = 3 }.ToUrl());
    }

    [Theory]
    [InlineData("2015", 2015, null)]
    [InlineData("2016", null, "2016")]
    [InlineData("3000", null, "3000")]
    public void A_start_year_later_than_the_clock_s_is_noted_and_not_applied(string given, int? read, string? unread)
    {
        // year_from=3000 was applied as it stood: only the undated cases were left, under a chip « 3000–… ».
        var state = SearchState.FromQuery(new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            [SearchState.YearFromKey] = given,
        }), new FixedClock(new DateTimeOffset(2015, 12, 31, 23, 0, 0, TimeSpan.Zero)));

        Assert.Equal(read, state.YearFrom);
        Assert.Equal(unread is null ? [] : [new UnreadParameter(SearchState.YearFromKey, unread, 2015)], state.Unread);
    }

    [Fact]
    public void A_text_too_long_is_kept_as_typed_beside_the_text_searched_and_a_new_text_replaces_both()
    {
        var typed = string.Concat(Enumerable.Repeat("mobilité ", 60)) + "fin";
        var state = SearchState.FromQuery(new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            [SearchState.QueryKey] = typed,
        }), TimeProvider.System);

        Assert.Equal(typed, state.TypedQuery);
        Assert.Equal(Core.Querying.UserQuery.Cut(typed), state.Query);
        Assert.Equal(["vélo", "vélo"], new[] { state.WithQuery("vélo").Query, state.WithQuery("vélo").TypedQuery });
        Assert.Equal("vélo", new SearchState { Query = "vélo" }.TypedQuery);
    }

    [Theory]
    [InlineData("domaine", "domains")]
    [InlineData("Domaines", "domains")]
    [InlineData("région", "regions")]
    [InlineData("partnership_type", "partnership_types")]
    [InlineData("status", "statuses")]
    [InlineData("yearfrom", "year_from")]
    [InlineData("formt", "format")]
    [InlineData("utm_source", null)]
    [InlineData("fbclid", null)]
    [InlineData("_", null)]
    [InlineData("s", null)]
    [InlineData("niveau", null)]
    [InlineData("format", null)]
    [InlineData("callback", null)]
    [InlineData("src", null)]
    [InlineData("amp", null)]
    [InlineData("pge", "page")]
    [InlineData("typ", "partnership_types")]
    // The files' name for the start year is that one year, not the closest key (year_from), nor are its misspellings.
    [InlineData("year", "year")]
    [InlineData("YEAR", "year")]
    [InlineData("yaer", "year")]
    [InlineData("yaer_from", "year_from")]
    [InlineData("scale", "scales")]
    public void A_name_the_page_does_not_know_is_read_as_the_parameter_it_is_close_to(string name, string? meant) =>
        Assert.Equal(meant, MisspeltParameters.Meant(name, ["format", "separator", "niveau"]));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
