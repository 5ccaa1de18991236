using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Search;
using Microsoft.AspNetCore.Html;

namespace ImpactAlliances.Web.Tests;

/// <summary>
/// The results page's two long lists, the facet values and the results, are written in code (<see cref="FacetValueList"/>,
/// <see cref="HitList"/>): their markup, byte for byte, with the page's encoder (accents written as they are).
/// </summary>
public sealed class ResultListsFacts
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, Encoder);
        return writer.ToString();
    }

    [Fact]
    public void A_selected_region_lists_its_departements_under_it_and_a_label_is_encoded()
    {
        var state = new SearchState { Query = "vélo", Filters = new Dictionary<string, IReadOnlyList<string>> { ["regions"] = ["bretagne"] } };
        var departments = new FacetResult("departments", "Départements", [new("29", "Finistère", 3, false), new("75", "Paris", 9, false)])
        {
            Families = [new FacetFamily("bretagne", "Bretagne", ["29"]), new FacetFamily("ile-de-france", "Île-de-France", ["75"])],
        };
        var regions = new List<FacetCount> { new("bretagne", "Bretagne", 3, true), new("ile-de-france", "Île-de-France & <co>", 1234, false) };

        Assert.Equal(
            "        <ul class=\"facet-values\">\n"
            + "                <li>\n"
            + "                    <a class=\"facet-value is-selected\" href=\"/?q=v%C3%A9lo\"\n"
            + "                       data-facet=\"regions\" data-value=\"bretagne\" aria-current=\"true\">\n"
            + "                        <span class=\"box\" aria-hidden=\"true\"></span>\n"
            + "                        <span class=\"facet-label\">Bretagne</span>\n"
            + "                        <span class=\"facet-count\">3<span class=\"visually-hidden\"> exemples, sélectionné</span></span>\n"
            + "                    </a>\n"
            + "                            <div class=\"facet-children\" role=\"group\" aria-label=\"Départements : Bretagne\">\n"
            + "        <ul class=\"facet-values\">\n"
            + "                <li>\n"
            + "                    <a class=\"facet-value\" href=\"/?q=v%C3%A9lo&amp;regions=bretagne&amp;departments=29\"\n"
            + "                       data-facet=\"departments\" data-value=\"29\">\n"
            + "                        <span class=\"box\" aria-hidden=\"true\"></span>\n"
            + "                        <span class=\"facet-label\">Finistère</span>\n"
            + "                        <span class=\"facet-count\">3<span class=\"visually-hidden\"> exemples</span></span>\n"
            + "                    </a>\n"
            + "                </li>\n"
            + "        </ul>\n"
            + "                            </div>\n"
            + "                </li>\n"
            + "                <li>\n"
            + "                    <a class=\"facet-value\" href=\"/?q=v%C3%A9lo&amp;regions=bretagne&amp;regions=ile-de-france\"\n"
            + "                       data-facet=\"regions\" data-value=\"ile-de-france\">\n"
            + "                        <span class=\"box\" aria-hidden=\"true\"></span>\n"
            + "                        <span class=\"facet-label\">Île-de-France &amp; &lt;co&gt;</span>\n"
            // The narrow no-break space between thousands is written as an entity, as the encoder writes it.
            + "                        <span class=\"facet-count\">1&#x202F;234<span class=\"visually-hidden\"> exemples</span></span>\n"
            + "                    </a>\n"
            + "                </li>\n"
            + "        </ul>\n",
            Html(new FacetValueList(state.Links(), "regions", regions, departments, new HashSet<string>())));
    }

    [Fact]
    public void A_result_shows_its_snippet_as_built_or_else_its_summary_encoded_and_a_chip_adds_its_value_to_the_search()
    {
        var state = new SearchState { Query = "vélo", Filters = new Dictionary<string, IReadOnlyList<string>> { ["domains"] = ["mobilite"] } };
        var facets = new Dictionary<string, IReadOnlyList<FacetLabel>>
        {
            ["domains"] = [new("mobilite", "Mobilité"), new("pouvoir-achat", "Pouvoir d'achat")],
            ["actors"] = [new("association", "Association")],
        };
        var hits = new List<SearchHit>
        {
            new("a-b", "A & B", "résumé", "le <mark>vélo</mark> d&#39;ici", default, null, ["A", "B"], facets, 1),
            new("c", "C", "<script>", null, default, null, [], new Dictionary<string, IReadOnlyList<FacetLabel>>(), 1),
        };

        Assert.Equal(
            "<ol class=\"hits\" start=\"21\">\n"
            + "<li><article class=\"hit\" id=\"cas-a-b\">\n"
            + "    <h2 class=\"hit-title\"><a href=\"/exemples/a-b\">A &amp; B</a></h2>\n"
            + "    <p class=\"hit-orgs\">A · B</p>\n"
            + "        <p class=\"hit-snippet\">le <mark>vélo</mark> d&#39;ici</p>\n"
            + "    <ul class=\"badges\" aria-label=\"Ajouter un filtre\">\n"
            + "                <li><a class=\"badge badge-domains is-selected\" href=\"/?q=v%C3%A9lo&amp;domains=mobilite\" aria-current=\"true\">Mobilité</a></li>\n"
            + "                <li><a class=\"badge badge-domains\" href=\"/?q=v%C3%A9lo&amp;domains=mobilite&amp;domains=pouvoir-achat\">Pouvoir d&#x27;achat</a></li>\n"
            + "    </ul>\n"
            + "</article></li>\n"
            + "<li><article class=\"hit\" id=\"cas-c\">\n"
            + "    <h2 class=\"hit-title\"><a href=\"/exemples/c\">C</a></h2>\n"
            + "    <p class=\"hit-orgs\"></p>\n"
            + "        <p class=\"hit-snippet\">&lt;script&gt;</p>\n"
            + "    <ul class=\"badges\" aria-label=\"Ajouter un filtre\">\n"
            + "    </ul>\n"
            + "</article></li>\n"
            + "</ol>\n",
            Html(new HitList(hits, state.Links(), 21)));
    }

    /// <summary>
    /// A widened search lists the cases it counts first: the list breaks after them, on the page where the break falls, and a
    /// note, naming the list below it, says that its results hold only some of the words (one, or several); at the top of a page
    /// the note comes first, with no empty list above it; a list whose results are all counted does not break.
    /// </summary>
    [Theory]
    [InlineData(1, 2, 3, "c")] // the break on this page, before the third result
    [InlineData(19, 20, 21, "c")] // before the third result of a page starting at rank 19
    [InlineData(21, 20, 21, "a")] // at the top of a page: the note first
    [InlineData(1, 0, 0, "")] // every result counted
    [InlineData(1, 3, 0, "")] // the three results counted, the break on a later page
    [InlineData(21, 2, 0, "")] // a page after the break: none of its results is counted
    public void A_widened_list_breaks_after_the_cases_it_counts(int start, int counted, int firstPartial, string firstSlug)
    {
        var hits = new[] { "a", "b", "c" }
            .Select(slug => new SearchHit(slug, slug, "résumé", null, default, null, [], new Dictionary<string, IReadOnlyList<FacetLabel>>(), 1))
            .ToList();

        var html = Html(new HitList(hits, new SearchState { Query = "vélo" }, start, counted, partial: 7));

        var breaks = Regex.Matches(html, "<p class=\"hits-partial\" id=\"hits-partial\">Les exemples suivants ne contiennent qu&#x27;une partie de ces mots "
            + ":</p>\n<ol class=\"hits\" start=\"(\\d+)\" aria-labelledby=\"hits-partial\">\n<li><article class=\"hit\" id=\"cas-([a-c])\">\n"
            + "    <h2 class=\"hit-title\"><a href=\"/exemples/\\2\">");
        Assert.Equal(firstPartial == 0 ? 0 : 1, breaks.Count);
        if (firstPartial > 0)
        {
            Assert.Equal((firstPartial.ToString(System.Globalization.CultureInfo.InvariantCulture), firstSlug), (breaks[0].Groups[1].Value, breaks[0].Groups[2].Value));
        }
        Assert.Equal(3, Regex.Count(html, "<li><article"));
        // Every list opened holds results and is closed.
        Assert.DoesNotMatch("<ol[^>]*>\n</ol>", html);
        Assert.Equal(Regex.Count(html, "<ol "), Regex.Count(html, "</ol>"));
    }

    [Fact]
    public void A_case_s_own_markup_kept_is_shown_again_only_for_that_case_and_encoder()
    {
        var facets = new Dictionary<string, IReadOnlyList<FacetLabel>> { ["domains"] = [new("mobilite", "Mobilité & co")] };
        var hit = new SearchHit("a", "Vélo & co", "résumé <b>", null, default, null, ["Ville d'ici"], facets, 1);
        var first = Html(new HitList([hit], new SearchState(), 1));

        // The same case in another search's list: its markup kept from the first, the chips' links this search's.
        var second = Html(new HitList([hit with { Score = 2 }], new SearchState { Query = "vélo" }, 1));
        Assert.Equal(first.Replace("href=\"/?domains", "href=\"/?q=v%C3%A9lo&amp;domains", StringComparison.Ordinal), second);
        Assert.Contains("<a href=\"/exemples/a\">Vélo &amp; co</a></h2>\n    <p class=\"hit-orgs\">Ville d&#x27;ici</p>", second);
        Assert.Contains("résumé &lt;b&gt;</p>", second);
        Assert.Contains("href=\"/?q=v%C3%A9lo&amp;domains=mobilite\">Mobilité &amp; co</a></li>", second);

        // Another encoder, the same case edited, or another case under the same labels, is written as it is.
        using var ascii = new StringWriter();
        new HitList([hit], new SearchState(), 1).WriteTo(ascii, HtmlEncoder.Default);
        Assert.Contains("V&#xE9;lo &amp; co", ascii.ToString());
        Assert.Contains(">Vélo &amp; cie</a>", Html(new HitList([hit with { Title = "Vélo & cie" }], new SearchState(), 1)));
        Assert.Contains("autre résumé</p>", Html(new HitList([hit with { Summary = "autre résumé" }], new SearchState(), 1)));
        Assert.Contains(">Ville de là</p>", Html(new HitList([hit with { Organisations = ["Ville de là"] }], new SearchState(), 1)));
        Assert.Contains("<a href=\"/exemples/b\">Autre</a>", Html(new HitList([hit with { Slug = "b", Title = "Autre" }], new SearchState(), 1)));
    }

    [Fact]
    public void The_note_speaks_of_one_result_held_in_part_as_one()
    {
        var hit = new SearchHit("a", "a", "résumé", null, default, null, [], new Dictionary<string, IReadOnlyList<FacetLabel>>(), 1);

        Assert.Contains("L&#x27;exemple suivant ne contient qu&#x27;une partie de ces mots :",
            Html(new HitList([hit], new SearchState(), 4, 3, partial: 1)));
    }
}
