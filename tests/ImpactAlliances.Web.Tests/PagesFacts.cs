using System.Net;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Pages;
using ImpactAlliances.Web.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Web.Tests;

/// <summary>Every page and API route through the real HTTP pipeline.</summary>
public sealed class PagesFacts(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task The_search_page_lists_every_case_with_facets()
    {
        var html = await GetString("/");

        Assert.Contains("<h1 id=\"results-count\"", html);
        Assert.Contains("aria-live=\"polite\"", html);
        Assert.Contains("data-facet=\"domains\" data-value=\"mobilite\"", html);
        Assert.Contains("Types de partenariat", html);
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Count(html, "<h2 class=\"hit-title\"><a href=\"/exemples/"));
        Assert.Contains("rel=\"next\" href=\"/?page=2\"", html);
    }

    [Theory]
    [InlineData("/", "/?sort=title", "Trier par titre")]
    [InlineData("/?domains=mobilite", "/?domains=mobilite&amp;sort=title", "Trier par titre")]
    [InlineData("/?q=les", "/?q=les&amp;sort=title", "Trier par titre")]
    [InlineData("/?q=-v%C3%A9lo", "/?q=-v%C3%A9lo&amp;sort=title", "Trier par titre")]
    [InlineData("/?sort=title", "/?sort=recent", "Trier par date de mise à jour")]
    [InlineData("/?q=insertion", "/?q=insertion&amp;sort=recent", "Trier par date de mise à jour")]
    [InlineData("/?q=insertion&sort=recent", "/?q=insertion&amp;sort=relevance", "Trier par pertinence")]
    public async Task The_other_order_offered_beside_the_results_is_one_that_changes_it(string url, string href, string label)
    {
        // Without words, relevance is the order of the last update: offering it changed nothing.
        var html = await GetString(url);

        Assert.Contains($"<a href=\"{href}\">{label}</a>", html);
        if (!url.Contains("q=", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("Trier par pertinence", html);
        }
    }

    /// <summary>
    /// The list of orders offered the last update's as « Plus récents », which a reader takes for the most recent alliances (that
    /// order is « Année de début »): it is named as the link beside the results and the order line name it, by the update.
    /// </summary>
    [Fact]
    public async Task The_list_of_orders_names_the_order_by_last_update_as_the_results_do()
    {
        var html = await GetString("/?q=insertion&sort=recent");

        Assert.Contains("<option value=\"recent\" selected=\"selected\">Date de mise à jour</option>", html);
        Assert.Contains("Mis à jour le plus récemment d&#x27;abord", html);
        Assert.DoesNotContain("Plus récents", html);
    }

    [Fact]
    public async Task The_pager_shows_a_lone_page_instead_of_a_gap_as_wide()
    {
        // 58 pages: on the 5th, page 2 alone lay between 1 and 3; on the 54th, page 57 between 56 and 58.
        var fifth = await GetString("/?page=5");
        var fiftyFourth = await GetString("/?page=54");
        var first = await GetString("/");

        Assert.Contains("aria-label=\"Page 2\">2</a>", fifth);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(fifth, "class=\"gap\""));
        Assert.Contains("aria-label=\"Page 57\">57</a>", fiftyFourth);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(fiftyFourth, "class=\"gap\""));
        Assert.DoesNotContain("aria-label=\"Page 4\"", first);
    }

    [Fact]
    public async Task The_year_box_says_nothing_of_the_years_of_no_results()
    {
        var html = await GetString("/?q=zzzzzzqqq");

        // The heading says what was searched, as it does when cases are found.
        Assert.Matches(@"<h1 id=""results-count""[^>]*>\s*Aucun exemple pour «&#x202F;zzzzzzqqq&#x202F;»\s*</h1>", html);
        Assert.DoesNotContain("Tous ces exemples ont une année de début.", html);
        Assert.Contains("Tous ces exemples ont une année de début.", await GetString("/?q=railcoop+OR+mobicoop"));
    }

    [Fact]
    public async Task A_single_result_is_spoken_of_as_one()
    {
        // « Exporter ces 1 exemple » and « Tous ces exemples ont une année de début » stood above Railcoop alone.
        var html = await GetString("/?q=railcoop");

        Assert.Contains("1 exemple pour", html);
        Assert.Contains("Exporter cet exemple :", html);
        Assert.Contains("Cet exemple a une année de début.", html);
        Assert.DoesNotContain("ces 1 exemple", html);
        Assert.DoesNotContain("Tous ces exemples", html);
    }

    [Theory]
    [InlineData("/?q=TZCLD")]
    [InlineData("/themes")]
    public async Task A_facet_s_count_is_read_out_with_a_noun_that_agrees_with_it(string url)
    {
        // Screen readers heard « 1 exemples » eleven times beside the filters of « TZCLD » (French: 0 and 1 take the singular).
        var counts = Regex.Matches(WebUtility.HtmlDecode(await GetString(url)),
            "<span class=\"facet-count\">([0-9\u202F]+)<span class=\"visually-hidden\"> ([a-z]+)");

        Assert.Contains(counts, m => m.Groups[1].Value == "1");
        Assert.All(counts, m => Assert.Equal(m.Groups[1].Value is "0" or "1" ? "exemple" : "exemples", m.Groups[2].Value));
    }

    [Theory]
    [InlineData("/statistiques?q=zzzzzzqqq", "<h1>Statistiques : aucun exemple pour «\u202Fzzzzzzqqq\u202F»</h1>")]
    [InlineData("/statistiques?q=railcoop", "<h1>Statistiques d'un exemple pour «\u202Frailcoop\u202F»</h1>")]
    [InlineData("/carte?q=zzzzzzqqq", "Aucun exemple pour «\u202Fzzzzzzqqq\u202F».")]
    public async Task The_statistics_and_the_map_say_none_and_one_as_words(string url, string expected)
    {
        // « Statistiques de 0 exemple », « 0 exemple pour … » and « Statistiques de 1 exemple ».
        var text = await GetText(url);

        Assert.Contains(expected, text);
        Assert.DoesNotContain("0 exemple ", text);
        Assert.DoesNotContain("de 1 exemple", text);
    }

    [Fact]
    public async Task Spelling_is_advised_only_when_no_filter_s_removal_finds_the_words()
    {
        // « vélo » in Corse by patronage: the filters leave nothing, the word finds cases; checking its spelling was no help.
        var filtered = WebUtility.HtmlDecode(await GetString("/?q=v%C3%A9lo&regions=corse&partnership_types=mecenat"));
        var unknown = WebUtility.HtmlDecode(await GetString("/?q=zzzzzzqqq"));

        Assert.Contains("Sans le filtre Régions : Corse", filtered);
        Assert.DoesNotContain("Vérifiez l'orthographe", filtered);
        Assert.Contains("Vérifiez l'orthographe", unknown);
    }

    /// <summary>
    /// A search that finds nothing, with nothing chosen, has nothing to filter: its « Filtrer » button (a phone) and its box
    /// (a wide screen, a title over « Parcourir tous les thèmes ») are left out, and the results take the page's width. A
    /// filter or years chosen keep them: they are what to change.
    /// </summary>
    [Theory]
    [InlineData("/?q=zzzzzzqqq", false)]
    [InlineData("/?q=zzzzzzqqq&domains=mobilite", true)]
    [InlineData("/?q=railcoop&year_to=1950", true)]
    [InlineData("/?q=railcoop", true)]
    public async Task The_filters_stand_only_where_there_is_something_to_filter(string url, bool shown)
    {
        var page = await GetString(url);

        Assert.Equal(shown, page.Contains("class=\"filters-jump\"", StringComparison.Ordinal));
        Assert.Equal(shown, page.Contains("id=\"filtres\"", StringComparison.Ordinal));
        Assert.Equal(shown, !page.Contains("class=\"layout layout-alone\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_year_box_stands_only_where_it_can_change_the_results()
    {
        Assert.DoesNotContain("id=\"year_from\"", await GetString("/?q=zzzzzzqqq"));
        Assert.Contains("id=\"year_from\"", await GetString("/?q=railcoop"));
        // Years that leave nothing are what the reader has to change.
        var byYears = await GetString("/?q=railcoop&year_to=1950");
        Assert.Contains("Aucun exemple pour «&#x202F;railcoop&#x202F;»", byYears);
        // Filters alone found nothing: no query to name.
        Assert.Matches(@"<h1 id=""results-count""[^>]*>\s*Aucun exemple trouvé\s*</h1>", await GetString("/?year_to=1950&undated=0"));
        Assert.Contains("id=\"year_from\"", byYears);
    }

    [Theory]
    [InlineData("/?q=-v%C3%A9lo", "La recherche ne fait qu&#x27;exclure : les exemples mis à jour le plus récemment d&#x27;abord")]
    [InlineData("/?q=-v%C3%A9lo&sort=relevance", "La recherche ne fait qu&#x27;exclure : les exemples mis à jour le plus récemment d&#x27;abord")]
    [InlineData("/?sort=relevance", "Sans recherche, les exemples mis à jour le plus récemment d&#x27;abord")]
    public async Task A_search_that_only_excludes_says_its_order_and_offers_another(string url, string order)
    {
        // « Par pertinence » chosen where every case scores the same: the order is the last update's, and
        // « Trier par date de mise à jour » offered beside it changed nothing.
        var html = await GetString(url);

        Assert.Contains(order, html);
        Assert.DoesNotContain("Par pertinence", html);
        Assert.Contains(">Trier par titre</a>", html);
    }

    [Fact]
    public async Task A_search_highlights_matches_and_keeps_the_state_in_links()
    {
        var html = await GetString("/?q=mobilit%C3%A9&actors=entreprise");

        Assert.Contains("<mark>", html);
        Assert.Contains("value=\"mobilité\"", html);
        Assert.Contains("<input type=\"hidden\" name=\"actors\" value=\"entreprise\" />", html);
        Assert.Contains("href=\"/?q=mobilit%C3%A9&amp;actors=entreprise&amp;actors=association\"", html);
        Assert.Contains("href=\"/?q=mobilit%C3%A9\"", html);
    }

    [Fact]
    public async Task A_domain_family_is_selected_as_a_whole_and_long_facets_fold_behind_voir_plus()
    {
        var html = await GetString("/");
        var family = System.Text.RegularExpressions.Regex.Match(html, @"href=""([^""]+)""\s+data-family=""economique""").Groups[1].Value.Replace("&amp;", "&");

        Assert.Equal("/?domains=emploi-insertion&domains=developpement-economique&domains=pouvoir-achat", family);
        var selected = await GetString(family);
        Assert.Contains("data-family=\"economique\" aria-current=\"true\"", selected);
        Assert.Contains("<summary>Voir plus", html);
        var api = JsonDocument.Parse(await _client.GetStringAsync("/api/search?size=1&domains=emploi-insertion&domains=developpement-economique&domains=pouvoir-achat")).RootElement;
        Assert.Contains($"{api.GetProperty("total").GetInt32()} exemples", selected);
    }

    [Theory]
    [InlineData("/?q=insertion", 4)]
    [InlineData("/statistiques?q=insertion", 2)]
    [InlineData("/carte?q=insertion", 2)]
    [InlineData("/?q=insertion%20zzqxwv", 1)]
    [InlineData("/flux.atom?q=insertion", 1)]
    public async Task A_quoted_query_is_held_to_its_guillemets_by_narrow_no_break_spaces(string url, int times)
    {
        var text = await GetText(url);

        // The title, the description, the heading, a correction: wherever the page quotes what was typed.
        Assert.True(System.Text.RegularExpressions.Regex.Count(text, "«\u202Finsertion") >= times, $"{url} quotes the query fewer than {times} times");
        Assert.DoesNotMatch("«[ \u00A0]insertion", text);
    }

    [Fact]
    public async Task The_themes_write_their_numbers_as_every_other_page_does()
    {
        var total = (await GetJson("/api/search?size=1")).GetProperty("total").GetInt32();
        var verified = (await GetJson("/api/search?size=1&statuses=verifie")).GetProperty("total").GetInt32();
        var themes = await GetText("/themes");
        var theme = await GetText("/themes/statuts/verifie");

        Assert.True(total >= 1000 && verified >= 1000, "the content has more than a thousand cases, the most of them checked");
        Assert.Contains($"<p class=\"lead\">{Formats.Cases(total)}, classés", themes);
        Assert.Contains($"{Formats.Number(total)} exemples", await GetText("/"));
        Assert.Matches($@"href=""/themes/statuts/verifie"">[^<]+</a>\s*<span class=""facet-count"">{Formats.Number(verified)}<", themes);
        Assert.Contains($">{Formats.Cases(verified)}</p>", theme);
        Assert.DoesNotContain($"{total} exemples", themes);
    }

    [Fact]
    public async Task The_accessibility_statement_agrees_its_verb_whoever_the_publisher_is()
    {
        var statement = await GetText("/accessibilite");

        // The publisher is a setting, plural by default (« le projet et ses contributeurs »): the subject is « l'éditeur ».
        Assert.Contains("L'éditeur du site (Le projet Impact Alliances et ses contributeurs) s'engage à rendre ce site accessible", statement);
        Assert.DoesNotContain("contributeurs s'engage ", statement);
    }

    [Fact]
    public async Task The_page_shows_the_same_total_as_the_api()
    {
        var api = await GetJson("/api/search?q=insertion&domains=emploi-insertion");
        var html = await GetString("/?q=insertion&domains=emploi-insertion");

        var total = api.GetProperty("total").GetInt32();
        Assert.True(total > 0);
        Assert.Contains($"{total} exemple", html);
    }

    [Fact]
    public async Task A_widened_search_counts_on_every_view_the_cases_holding_enough_of_its_words()
    {
        // A question few cases fully answer: the list goes on with the cases holding some of its words.
        const string query = "q=associations%20en%20Lorraine%20pour%20l%27environnement";
        var (api, strict, total) = await WidenedCounts(query);

        // Every case has one status: the facet's counts add up to the cases counted.
        Assert.Equal(strict, api.GetProperty("facets").GetProperty("statuses").EnumerateArray().Sum(v => v.GetProperty("count").GetInt32()));
        var page = await GetText($"/?{query}");
        Assert.Contains($"Exporter les {Formats.Cases(strict)} qui réunissent l'essentiel des mots :", page);
        // The heading, the title and the drawer's button say the cases listed, and the heading and title how many of them
        // hold the essential words, on every page: « 15 exemples » over « 1–20 sur 1 126 » and « 21–40 » on page 2 read as a
        // contradiction, and « Voir les 4 résultats » opened a list of five.
        AssertCountsTheList(page, total, strict, "1–20");
        AssertCountsTheList(await GetText($"/?{query}&page=2"), total, strict, "21–40");
        // The cases holding every term are among those counted: one note says so before the others, not a second note
        // (on a phone each note pushes the first result further down), and not « Dont… » after the others.
        var allWords = api.GetProperty("all_words_total").GetInt32();
        Assert.InRange(allWords, 2, strict - 1);
        Assert.Contains($"Ces {Formats.Number(strict)} exemples réunissent l'essentiel de ces mots ({Formats.Number(allWords)} les contiennent tous : "
            + $"<a href=\"/?{query}&all_words=1\">ne voir que ces {Formats.Cases(allWords)}</a>) ; "
            + $"les {Formats.Number(total - strict)} suivants n'en contiennent qu'une partie.",
            // Only the markup's line breaks and indents collapsed: « \s » would also turn the narrow no-break space of
            // « 1 052 » into a plain one.
            Regex.Replace(page, @"[ \t\r\n]+", " "));
        // Nothing on the page says the cases listed are not counted: the range line counts them in its « sur ».
        Assert.DoesNotContain("compté", page, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(page, @"class=""correction"""));
        Assert.Contains($"<h1>Statistiques de {Formats.Cases(strict)} pour", await GetText($"/statistiques?{query}"));
        Assert.Contains($"{Formats.Cases(strict)} pour", await GetText($"/carte?{query}"));
        var export = await _client.GetAsync($"/api/export?{query}&format=csv");
        Assert.Equal(strict.ToString(System.Globalization.CultureInfo.InvariantCulture), export.Headers.GetValues("X-Export-Total").Single());
    }

    [Fact]
    public async Task A_widened_search_under_filters_says_the_cases_it_lists_and_those_its_filters_count()
    {
        // Few results under a filter: the heading said « 4 exemples » and the button « Voir les 4 résultats » over five listed.
        const string query = "q=associations%20en%20Lorraine%20pour%20l%27environnement&statuses=verifie";
        var (_, strict, total) = await WidenedCounts(query);

        var page = await GetText($"/?{query}");
        AssertCountsTheList(page, total, strict, total <= 20 ? $"1–{total}" : "1–20");
        Assert.Contains("Vérifié", Regex.Match(page, "<title>(.*?)</title>").Groups[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strict_search_says_one_count_for_its_heading_title_button_and_list()
    {
        const string query = "q=insertion";
        var api = await GetJson($"/api/search?{query}&size=1");
        Assert.False(api.GetProperty("relaxed").GetBoolean());
        var total = api.GetProperty("total").GetInt32();

        var page = await GetText($"/?{query}&page=2");
        Assert.Matches($@"<h1 id=""results-count""[^>]*>\s*{Formats.Cases(total)} pour {Formats.Quoted("insertion")}\s*</h1>", page);
        Assert.StartsWith($"{Formats.Cases(total)} pour {Formats.Quoted("insertion")} · page 2", Regex.Match(page, "<title>(.*?)</title>").Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains($">Voir les {Formats.Number(total)} résultats</a>", page, StringComparison.Ordinal);
        Assert.Matches(@"· 21–40\s*·", page);
        Assert.DoesNotContain("essentiel", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// The statistics and the map of a widened search count only the cases holding the essential words, where the results
    /// page lists them all (« 1 125 exemples pour « … », dont 15 qui en réunissent l'essentiel »): both pages say so, with the
    /// numbers of the results page; a strict search's say nothing of it.
    /// </summary>
    [Theory]
    [InlineData("/statistiques")]
    [InlineData("/carte")]
    public async Task The_statistics_and_map_of_a_widened_search_say_they_count_only_the_cases_holding_the_essential_words(string path)
    {
        const string query = "q=entreprises%20et%20associations%20pour%20l'emploi%20des%20jeunes%20%C3%A0%20Marseille";
        var (_, strict, total) = await WidenedCounts(query);
        var page = WebUtility.HtmlDecode(await GetText($"{path}?{query}"));
        Assert.Contains($"Seuls sont comptés les {Formats.Cases(strict)} qui réunissent l'essentiel des mots ; les {Formats.Number(total - strict)} autres résultats n'en contiennent qu'une partie.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Seuls sont comptés", WebUtility.HtmlDecode(await GetText($"{path}?q=insertion")), StringComparison.Ordinal);
    }

    /// <summary>
    /// A link that promises a number lands on a page that heads with it, or says which of that page's numbers it is: in a
    /// widened search every count (the place offered, a statistic's bar and cell, the map's areas) is of the cases holding
    /// the essential words, while the page it opens heads with all it lists (« 44 exemples …, dont 12 qui en réunissent
    /// l'essentiel »). « Provence-Alpes-Côte d'Azur (12 exemples) » opened that page without saying the 12 was the second number.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/statistiques")]
    [InlineData("/carte")]
    public async Task A_count_linked_from_a_widened_search_says_which_number_of_the_page_it_opens_it_is(string path)
    {
        const string query = "q=entreprises%20et%20associations%20pour%20l'emploi%20des%20jeunes%20%C3%A0%20Marseille&departments=13";
        await WidenedCounts(query);
        var page = await GetText($"{path}?{query}");
        // The offer's count is in the link's sentence, a part of the note's (« 12 de ces 15 exemples »); a bar's, a cell's or
        // an area's alone in the link's title.
        var links = Regex.Matches(page, path == "/"
                ? "<a href=\"(/\\?[^\"]+)\">[^<]+</a> \\((?:(?<n>\\d+) de ces \\d+|ces (?<n>\\d+)) exemples\\)"
                : "<a href=\"(/\\?[^\"]+)\"[^>]* title=\"(?<n>\\d+) exemples? qui réuni(?:ssen)?t l'essentiel des mots\"")
            .Select(m => (Url: m.Groups[1].Value, Count: int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))).Take(3).ToList();

        Assert.NotEmpty(links);
        foreach (var (url, count) in links)
        {
            var heading = Regex.Match(await GetText(url), @"<h1 id=""results-count""[^>]*>\s*(.*?)\s*</h1>", RegexOptions.Singleline).Groups[1].Value;
            var essential = count == 1 ? ", dont un qui en réunit l'essentiel" : $", dont {Formats.Number(count)} qui en réunissent l'essentiel";
            Assert.True(heading.EndsWith(essential, StringComparison.Ordinal) || heading.StartsWith(Formats.Cases(count) + " ", StringComparison.Ordinal) && !heading.Contains("dont", StringComparison.Ordinal),
                $"{url} promised {count}: {heading}");
        }
        Assert.DoesNotContain("qui réunissent l'essentiel des mots\"", await GetText($"{path}?q=insertion&departments=13"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_place_offered_that_holds_every_counted_case_says_these_not_a_part_of_them()
    {
        const string query = "q=lutte%20contre%20l'isolement%20des%20personnes%20%C3%A2g%C3%A9es%20en%20Bretagne";
        var (_, strict, _) = await WidenedCounts(query);
        var (_, inBretagne, _) = await WidenedCounts(query + "&regions=bretagne");
        Assert.Equal(strict, inBretagne);

        var page = await GetText($"/?{query}");

        Assert.Matches($"la région <a href=\"[^\"]+\">Bretagne</a> \\(ces {strict} exemples\\)", page);
        Assert.DoesNotContain($"{strict} de ces {strict}", page, StringComparison.Ordinal);
    }

    /// <summary>The API's answer to a search that must be widened, with how many cases it counts (holding the essential words) and lists.</summary>
    private async Task<(JsonElement Api, int Strict, int Total)> WidenedCounts(string query)
    {
        var api = await GetJson($"/api/search?{query}&size=1");
        Assert.True(api.GetProperty("relaxed").GetBoolean());
        var (strict, total) = (api.GetProperty("strict_total").GetInt32(), api.GetProperty("total").GetInt32());
        Assert.InRange(strict, 1, total - 1);
        return (api, strict, total);
    }

    /// <summary>
    /// A widened search's page: heading and title « 1 126 exemples pour « … », dont 15 qui en réunissent l'essentiel », the
    /// drawer's button « Voir les 1 126 résultats », the range alone (« 21–40 ») and, by the filters, what their counts count.
    /// </summary>
    private static void AssertCountsTheList(string page, int total, int strict, string range)
    {
        var essential = strict == 1 ? ", dont un qui en réunit l'essentiel" : $", dont {Formats.Number(strict)} qui en réunissent l'essentiel";
        var heading = Regex.Match(page, @"<h1 id=""results-count""[^>]*>\s*(.*?)\s*</h1>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches($@"^{Formats.Cases(total)} pour «[^»]+»{essential}$", heading);
        Assert.StartsWith(heading, Regex.Match(page, "<title>(.*?)</title>").Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains($">Voir les {Formats.Number(total)} résultat{(total > 1 ? "s" : "")}</a>", page, StringComparison.Ordinal);
        Assert.Matches($@"· {range}\s*·", page);
        Assert.DoesNotContain(" sur " + Formats.Number(total), page, StringComparison.Ordinal);
        var counted = strict == 1 ? "l'exemple qui réunit l'essentiel des mots" : $"les {Formats.Cases(strict)} qui réunissent l'essentiel des mots";
        Assert.Contains($"<p class=\"facets-note\">Les nombres comptent {counted}.</p>", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// The cases a widened search counts (those exported) come first on its list, whatever the order, in the order the
    /// export gives them, and the page's list breaks after them. In relevance order the export once kept the strict run's
    /// own ranking while the list ranked them by the widened run's scores and relevance feedback.
    /// </summary>
    [Theory]
    [InlineData("associations en Lorraine pour l'environnement")]
    [InlineData("comment protéger les abeilles et les insectes pollinisateurs")]
    [InlineData("réduire le gaspillage alimentaire dans les cantines")]
    [InlineData("chômage de longue durée en Bourgogne")]
    [InlineData("santé Guyane")]
    [InlineData("illettrisme entreprises")]
    public async Task A_widened_search_lists_and_exports_the_cases_it_counts_first_in_one_order(string text)
    {
        var query = "q=" + Uri.EscapeDataString(text);
        var api = await GetJson($"/api/search?{query}&size=1");
        var strict = api.GetProperty("strict_total").GetInt32();
        Assert.True(api.GetProperty("relaxed").GetBoolean() && strict > 1, $"« {text} » is no longer widened with several cases counted: choose another question.");
        foreach (var sort in (string[])["", "&sort=title", "&sort=year", "&sort=recent"])
        {
            using var exported = JsonDocument.Parse(await _client.GetStringAsync($"/api/export?{query}{sort}&format=json"));
            var counted = exported.RootElement.GetProperty("cases").EnumerateArray()
                .Select(c => c.GetProperty("case").GetProperty("slug").GetString()!).ToList();
            var listed = (await GetJson($"/api/search?{query}{sort}&size={strict + 5}")).GetProperty("hits").EnumerateArray()
                .Select(h => h.GetProperty("slug").GetString()!).ToList();
            Assert.Equal(counted, listed.Take(strict));
            var html = await GetText($"/?{query}{sort}&size={strict + 5}");
            Assert.Equal(strict, Regex.Count(html[..html.IndexOf("id=\"hits-partial\"", StringComparison.Ordinal)], "<li><article"));
            // Pages shorter than the cases counted list them in the same order: the strict run keeps them all, not a page's worth.
            var paged = new List<string>();
            for (var page = 1; (page - 1) * 2 < strict; page++)
            {
                paged.AddRange((await GetJson($"/api/search?{query}{sort}&size=2&page={page}")).GetProperty("hits").EnumerateArray()
                    .Select(h => h.GetProperty("slug").GetString()!));
            }
            Assert.Equal(counted, paged.Take(strict));
        }
    }

    [Fact]
    public async Task A_search_says_how_many_of_its_cases_hold_every_term_and_keeps_only_those_on_request()
    {
        // Two rare terms: a case holding one of them is found and counted; a person counting wants those holding both.
        const string query = "q=sant%C3%A9%20mentale%20des%20jeunes";
        var api = await GetJson($"/api/search?{query}&size=1");
        var (total, allWords) = (api.GetProperty("total").GetInt32(), api.GetProperty("all_words_total").GetInt32());
        Assert.False(api.GetProperty("relaxed").GetBoolean());
        Assert.InRange(allWords, 2, total - 1);
        var page = await GetText($"/?{query}");
        Assert.Contains($"Parmi ces {Formats.Cases(total)}, {Formats.Number(allWords)} contiennent tous les termes de la recherche :", page);
        Assert.Contains($"href=\"/?{query}&all_words=1\">ne voir que ces {Formats.Cases(allWords)}</a>", page);

        var only = await GetJson($"/api/search?{query}&all_words=1&size=50");
        Assert.Equal((allWords, JsonValueKind.Null), (only.GetProperty("total").GetInt32(), only.GetProperty("all_words_total").ValueKind));
        Assert.Equal(allWords, only.GetProperty("facets").GetProperty("statuses").EnumerateArray().Sum(v => v.GetProperty("count").GetInt32()));
        var onlyPage = await GetText($"/?{query}&all_words=1");
        Assert.Matches($@"<h1 id=""results-count""[^>]*>\s*{Formats.Cases(allWords)} pour {Formats.Quoted("santé mentale des jeunes")} \(tous les termes\)\s*</h1>", onlyPage);
        Assert.StartsWith($"<title>{Formats.Cases(allWords)} pour {Formats.Quoted("santé mentale des jeunes")} (tous les termes)", onlyPage[onlyPage.IndexOf("<title>", StringComparison.Ordinal)..]);
        Assert.Contains($"<a href=\"/?{query}\">Voir ceux qui n'en contiennent qu'une partie</a>", onlyPage);
        // A new text typed in the box is searched the same way.
        Assert.Contains("<input type=\"hidden\" name=\"all_words\" value=\"1\" />", onlyPage);
        Assert.Contains($"<h1>Statistiques de {Formats.Cases(allWords)} pour", await GetText($"/statistiques?{query}&all_words=1"));
        var export = await _client.GetAsync($"/api/export?{query}&all_words=1&format=csv");
        Assert.Equal(allWords.ToString(System.Globalization.CultureInfo.InvariantCulture), export.Headers.GetValues("X-Export-Total").Single());
        Assert.Contains("# texte: santé mentale des jeunes (tous les termes)", await export.Content.ReadAsStringAsync());

        // Clearing the filters keeps the text searched the same way.
        var filtered = await GetText($"/?{query}&all_words=1&domains=sante");
        Assert.Contains($"<a class=\"clear-all\" href=\"/?{query}&all_words=1\">Tout effacer</a>", filtered);
    }

    [Theory]
    [InlineData("/statistiques")]
    [InlineData("/carte")]
    public async Task The_statistics_and_the_map_say_how_many_cases_hold_every_term_and_keep_only_those_on_request(string path)
    {
        const string query = "q=sant%C3%A9%20mentale%20des%20jeunes";
        var api = await GetJson($"/api/search?{query}&size=1");
        var (total, allWords) = (api.GetProperty("total").GetInt32(), api.GetProperty("all_words_total").GetInt32());

        var page = await GetText($"{path}?{query}");
        var only = await GetText($"{path}?{query}&all_words=1");

        Assert.Contains($"Parmi ces {Formats.Cases(total)}, {Formats.Number(allWords)} contiennent tous les termes de la recherche :", page);
        Assert.Contains($"href=\"{path}?{query}&all_words=1\">ne voir que ces {Formats.Cases(allWords)}</a>", page);
        Assert.Contains($"<a href=\"{path}?{query}\">Voir ceux qui n'en contiennent qu'une partie</a>", only);
        Assert.DoesNotContain("Parmi ces", only);
    }

    [Fact]
    public async Task Statistics_with_every_term_required_and_none_holding_them_all_say_it_once()
    {
        const string query = "q=insertion%20professionnelle%20des%20femmes%20r%C3%A9fugi%C3%A9es%20en%20zone%20rurale";
        Assert.Equal(0, (await GetJson($"/api/search?{query}&all_words=1&size=1")).GetProperty("total").GetInt32());

        var page = await GetText($"/statistiques?{query}&all_words=1");

        Assert.Contains("Aucun exemple ne contient tous les termes de la recherche.", page);
        Assert.Contains($"<a href=\"/statistiques?{query}\">Voir ceux qui n'en contiennent qu'une partie</a>", page);
        Assert.DoesNotContain("Aucun exemple ne correspond à cette recherche", page);
    }

    /// <summary>
    /// « covoiturage solidaire » among the universities of Corse found two student groceries under « 2 exemples pour
    /// « covoiturage solidaire » », the page saying only that neither held every term: it names the term they lack, and
    /// that the cases holding them all are outside the filters.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/statistiques")]
    [InlineData("/carte")]
    public async Task Cases_found_holding_part_of_the_terms_within_filters_name_the_term_none_holds_and_the_count_without_the_filters(string path)
    {
        const string filters = "regions=corse&actors=academique";
        var inFilters = CaseFiles().Where(c => Regex.IsMatch(c.FrontMatter, @"^  regions: \[.*\bcorse\b", RegexOptions.Multiline)
            && Regex.IsMatch(c.FrontMatter, @"^actors: \[.*\bacademique\b", RegexOptions.Multiline)).ToList();
        Assert.NotEmpty(inFilters);
        Assert.DoesNotContain(inFilters, c => c.Text.Contains("covoitur", StringComparison.OrdinalIgnoreCase));
        var found = await GetJson($"/api/search?q=covoiturage%20solidaire&{filters}&size=1");
        Assert.Equal(0, found.GetProperty("all_words_total").GetInt32());
        var holdingAll = (await GetJson("/api/search?q=covoiturage%20solidaire&all_words=1&size=1")).GetProperty("total").GetInt32();
        Assert.True(holdingAll > 0);

        // The markup's line breaks and indents read as one space.
        var page = Regex.Replace(await GetText($"{path}?q=covoiturage%20solidaire&{filters}"), "[ \n]+", " ");

        Assert.Contains($"Aucun de ces exemples ne contient {Formats.Quoted("covoiturage")}. Sans les filtres, "
            + $"<a href=\"{path}?q=covoiturage%20solidaire&all_words=1\">{Formats.Cases(holdingAll)} contiennent tous les termes</a>.", page);
        Assert.DoesNotContain("Aucun de ces exemples ne contient tous les termes", page);
    }

    /// <summary>A question none of whose cases holds enough of its words says which of them no case holds at all.</summary>
    [Fact]
    public async Task A_widened_search_names_the_words_no_case_holds()
    {
        const string query = "q=sous-marin%20nucl%C3%A9aire%20pour%20les%20pingouins";
        Assert.DoesNotContain(CaseFiles(), c => c.Text.Contains("pingouin", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, (await GetJson($"/api/search?{query}&size=1")).GetProperty("strict_total").GetInt32());

        var page = await GetText($"/?{query}");

        Assert.Matches($"Aucun exemple ne réunit l'essentiel de ces mots : voici ceux qui en contiennent une partie\\. "
            + $"Aucun de ces exemples ne contient ({Formats.Quoted("[^«»]+")} ni )*{Formats.Quoted("pingouins")}\\.", page);
        Assert.DoesNotContain(Formats.Quoted("nucléaire") + " ni", page);
    }

    /// <summary>A misspelt query is counted « pour » the words searched, the ones that found the cases, not as typed.</summary>
    [Fact]
    public async Task A_corrected_query_is_counted_for_the_words_searched()
    {
        var page = await GetText("/?q=mobilt%C3%A9%20solidaire");

        Assert.Matches($@"<h1 id=""results-count""[^>]*>\s*[\d\u202f ]+ exemples pour {Formats.Quoted("mobilité solidaire")}\s*</h1>", page);
        Assert.Matches($"<title>[\\d\u202f ]+ exemples pour {Formats.Quoted("mobilité solidaire")} · ", page);
        // The heading says the words searched; the note under it, only the word changed and the way to search as typed.
        Assert.Contains($"{Formats.Quoted("mobilté")} corrigé en {Formats.Quoted("mobilité")}.", page);
        Assert.Contains($"q=mobilt%C3%A9%20solidaire&literal=1\">Rechercher sans correction</a>", page);
    }

    /// <summary>
    /// A question in English was corrected word by word (« companies » to « compagnies », « fighting » to « lighting ») and
    /// the case of the firm Kraken Lighting came first. It is searched as typed, and the page and the API say the cases are
    /// written in French; a French question is not said to be English.
    /// </summary>
    [Fact]
    public async Task A_question_in_english_is_searched_as_typed_and_the_page_says_the_cases_are_in_french()
    {
        const string query = "companies%20and%20associations%20fighting%20youth%20unemployment";
        var json = await GetJson($"/api/search?q={query}&size=3");
        Assert.Equal("companies and associations fighting youth unemployment", json.GetProperty("searched_query").GetString());
        Assert.Empty(json.GetProperty("corrections").EnumerateArray());
        Assert.True(json.GetProperty("query_in_english").GetBoolean());
        Assert.DoesNotContain(json.GetProperty("hits").EnumerateArray(), h => h.GetProperty("slug").GetString()!.StartsWith("kraken", StringComparison.Ordinal));

        Assert.Contains(Wording.WrittenInFrench, await GetText($"/?q={query}"));
        Assert.False((await GetJson("/api/search?q=mobilt%C3%A9%20solidaire%20rurale%20fundraising&size=1")).GetProperty("query_in_english").GetBoolean());
        Assert.DoesNotContain(Wording.WrittenInFrench, await GetText("/?q=mobilt%C3%A9%20solidaire"));
    }

    /// <summary>
    /// « quantique » is French and no case writes it: it was taken for a typo of « quantité », two edits away, and the page
    /// showed the cases of « informatique quantité ». It is searched as typed; the page says no case holds it and offers
    /// « quantité »; alone, it finds nothing, and the search for « quantité » is offered with its count.
    /// </summary>
    [Fact]
    public async Task A_word_of_french_no_case_writes_is_not_corrected_but_its_closest_word_offered()
    {
        Assert.DoesNotContain(CaseFiles(), c => c.Text.Contains("quantique", StringComparison.OrdinalIgnoreCase));

        var json = await GetJson("/api/search?q=informatique%20quantique&size=1");
        Assert.Equal("informatique quantique", json.GetProperty("searched_query").GetString());
        Assert.Empty(json.GetProperty("corrections").EnumerateArray());
        var offered = Assert.Single(json.GetProperty("did_you_mean").EnumerateArray());
        Assert.Equal(("quantique", "quantité"), (offered.GetProperty("from").GetString(), offered.GetProperty("to").GetString()));

        var page = await GetText("/?q=informatique%20quantique");
        Assert.DoesNotContain("Résultats pour", page);
        Assert.Matches($"Aucun de ces exemples ne contient {Formats.Quoted("quantique")}\\.\\s*Vouliez-vous dire "
            + $"<a href=\"/\\?q=informatique%20quantit%C3%A9\">{Formats.Quoted("quantité")}</a> \\?", page);

        // Counting only the cases that hold every word, the page offers it as the API does.
        Assert.NotEmpty((await GetJson("/api/search?q=informatique%20quantique&all_words=1&size=1")).GetProperty("did_you_mean").EnumerateArray());
        Assert.Matches($"Aucun exemple ne contient tous les termes de la recherche\\.\\s*Vouliez-vous dire "
            + $"<a href=\"/\\?q=informatique%20quantit%C3%A9&all_words=1\">", await GetText("/?q=informatique%20quantique&all_words=1"));

        var alone = await GetJson("/api/search?q=quantique&size=1");
        Assert.Equal(0, alone.GetProperty("total").GetInt32());
        var suggestion = Assert.Single(alone.GetProperty("query_suggestions").EnumerateArray());
        Assert.Equal("quantité", suggestion.GetProperty("query").GetString());
        Assert.True(suggestion.GetProperty("count").GetInt32() > 0);
    }

    /// <summary>
    /// Two words offered asked two questions, each with a link that put in one of them; a word typed twice, two questions
    /// alike. One question, one link that puts in every offered word, each typed word named once.
    /// </summary>
    [Theory]
    [InlineData("informatique quantique photonique", new[] { "quantique", "photonique" }, new[] { "quantité", "phonique" }, "informatique%20quantit%C3%A9%20phonique", true)]
    [InlineData("quantique informatique quantique", new[] { "quantique" }, new[] { "quantité" }, "quantit%C3%A9%20informatique%20quantit%C3%A9", false)]
    public async Task Words_of_french_no_case_writes_are_offered_in_one_question(string query, string[] missing, string[] offered, string link, bool widened)
    {
        var page = await GetText("/?q=" + Uri.EscapeDataString(query));

        Assert.Contains($"Aucun de ces exemples ne contient {string.Join(" ni ", missing.Select(Formats.Quoted))}.", page);
        Assert.Single(Regex.Matches(page, Wording.DidYouMean));
        // Both notes that say which words no case holds offer them: the widened search's, when no case holds enough of the
        // words (Index), and the one of the cases holding every word (_AllWordsNote).
        Assert.Equal(widened, page.Contains("Aucun exemple ne réunit l'essentiel de ces mots", StringComparison.Ordinal));
        Assert.Contains($"{Wording.DidYouMean} <a href=\"/?q={link}\">{string.Join(" et ", offered.Select(Formats.Quoted))}</a> ?", page);
        // The API lists the words the page offers, each typed word once: a word typed twice was listed twice.
        var json = await GetJson("/api/search?size=1&q=" + Uri.EscapeDataString(query));
        Assert.Equal(missing.Zip(offered), json.GetProperty("did_you_mean").EnumerateArray()
            .Select(o => (o.GetProperty("from").GetString()!, o.GetProperty("to").GetString()!)));
    }

    /// <summary>
    /// Sorted by start year, each result says its year before its organisations, or that it is not known: no card showed it,
    /// so the order could not be read. Other orders show no year.
    /// </summary>
    [Fact]
    public async Task Results_sorted_by_start_year_each_say_their_year_or_that_it_is_unknown()
    {
        var years = Directory.EnumerateFiles(Path.Combine(site.ContentPath, "cases"), "*.md").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f),
            f => Regex.Match(File.ReadAllText(f), @"^year: (\d{4})", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value : null);
        var total = (await GetJson("/api/search?size=1")).GetProperty("total").GetInt32();
        var said = new List<string>();
        foreach (var url in (string[])["/?sort=year", $"/?sort=year&size=100&page={(total + 99) / 100}"])
        {
            var hits = Regex.Matches(await GetText(url), "<article class=\"hit\" id=\"cas-([^\"]+)\">.*?<p class=\"hit-orgs\">(.*?)</p>", RegexOptions.Singleline);
            Assert.NotEmpty(hits);
            foreach (Match hit in hits)
            {
                var year = years[hit.Groups[1].Value];
                Assert.StartsWith($"<span class=\"hit-year\">Début : {year ?? "année inconnue"}</span>", hit.Groups[2].Value, StringComparison.Ordinal);
                said.Add(year ?? "");
            }
        }
        Assert.Contains("", said);
        Assert.Contains(said, y => y.Length > 0);
        Assert.DoesNotContain("hit-year", await GetString("/?q=insertion"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The first year field's placeholder is the earliest start year the cases give (it read « 1990 » while cases go back
    /// decades before); the second's, the current year.
    /// </summary>
    [Fact]
    public async Task The_year_fields_placeholders_span_the_start_years_of_the_cases()
    {
        var earliest = Directory.EnumerateFiles(Path.Combine(site.ContentPath, "cases"), "*.md")
            .Select(f => Regex.Match(File.ReadAllText(f), @"^year: (\d{4})", RegexOptions.Multiline))
            .Where(m => m.Success).Min(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        var html = await GetString("/?q=insertion");

        Assert.Matches($"<input id=\"year_from\" [^>]*placeholder=\"{earliest}\"", html);
        Assert.Matches($"<input id=\"year_to\" [^>]*placeholder=\"{DateTime.UtcNow.Year}\"", html);
    }

    /// <summary>A case's index terms are listed on its page, each a link to the cases its phrase finds.</summary>
    [Fact]
    public async Task A_case_page_lists_its_index_terms_as_searches()
    {
        const string slug = "wimoov-renault-mobilite-solidaire";
        var line = Regex.Match(File.ReadAllText(Path.Combine(site.ContentPath, "cases", slug + ".md")), "^keywords: \\[(.*)\\]$", RegexOptions.Multiline);
        var terms = Regex.Matches(line.Groups[1].Value, "\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var html = await GetString($"/exemples/{slug}");
        var listed = Regex.Matches(Regex.Match(html, "<dt>Mots-clés</dt>.*?</dd>", RegexOptions.Singleline).Value, "<a class=\"badge\" href=\"([^\"]+)\">([^<]+)</a>")
            .Select(m => (Url: System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), Term: System.Net.WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();

        Assert.NotEmpty(terms);
        Assert.Equal(terms, listed.Select(l => l.Term));
        Assert.All(listed, l => Assert.Equal($"/?q={Uri.EscapeDataString($"\"{l.Term}\"")}", l.Url));
        var first = await GetJson($"/api/search?size=100&q={Uri.EscapeDataString($"\"{terms[0]}\"")}");
        Assert.Contains(slug, first.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("slug").GetString()));
    }

    /// <summary>Each case file of the content served: its front matter and its whole text.</summary>
    private List<(string FrontMatter, string Text)> CaseFiles() =>
        Directory.EnumerateFiles(Path.Combine(site.ContentPath, "cases"), "*.md")
            .Select(File.ReadAllText)
            .Select(text => (text[..(text.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)], text))
            .ToList();

    [Theory]
    [InlineData("mobilité")]
    [InlineData("%22mécénat%20de%20compétences%22")]
    public async Task Keeping_only_the_cases_holding_every_term_says_nothing_where_it_changes_nothing(string query)
    {
        var page = await GetString($"/?q={query}&all_words=1");
        var api = await GetJson($"/api/search?q={query}&size=1");

        Assert.Equal((JsonValueKind.Null, (await GetJson($"/api/search?q={query}&all_words=1&size=1")).GetProperty("total").GetInt32()),
            (api.GetProperty("all_words_total").ValueKind, api.GetProperty("total").GetInt32()));
        Assert.DoesNotContain("tous les termes de la recherche", page);
        Assert.DoesNotContain("n'en contiennent qu'une partie", page);
    }

    [Theory]
    [InlineData("😀")]
    [InlineData("?!;:")]
    [InlineData("-")]
    [InlineData("*")]
    [InlineData("\"")]
    [InlineData("de la")]
    [InlineData("OR")]
    public async Task A_query_without_a_word_to_search_says_so_instead_of_claiming_every_case_for_it(string query)
    {
        var html = await GetText($"/?q={Uri.EscapeDataString(query)}");
        var all = (await GetJson("/api/search")).GetProperty("total").GetInt32();

        Assert.Contains($"Aucun mot à chercher dans {Formats.Quoted(query)}", html);
        static string Spaced(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');
        Assert.Matches($@"{Spaced(all.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")))} exemples\s*</h1>", Spaced(html));
        Assert.DoesNotContain($"exemples pour {Formats.Quoted(query)}", html);
        Assert.DoesNotContain("Aucun mot à chercher", await GetString("/?q=insertion"));
    }

    [Fact]
    public async Task A_case_page_shows_the_case_its_facets_as_links_and_its_sources()
    {
        var html = await GetString("/exemples/wimoov-renault-mobilite-solidaire");

        Assert.Contains("<h1>Wimoov et Renault : une offre de mobilité solidaire</h1>", html);
        Assert.Contains("<h2>Contexte</h2>", html);
        Assert.Contains("href=\"/?domains=mobilite\"", html);
        Assert.Contains("href=\"https://journalauto.com/", html);
        Assert.Contains("Exemples proches", html);
        Assert.Contains("Mis à jour le", html);
    }

    [Fact]
    public async Task A_case_page_shows_each_source_with_its_publisher_and_the_editorial_status()
    {
        var wimoov = await GetString("/exemples/wimoov-renault-mobilite-solidaire");
        var railcoop = await GetString("/exemples/railcoop-scic-cooperative-ferroviaire-citoyenne");

        // The comma right after the title, as French writes it: no space before it.
        Assert.Contains(">Votre job, votre voiture et vous</a>, Le Journal des Femmes", wimoov);
        Assert.Matches(@"</a>, [^<]+, <time datetime=""\d{4}-\d\d-\d\d"">\d", wimoov);
        Assert.DoesNotMatch(@"(</a>|</cite>)\s+,", wimoov);
        Assert.Contains("consulté le 2 décembre 2026", wimoov);
        Assert.Contains("(document d'origine du projet : Guide pratique « Coopérer efficacement », ORSE et Le RAMEAU, 2023)", wimoov);
        Assert.Contains("<span class=\"source-url\">https://wimoov.org/25-ans</span>", wimoov);
        Assert.Contains("De 2019 à 2024 (alliance terminée)", railcoop);
        // The date of the last claim-by-claim check, as the case's file gives it (checks go on and move it).
        var reviewed = Regex.Match(File.ReadAllText(Path.Combine(site.ContentPath, "cases", "railcoop-scic-cooperative-ferroviaire-citoyenne.md")),
            @"^reviewed: (\S+)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.Contains($"Chaque affirmation vérifiée dans les sources le <time datetime=\"{reviewed}\">", railcoop);
        Assert.Contains("href=\"/?statuses=archive\">Alliance terminée</a>", railcoop);
    }

    [Fact]
    public async Task A_case_page_writes_the_first_of_a_month_as_1er_in_every_date()
    {
        // A case of its own, updated, read and checked on the first of a month: checks move the real cases' dates.
        using var firstOfMonth = new FirstOfMonthSite();
        using var client = firstOfMonth.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/exemples/{FirstOfMonthSite.Slug}"));

        Assert.Contains("Mis à jour le <time datetime=\"2026-11-01\">1er novembre 2026</time>", html);
        Assert.Contains("consulté le 1er novembre 2026", html);
        Assert.Contains("vérifiée dans les sources le <time datetime=\"2026-11-01\">1er novembre 2026</time>", html);
        Assert.Contains("Impact Alliances. (1er novembre 2026). ", html);
        Assert.DoesNotMatch(@"\b1 (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}", html);
    }

    /// <summary>The site with one more case, a copy of Wimoov's whose every date is the first of November 2026.</summary>
    private sealed class FirstOfMonthSite : SiteFactory
    {
        public const string Slug = "premier-du-mois-wimoov";

        public FirstOfMonthSite()
        {
            var text = File.ReadAllText(Path.Combine(ContentPath, "cases", "wimoov-renault-mobilite-solidaire.md"));
            text = Regex.Replace(text, @"^(reviewed|updated): \S+$", "$1: 2026-11-01", RegexOptions.Multiline);
            text = Regex.Replace(text, @"accessed: \d{4}-\d\d-\d\d", "accessed: 2026-11-01");
            File.WriteAllText(Path.Combine(ContentPath, "cases", Slug + ".md"), text);
        }
    }

    [Fact]
    public async Task A_case_page_gives_its_permalink_and_ready_citations()
    {
        var html = await GetText("/exemples/wimoov-renault-mobilite-solidaire");

        Assert.Contains("Lien permanent : <a href=\"http://localhost/exemples/wimoov-renault-mobilite-solidaire\">", html);
        Assert.Matches(@"Impact Alliances\. \(\d{1,2} \w+ \d{4}\)\. Wimoov et Renault : une offre de mobilité solidaire\. Impact Alliances, base d'exemples d'alliances d'intérêt général\. Consulté le \d{1,2} \w+ \d{4}, à l'adresse http://localhost/exemples/wimoov-renault-mobilite-solidaire", html);
        Assert.Contains("@misc{impactalliances-wimoov-renault-mobilite-solidaire,", html);
        Assert.Contains("url = {http://localhost/exemples/wimoov-renault-mobilite-solidaire}", html);
        Assert.Contains("\"id\": \"wimoov-renault-mobilite-solidaire\"", html);
        Assert.Contains("data-copy=\"cite-fr\" hidden", html);
    }

    [Theory]
    [InlineData("", "abc123", null)]
    [InlineData("https://github.com/o/r/", null, null)]
    [InlineData("https://github.com/o/r", "abc123+modifié", null)]
    [InlineData("https://github.com/o/r/", "abc123", "https://github.com/o/r/blob/abc123/content/cases/x.md")]
    public void A_version_pinned_link_needs_the_repository_and_a_clean_commit(string url, string? commit, string? expected)
    {
        Assert.Equal(expected, new RepositoryOptions { Url = url }.FileAt(commit, "content/cases/x.md"));
    }

    [Fact]
    public async Task An_unknown_filter_value_is_shown_as_an_error_on_the_page_and_a_400_in_the_api()
    {
        var html = await GetString("/?q=insertion&regions=bretgne");
        var api = await _client.GetAsync("/api/search?q=insertion&regions=bretgne");
        var export = await _client.GetAsync("/api/export?regions=bretgne");

        Assert.Contains($"Régions : {Formats.Quoted("bretgne")} n'existe pas, ce filtre n'est pas appliqué.", WebUtility.HtmlDecode(html));
        Assert.Contains("Vouliez-vous dire <a href=\"/?q=insertion&amp;regions=bretagne\">Bretagne</a> ?", html);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Contains("regions=bretgne : valeur inconnue ; vouliez-vous dire regions=bretagne (Bretagne) ?", await api.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
    }

    /// <summary>
    /// What the API refuses, the results, statistics and map pages apply without it and say so, with the values there are:
    /// the map said nothing of an unknown filter value, the statistics offered no closer value, a value close to none
    /// named none, and a yes-or-no parameter other than 0 or 1 (<c>all_words=oui</c>) was dropped without a word.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/statistiques")]
    [InlineData("/carte")]
    public async Task What_the_api_refuses_the_pages_leave_out_and_say_with_the_values_there_are(string path)
    {
        var close = await GetString($"{path}?q=mobilit%C3%A9&scales=locale");
        var far = await GetString($"{path}?q=mobilit%C3%A9&scales=zzqqx&domains=zzqqx");
        var flags = WebUtility.HtmlDecode(await GetString($"{path}?q=mobilit%C3%A9&all_words=oui&literal=2"));
        var undated = await _client.GetAsync($"{path}?q=mobilit%C3%A9&undated=peut-etre");

        Assert.Contains($"Échelles : {Formats.Quoted("locale")} n'existe pas, ce filtre n'est pas appliqué.", WebUtility.HtmlDecode(close));
        Assert.Contains("Vouliez-vous dire <a href=\"/?q=mobilit%C3%A9&amp;scales=local\">Locale</a> ?", close.Replace(path + "?", "/?", StringComparison.Ordinal));
        Assert.Contains($"Échelles : {Formats.Quoted("zzqqx")} n'existe pas, ce filtre n'est pas appliqué.", WebUtility.HtmlDecode(far));
        Assert.Matches(@"Valeurs possibles :\s*<a href=""[^""]*scales=local[^""]*"">Locale</a>, ", far);
        Assert.Contains("<a href=\"/themes#theme-domains\">Thèmes</a>", far);
        Assert.Contains($"Tous les termes ({Formats.Quoted("all_words")}) : {Formats.Quoted("oui")} n'est pas une valeur possible (0 ou 1)", flags);
        Assert.Contains($"Sans correction ({Formats.Quoted("literal")}) : {Formats.Quoted("2")} n'est pas une valeur possible (0 ou 1)", flags);
        Assert.Equal(HttpStatusCode.OK, undated.StatusCode);
        Assert.Contains($"Cas sans année ({Formats.Quoted("undated")}) : {Formats.Quoted("peut-etre")} n'est pas une valeur possible (0 ou 1), ils sont gardés.",
            WebUtility.HtmlDecode(await undated.Content.ReadAsStringAsync()));
        foreach (var api in (string[])["scales=locale", "all_words=oui", "literal=2", "undated=peut-etre"])
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/api/search?q=mobilit%C3%A9&{api}")).StatusCode);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/statistiques")]
    [InlineData("/carte")]
    public async Task An_inverted_year_range_is_said_on_the_page_and_left_out_as_the_api_refuses_it(string path)
    {
        var response = await _client.GetAsync($"{path}?year_from=2020&year_to=2010");
        var html = await response.Content.ReadAsStringAsync();
        var text = System.Net.WebUtility.HtmlDecode(html);
        var api = await _client.GetAsync("/api/search?year_from=2020&year_to=2010");
        var total = (await GetJson("/api/search?size=1")).GetProperty("total").GetInt32();

        // As an unknown filter value: the page answers, says what is wrong and searches without it.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Années : la période est inversée (de 2020 à 2010), ce filtre n'est pas appliqué.", text);
        Assert.Contains($"Vouliez-vous dire <a href=\"{path}?year_from=2010&amp;year_to=2020\">de 2010 à 2020</a> ?", html);
        Assert.Contains(Formats.Cases(total), text);
        Assert.DoesNotContain("Années : 2020–2010", text);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("la période est inversée", await api.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/statistiques")]
    [InlineData("/carte")]
    public async Task A_year_that_is_not_one_is_said_on_the_page_and_left_out(string path)
    {
        // year_to=1 was dropped without a word: « 3000–… » listed the undated cases as if the range were applied.
        var text = await GetText($"{path}?year_from=abc&year_to=1&domains=mobilite");

        Assert.Contains("Années, à partir de : «\u202Fabc\u202F» n'est pas une année de quatre chiffres, ce filtre n'est pas appliqué.", text);
        Assert.Contains("Années, jusqu'à : «\u202F1\u202F» n'est pas une année de quatre chiffres, ce filtre n'est pas appliqué.", text);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/statistiques")]
    [InlineData("/carte")]
    public async Task A_start_year_in_the_future_is_said_on_the_page_and_left_out_as_the_api_refuses_it(string path)
    {
        // year_from=3000 was applied: only the undated cases were left, under « Années : 3000–… ».
        var text = await GetText($"{path}?year_from=3000&domains=mobilite");
        var api = await _client.GetAsync("/api/search?year_from=3000&domains=mobilite");

        Assert.Contains($"Années, à partir de : «\u202F3000\u202F» est une année à venir (nous sommes en {DateTime.UtcNow.Year}), ce filtre n'est pas appliqué.", text);
        Assert.DoesNotContain("3000–", text, StringComparison.Ordinal);
        Assert.Contains(Formats.Cases((await GetJson("/api/search?domains=mobilite&size=1")).GetProperty("total").GetInt32()), text);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Contains($"year_from vaut « 3000 » ; il faut une année de quatre chiffres, au plus l'année en cours ({DateTime.UtcNow.Year}).",
            problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("999", "10000", false)]
    [InlineData("1000", "9999", true)]
    public async Task The_year_range_s_edges_are_one_rule_for_the_form_the_pages_and_the_api(string from, string to, bool read)
    {
        // The form's fields began at 1900 while the pages and the API read years from 1000: a year they accept, the form refused.
        var html = await GetString("/?q=insertion");
        var text = await GetText($"/?year_from={from}&year_to={to}");
        var api = await _client.GetAsync($"/api/search?size=1&year_from={from}&year_to={to}");

        Assert.Contains($"id=\"year_from\" name=\"year_from\" form=\"search\" type=\"number\" inputmode=\"numeric\" min=\"{SearchState.FirstYear}\" max=\"{DateTime.UtcNow.Year}\"", html);
        Assert.Contains($"id=\"year_to\" name=\"year_to\" form=\"search\" type=\"number\" inputmode=\"numeric\" min=\"{SearchState.FirstYear}\" max=\"{SearchState.LastYear}\"", html);
        Assert.Equal(!read, text.Contains($"Années, à partir de : «\u202F{from}\u202F» n'est pas une année de quatre chiffres", StringComparison.Ordinal));
        Assert.Equal(!read, text.Contains($"Années, jusqu'à : «\u202F{to}\u202F» n'est pas une année de quatre chiffres", StringComparison.Ordinal));
        Assert.Equal(read ? HttpStatusCode.OK : HttpStatusCode.BadRequest, api.StatusCode);
    }

    [Theory]
    [InlineData("/", "domaine=emploi-insertion", "domaine", "domains=emploi-insertion", "le domaine Emploi et insertion", "/?q=v%C3%A9lo&domains=emploi-insertion")]
    [InlineData("/", "domian=sante", "domian", "domains=sante", "le domaine Santé", "/?q=v%C3%A9lo&domains=sante")]
    [InlineData("/", "domaine=sante,mobilite", "domaine", "domains=sante,mobilite", "les domaines Santé ou Mobilité", "/?q=v%C3%A9lo&domains=sante,mobilite")]
    [InlineData("/", "region=bretagne&page=2", "region", "regions=bretagne", "la région Bretagne", "/?q=v%C3%A9lo&regions=bretagne")]
    [InlineData("/", "regoins=sans-region", "regoins", "regions=sans-region", "le filtre National / sans région", "/?q=v%C3%A9lo&regions=sans-region")]
    [InlineData("/", "departement=35", "departement", "departments=35", "le département Ille-et-Vilaine", "/?q=v%C3%A9lo&departments=35")]
    [InlineData("/", "acteurs=entreprise&actors=association", "acteurs", "actors=entreprise", "le profil d'acteur Entreprise", "/?q=v%C3%A9lo&actors=association&actors=entreprise")]
    [InlineData("/", "type=mecenat", "type", "partnership_types=mecenat", "le type de partenariat Mécénat", "/?q=v%C3%A9lo&partnership_types=mecenat")]
    [InlineData("/", "status=verifie", "status", "statuses=verifie", "le statut Vérifié", "/?q=v%C3%A9lo&statuses=verifie")]
    [InlineData("/", "pgae=2", "pgae", "page=2", "la page 2", "/?q=v%C3%A9lo&page=2")]
    [InlineData("/", "sizes=50", "sizes", "size=50", "50 exemples par page", "/?q=v%C3%A9lo&size=50")]
    [InlineData("/", "literral=1", "literral", "literal=1", "les mots tels qu'ils sont tapés", "/?q=v%C3%A9lo&literal=1")]
    [InlineData("/", "all_word=1", "all_word", "all_words=1", "les exemples contenant tous les termes", "/?q=v%C3%A9lo&all_words=1")]
    [InlineData("/", "actors=association&actors=entreprise&alll=actors", "alll", "all=actors", "tous les profils d'acteurs choisis à la fois", "/?q=v%C3%A9lo&actors=association&actors=entreprise&all=actors")]
    [InlineData("/", "year_to=2020&undatd=0", "undatd", "undated=0", "sans les exemples non datés", "/?q=v%C3%A9lo&year_to=2020&undated=0")]
    [InlineData("/statistiques", "scale=local", "scale", "scales=local", "l'échelle Locale", "/statistiques?q=v%C3%A9lo&scales=local")]
    [InlineData("/carte", "yaer_from=2010", "yaer_from", "year_from=2010", "les exemples de 2010 et après", "/carte?q=v%C3%A9lo&year_from=2010")]
    [InlineData("/carte", "year_too=2010", "year_too", "year_to=2010", "les exemples de 2010 et avant", "/carte?q=v%C3%A9lo&year_to=2010")]
    [InlineData("/carte?niveau=departements", "sortt=title", "sortt", "sort=title", "le tri par titre", "/carte?q=v%C3%A9lo&niveau=departements&sort=title")]
    [InlineData("/carte", "nivau=departements", "nivau", "niveau=departements", "la carte par département", "/carte?q=v%C3%A9lo&niveau=departements")]
    public async Task A_parameter_whose_name_is_close_to_a_known_one_is_said_on_the_page_with_a_link_to_the_search_meant_and_refused_by_the_api(
        string path, string pair, string given, string meant, string wording, string corrected)
    {
        // A researcher who wrote a facet by hand got every case, unfiltered, without a word; then a word without a way to the search meant.
        var html = await GetString($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}q=v%C3%A9lo&{pair}");
        var api = await _client.GetAsync($"/api/search?q=v%C3%A9lo&{pair}");

        Assert.Contains($"«\u202F{given}\u202F» n'est pas un paramètre de recherche, il n'est pas appliqué.", WebUtility.HtmlDecode(html));
        var link = Regex.Match(html, @"Vouliez-vous dire <a href=""([^""]+)"">([^<]+)</a> \?");
        Assert.True(link.Success, html);
        Assert.Equal(corrected, WebUtility.HtmlDecode(link.Groups[1].Value));
        // The link says what the search meant does, from the taxonomy's labels; the API, for programs, names the parameters.
        Assert.Equal(wording, WebUtility.HtmlDecode(link.Groups[2].Value));
        var followed = await GetText(corrected);
        Assert.DoesNotContain("n'est pas un paramètre de recherche", followed, StringComparison.Ordinal);
        Assert.DoesNotContain("n'existe pas", followed, StringComparison.Ordinal);
        if (meant.StartsWith(CarteModel.LevelKey, StringComparison.Ordinal))
        {
            return; // the map's own parameter: the API has no map.
        }
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal($"{given} n'est pas un paramètre connu ; vouliez-vous dire {meant} ?", problem.RootElement.GetProperty("detail").GetString());
        var correctedApi = problem.RootElement.GetProperty("corrected_url").GetString()!;
        Assert.StartsWith("/api/search?q=v%C3%A9lo&", correctedApi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(correctedApi)).StatusCode);
    }

    [Fact]
    public async Task Several_misspelt_parameters_get_one_link_that_names_every_correction_it_makes()
    {
        // Each line linked to the search with both corrected, under the words of its own: « le domaine Santé » also kept 2015 only.
        var html = await GetString("/?q=emploi&domian=sante&year=2015");

        var links = Regex.Matches(html, @"Vouliez-vous dire <a href=""([^""]+)"">([^<]+)</a> \?");
        Assert.Single(links);
        Assert.Equal("/?q=emploi&domains=sante&year_from=2015&year_to=2015&undated=0", WebUtility.HtmlDecode(links[0].Groups[1].Value));
        Assert.Equal("le domaine Santé et les exemples de 2015", WebUtility.HtmlDecode(links[0].Groups[2].Value));
        Assert.Contains($"{Formats.Quoted("domian")} n'est pas un paramètre de recherche", WebUtility.HtmlDecode(html));
    }

    /// <summary>
    /// A misspelt name whose value the facet lacks is corrected with its value in one step, to the value an unknown filter's
    /// line offers: « domaine=emploi » was offered as « le domaine « emploi » », whose page said a second error pointing to
    /// « Emploi et insertion », and the API's <c>corrected_url</c> was refused again.
    /// </summary>
    [Theory]
    [InlineData("domian=sant", "domains=sante", "le domaine Santé")]
    [InlineData("domaine=emploi", "domains=emploi-insertion", "le domaine Emploi et insertion")]
    public async Task A_misspelt_parameter_s_unknown_value_is_corrected_with_its_name_on_the_page_and_in_the_api(string pair, string meant, string wording)
    {
        var html = await GetString($"/?q=TZCLD&{pair}");
        var api = await _client.GetAsync($"/api/search?q=TZCLD&{pair}");

        var link = Regex.Match(html, @"Vouliez-vous dire <a href=""([^""]+)"">([^<]+)</a> \?");
        Assert.Equal($"/?q=TZCLD&{meant}", WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Equal(wording, WebUtility.HtmlDecode(link.Groups[2].Value));
        var followed = await GetText(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.DoesNotContain("n'existe pas", followed, StringComparison.Ordinal);
        Assert.DoesNotContain("n'est pas un paramètre de recherche", followed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.EndsWith($"vouliez-vous dire {meant} ?", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var correctedApi = problem.RootElement.GetProperty("corrected_url").GetString()!;
        Assert.Equal($"/api/search?q=TZCLD&{meant}", correctedApi);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(correctedApi)).StatusCode);
    }

    [Fact]
    public async Task A_misspelt_parameter_s_value_that_means_nothing_is_named_as_given_and_the_search_meant_says_it_is_unknown()
    {
        var html = await GetString("/?domian=zzqqx");

        var link = Regex.Match(html, @"Vouliez-vous dire <a href=""([^""]+)"">([^<]+)</a> \?");
        Assert.Equal("le domaine «\u202Fzzqqx\u202F»", WebUtility.HtmlDecode(link.Groups[2].Value));
        var followed = await GetString(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Contains($"Domaines : {Formats.Quoted("zzqqx")} n'existe pas, ce filtre n'est pas appliqué.", WebUtility.HtmlDecode(followed));
    }

    [Theory]
    [InlineData("year=2015", "year_from=2015&year_to=2015&undated=0")]
    [InlineData("Year=2015", "year_from=2015&year_to=2015&undated=0")]
    [InlineData("yaer=2015", "year_from=2015&year_to=2015&undated=0")]
    [InlineData("years=2015", "year_from=2015&year_to=2015&undated=0")]
    // The link does what its text says: the year's bounds replace one given under its own name.
    [InlineData("year_from=2010&year=2015", "year_from=2015&year_to=2015&undated=0")]
    [InlineData("year=2015&undated=1", "year_from=2015&year_to=2015&undated=0")]
    public async Task A_plain_year_is_a_misspelt_name_meaning_that_one_year_on_the_pages_and_in_the_api(string pair, string meant)
    {
        // year=2015 was said to mean year_from alone: every case started since 2015. Read as year_from=year_to=2015 with the
        // undated cases, it would give 437 cases, 395 of them without a year.
        var html = await GetString($"/?{pair}");
        var api = await _client.GetAsync($"/api/search?{pair}");

        var link = Regex.Match(html, @"Vouliez-vous dire <a href=""([^""]+)"">([^<]+)</a> \?");
        Assert.Equal($"/?{meant}", WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Equal("les exemples de 2015", WebUtility.HtmlDecode(link.Groups[2].Value));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal($"/api/search?{meant}", problem.RootElement.GetProperty("corrected_url").GetString());
        var years = (await GetJson($"/api/search?{meant}&size=1")).GetProperty("years");
        Assert.Equal((2015, 2015), (years.GetProperty("from").GetInt32(), years.GetProperty("to").GetInt32()));
        Assert.False(years.GetProperty("include_undated").GetBoolean());
    }

    [Theory]
    [InlineData("/?q=&domaine=emploi-insertion", "/?domaine=emploi-insertion")]
    [InlineData("/?q=v%C3%A9lo&sort=&year=2015&undated=1", "/?q=v%C3%A9lo&year=2015")]
    public async Task A_url_sent_to_its_clean_form_keeps_its_misspelt_names_for_the_page_to_say(string url, string clean)
    {
        // The clean form was the state's alone: the misspelt name went, and the page said nothing of it.
        var response = await site.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(clean, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_cases_of_a_plain_year_s_correction_are_those_the_files_say_started_that_year()
    {
        var started2015 = Directory.EnumerateFiles(Path.Combine(site.ContentPath, "cases"), "*.md")
            .Count(f => File.ReadLines(f).TakeWhile((line, i) => i == 0 || line != "---").Any(line => line == "year: 2015"));
        using var problem = JsonDocument.Parse(await (await _client.GetAsync("/api/search?year=2015")).Content.ReadAsStringAsync());

        var answer = await GetJson(problem.RootElement.GetProperty("corrected_url").GetString()!);

        Assert.True(started2015 > 5);
        Assert.Equal(started2015, answer.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/?q=v%C3%A9lo&utm_source=lettre&utm_medium=email&fbclid=IwAR0x&gclid=abc")]
    [InlineData("/?q=v%C3%A9lo&_=1733300000&foo=1&s=2")]
    [InlineData("/carte?q=v%C3%A9lo&niveau=departements")]
    [InlineData("/api/export?q=v%C3%A9lo&format=json&separator=comma&utm_campaign=x")]
    [InlineData("/api/search?q=v%C3%A9lo&utm_source=x&_=1733300000&foo=1")]
    public async Task Tracking_short_and_far_parameters_are_ignored_without_a_word(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("n'est pas un paramètre", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_or_an_order_that_means_nothing_is_said_on_the_page()
    {
        var text = await GetText("/?q=insertion&page=abc&sort=pertinence");

        Assert.Contains("Page : «\u202Fabc\u202F» n'est pas un numéro de page, voici la première.", text);
        Assert.Contains("Tri : «\u202Fpertinence\u202F» n'existe pas, les résultats sont dans l'ordre par défaut.", text);
        Assert.DoesNotContain("n'est pas un numéro de page", await GetText("/?q=insertion&page=2"));
    }

    [Fact]
    public async Task A_page_size_or_a_facet_to_match_in_full_that_means_nothing_is_said_on_the_page()
    {
        var text = await GetText("/?q=insertion&size=abc&actors=association&actors=entreprise&all=acteurs");

        Assert.Contains("Résultats par page : «\u202Fabc\u202F» n'est pas un nombre de résultats", text);
        Assert.Contains("Toutes les valeurs à la fois («\u202Fall\u202F») : «\u202Facteurs\u202F» n'est pas une facette (actors, domains", text);
        // A facet with no value chosen asks nothing: not a fault.
        Assert.DoesNotContain("n'est pas une facette", await GetText("/?q=insertion&all=domains"));
    }

    [Fact]
    public async Task A_page_size_above_the_most_a_page_holds_is_said_with_the_export_that_gives_every_result()
    {
        var most = site.Services.GetRequiredService<IOptions<SearchIndexOptions>>().Value.MaxPageSize;
        var html = await _client.GetStringAsync($"/?q=insertion&size={most + 1}");
        var text = System.Net.WebUtility.HtmlDecode(html);

        Assert.Contains($"Résultats par page : {Formats.Number(most + 1)} dépasse le maximum, la page en montre {Formats.Number(most)}", text);
        Assert.Contains("href=\"/api/export?q=insertion&amp;format=csv\"", html);
        Assert.Equal(most, Regex.Count(html, "<article class=\"hit\" id=\"cas-"));
        Assert.DoesNotContain("dépasse le maximum", await GetText($"/?q=insertion&size={most}"));
    }

    [Fact]
    public async Task A_theme_page_says_what_of_its_url_it_does_not_apply()
    {
        // A theme's page reads its paging and order only: page=abc, size above the most and an unknown sort were dropped without
        // a word, and words or years in its URL silently shown as the whole theme.
        var most = site.Services.GetRequiredService<IOptions<SearchIndexOptions>>().Value.MaxPageSize;
        var html = await GetString($"/themes/domaines/mobilite?page=abc&sort=zzz&size={most + 1}");
        var text = WebUtility.HtmlDecode(html);
        var asked = await GetString("/themes/domaines/mobilite?q=v%C3%A9lo&year_from=2015");

        Assert.Contains("Page : «\u202Fabc\u202F» n'est pas un numéro de page, voici la première.", text);
        Assert.Contains("Tri : «\u202Fzzz\u202F» n'existe pas", text);
        Assert.Contains($"Résultats par page : {Formats.Number(most + 1)} dépasse le maximum", text);
        Assert.Contains("href=\"/api/export?domains=mobilite&amp;format=csv\"", html);
        Assert.Contains("La page d'un thème montre tous ses exemples, sans les mots, filtres ou années de l'adresse :", WebUtility.HtmlDecode(asked));
        Assert.Contains("<a href=\"/?q=v%C3%A9lo&amp;domains=mobilite&amp;year_from=2015\">faire cette recherche dans", asked);
        Assert.DoesNotContain("filter-error", await GetString("/themes/domaines/mobilite?page=2&sort=title"));
        // A URL asking the theme's own filter asks nothing the page does not show.
        Assert.DoesNotContain("filter-error", await GetString("/themes/domaines/mobilite?domains=mobilite"));
    }

    [Theory]
    [InlineData("/?q=insertion&page=500", "/?q=insertion&page=")]
    [InlineData("/themes/domaines/mobilite?page=500", "/themes/domaines/mobilite?page=")]
    public async Task A_page_past_the_last_leads_to_the_last(string url, string lastUrl)
    {
        var beyond = await GetText(url);
        var last = Regex.Match(beyond, "<a href=\"([^\"]+)\">Aller à la dernière page \\((\\d+)\\)</a>");

        Assert.Contains("Cette page est au-delà des résultats.", beyond);
        Assert.True(last.Success);
        Assert.Equal(lastUrl + last.Groups[2].Value, last.Groups[1].Value);
        var lastPage = await GetText(last.Groups[1].Value);
        Assert.DoesNotContain("au-delà des résultats", lastPage);
        Assert.Contains("<h2 class=\"hit-title\">", lastPage);
        Assert.Contains("au-delà des résultats", await GetText(lastUrl + (int.Parse(last.Groups[2].Value) + 1)));
    }

    [Fact]
    public async Task The_previous_page_of_a_page_past_the_last_is_the_last()
    {
        // Page 500 of « insertion » offered « Précédente » to the page before the last, skipping the last, which has results.
        var beyond = await GetText("/?q=insertion&page=500");
        var last = Regex.Match(beyond, "Aller à la dernière page \\((\\d+)\\)").Groups[1].Value;
        var previous = Regex.Match(beyond, "<a rel=\"prev\" href=\"([^\"]+)\">").Groups[1].Value;

        Assert.NotEmpty(last);
        Assert.EndsWith($"page={last}", previous, StringComparison.Ordinal);
        Assert.DoesNotContain("au-delà des résultats", await GetText(previous));
    }

    [Fact]
    public async Task A_text_longer_than_what_is_searched_is_cut_where_the_search_cuts_it_and_said_so()
    {
        // A 2,800-character text was searched on its first 500 characters, but the heading, the title and every one of
        // the page's links repeated it whole (860 KB of page).
        var words = string.Concat(Enumerable.Repeat("mobilité ", 300)) + "fin";
        var text = await GetText($"/?q={Uri.EscapeDataString(words)}");
        var heading = Regex.Match(text, "<h1 id=\"results-count\"[^>]*>(.*?)</h1>", RegexOptions.Singleline).Groups[1].Value;

        Assert.Contains("Recherche : seuls ses 500 premiers caractères sont cherchés.", text);
        Assert.DoesNotContain("fin", heading, StringComparison.Ordinal);
        Assert.InRange(Regex.Count(heading, "mobilité"), 50, 56);
        Assert.DoesNotContain("mobilit »", heading, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/api/search?q=x", "application/problem+json")]
    [InlineData("PUT", "/api/cases/wimoov-renault-mobilite-solidaire", "application/problem+json")]
    [InlineData("DELETE", "/exemples/wimoov-renault-mobilite-solidaire", "text/html")]
    [InlineData("POST", "/", "text/html")]
    [InlineData("PATCH", "/themes", "text/html")]
    public async Task A_method_the_site_does_not_take_gets_405_with_allow(string method, string url, string mediaType)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?q=mobilit%C3%A9")]
    [InlineData("/exemples/wimoov-renault-mobilite-solidaire")]
    [InlineData("/themes")]
    [InlineData("/api/search?q=x")]
    [InlineData("/api/export?format=json")]
    [InlineData("/exemples/nulle-part")]
    [InlineData("/documentation-api")]
    [InlineData("/flux.atom?q=insertion")]
    [InlineData("/sitemap.xml")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_page_type_sends_the_headers_of_a_public_site(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");

        var response = await _client.SendAsync(request);

        Assert.Equal(ImpactAlliances.Web.SecurityHeaders.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.DoesNotContain("unsafe-inline", ImpactAlliances.Web.SecurityHeaders.ContentSecurityPolicy);
        Assert.Contains("frame-ancestors 'none'", ImpactAlliances.Web.SecurityHeaders.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.Contains("Permissions-Policy"));
        Assert.False(response.Headers.Contains("Server"));
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Contains(response.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
        }
    }

    [Fact]
    public async Task The_home_page_with_its_styles_and_scripts_weighs_under_80_KB_compressed()
    {
        var html = await _client.GetStringAsync("/");
        var assets = System.Text.RegularExpressions.Regex.Matches(html, "<(?:link[^>]*rel=\"stylesheet\"[^>]*href|script[^>]*src)=\"(?<url>/[^\"]+)\"")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["url"].Value))
            .Distinct()
            .ToList();
        Assert.NotEmpty(assets);

        var transferred = 0L;
        foreach (var url in assets.Prepend("/"))
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            transferred += (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        Assert.True(transferred < 80 * 1024, $"the home page and its {assets.Count} assets weigh {transferred / 1024} KB compressed");
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task The_health_endpoints_answer_healthy_once_an_index_is_open(string url)
    {
        await GetString("/");

        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_an_index_the_site_is_not_ready()
    {
        var folder = Directory.CreateTempSubdirectory("ia-no-index-");
        using var index = new CaseStudyIndex(new ImpactAlliances.Core.Indexing.IndexStore(folder.FullName));

        var health = await new IndexReadyCheck(index).CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, health.Status);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_draft_is_left_out_of_the_public_site()
    {
        var search = await GetString("/?q=quetzalcoatl");
        var page = await _client.GetAsync($"/exemples/{SiteFactory.DraftSlug}");

        Assert.Contains("Aucun exemple pour «&#x202F;quetzalcoatl&#x202F;»", search);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task An_unknown_case_gets_a_proper_404_page()
    {
        var response = await _client.GetAsync("/exemples/cas-qui-n-existe-pas");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_address_gets_the_404_page()
    {
        var response = await _client.GetAsync("/nulle/part");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", html);
        // On a phone the box's label is hidden: like the search page's, it says what to type.
        Assert.Contains($"placeholder=\"{Wording.SearchPlaceholder}\"", System.Net.WebUtility.HtmlDecode(html));
    }

    [Theory]
    [InlineData("/exemples")]
    [InlineData("/exemples/")]
    public async Task The_parent_of_every_case_address_leads_to_the_list_of_every_case(string url)
    {
        using var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Found, head.StatusCode);
    }

    [Theory]
    [InlineData("/api/nope")]
    [InlineData("/api/nope/plus/loin?q=x")]
    [InlineData("/api")]
    [InlineData("/api/cases")]
    [InlineData("/api/search/autre")]
    public async Task An_unknown_api_address_gets_a_json_problem_not_the_html_page(string url)
    {
        var response = await _client.GetAsync(url);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("/documentation-api", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task The_search_api_returns_hits_and_drill_sideways_facets()
    {
        var json = await GetJson("/api/search?q=mobilite&actors=association&actors=entreprise&size=3");

        Assert.Equal("mobilite", json.GetProperty("query").GetString());
        Assert.Equal(3, json.GetProperty("size").GetInt32());
        var hit = json.GetProperty("hits")[0];
        foreach (var property in new[] { "slug", "title", "summary", "snippet", "url", "updated", "organisations", "facets" })
        {
            Assert.True(hit.TryGetProperty(property, out _), property);
        }
        Assert.StartsWith("/exemples/", hit.GetProperty("url").GetString());
        var actors = json.GetProperty("facets").GetProperty("actors").EnumerateArray().ToList();
        Assert.Equal(["association", "entreprise"], actors.Where(a => a.GetProperty("selected").GetBoolean()).Select(a => a.GetProperty("value").GetString()).Order());
        Assert.Contains(actors, a => !a.GetProperty("selected").GetBoolean() && a.GetProperty("count").GetInt32() > 0);
        Assert.All(actors, a => Assert.False(string.IsNullOrEmpty(a.GetProperty("label").GetString())));
        Assert.Equal(CaseStudySchema.Facets.Count, json.GetProperty("facets").EnumerateObject().Count());
    }

    [Fact]
    public async Task A_facet_suggestion_for_the_last_word_adds_its_filter_to_the_current_search()
    {
        var json = await GetJson("/api/suggest?q=mobilit%C3%A9%20bret&scales=local");

        var bretagne = json.GetProperty("suggestions").EnumerateArray().First(s => s.GetProperty("label").GetString() == "Bretagne");
        Assert.Equal("facet", bretagne.GetProperty("kind").GetString());
        Assert.Matches(@"^Régions · \d+ exemples?$", bretagne.GetProperty("detail").GetString());
        var url = bretagne.GetProperty("url").GetString()!;
        Assert.Contains("q=mobilit%C3%A9", url);
        Assert.Contains("scales=local", url);
        Assert.Contains("regions=bretagne", url);
    }

    /// <summary>
    /// A facet value suggested within a search is added to it, and its count is what that search then finds: under the domain
    /// Mobilité, « insertion bretag » offered « Bretagne · Régions · 71 exemples » (every case of Bretagne), and the page it led
    /// to found a handful. A value with which the search would find nothing is not offered.
    /// </summary>
    [Fact]
    public async Task A_facet_suggestion_counts_the_cases_the_search_it_leads_to_finds()
    {
        var everywhere = Count(Suggested(await GetJson("/api/suggest?q=bretag"), "Bretagne"));
        var within = Suggested(await GetJson("/api/suggest?q=insertion%20bretag&domains=mobilite"), "Bretagne");
        var url = within.GetProperty("url").GetString()!;
        var found = (await GetJson($"/api/search?{url[(url.IndexOf('?') + 1)..]}&size=1")).GetProperty("total").GetInt32();

        Assert.Equal("/?q=insertion&domains=mobilite&regions=bretagne", url);
        Assert.InRange(found, 1, everywhere - 1);
        Assert.Equal(found, Count(within));
        Assert.Equal(everywhere, (await GetJson("/api/search?regions=bretagne&size=1")).GetProperty("total").GetInt32());
        // No case of Mayotte speaks of bicycles: Mayotte is not offered after « vélo ».
        Assert.Equal(0, (await GetJson("/api/search?q=v%C3%A9lo&regions=mayotte&size=1")).GetProperty("total").GetInt32());
        Assert.DoesNotContain((await GetJson("/api/suggest?q=v%C3%A9lo%20mayot")).GetProperty("suggestions").EnumerateArray(),
            s => s.GetProperty("kind").GetString() == "facet" && s.GetProperty("label").GetString() == "Mayotte");
        Assert.Contains((await GetJson("/api/suggest?q=mayot")).GetProperty("suggestions").EnumerateArray(),
            s => s.GetProperty("kind").GetString() == "facet" && s.GetProperty("label").GetString() == "Mayotte");

        static JsonElement Suggested(JsonElement json, string label) =>
            json.GetProperty("suggestions").EnumerateArray().First(s => s.GetProperty("kind").GetString() == "facet" && s.GetProperty("label").GetString() == label);
        static int Count(JsonElement suggestion) =>
            int.Parse(Regex.Match(suggestion.GetProperty("detail").GetString()!, @"^Régions · (\d+) exemples?$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A commune completes the last word after the others (« à » included) and leads to the search of all of them, its
    /// count being the published cases placed in it, read from the files (not its département's).
    /// </summary>
    [Fact]
    public async Task A_commune_suggestion_replaces_the_last_word_and_keeps_the_words_before_it()
    {
        var json = await GetJson("/api/suggest?q=emploi%20des%20jeunes%20%C3%A0%20Mars&scales=local");

        var marseille = json.GetProperty("suggestions").EnumerateArray().First(s => s.GetProperty("kind").GetString() == "commune");
        Assert.Equal("Marseille", marseille.GetProperty("label").GetString());
        var placed = ContentLoader.Load(site.ContentPath, DateOnly.FromDateTime(DateTime.Today)).Cases
            .Count(c => c.Case.Status != CaseStatus.Draft && c.Case.Territory.PlaceCodes.Contains(Core.Places.Place.CommuneCode("13055")));
        Assert.True(placed >= 10, $"{placed} cases placed in Marseille: the test says little");
        Assert.Equal($"Commune · {placed} exemples situés", marseille.GetProperty("detail").GetString());
        Assert.Equal("/?q=emploi%20des%20jeunes%20%C3%A0%20Marseille&scales=local", marseille.GetProperty("url").GetString());
    }

    /// <summary>
    /// « mécénat de comp » is completed with the phrase dozens of cases write, with the number of published case files writing
    /// it (singular or plural, any capital; in their text or their index terms), counted here from the files; choosing it
    /// searches the phrase, quoted.
    /// </summary>
    [Fact]
    public async Task A_phrase_the_cases_write_completes_the_words_typed_with_the_cases_writing_it()
    {
        var json = await GetJson("/api/suggest?q=m%C3%A9c%C3%A9nat%20de%20comp");

        var first = json.GetProperty("suggestions").EnumerateArray().First();
        var writing = new Regex(@"\bm[ée]c[ée]nats? de comp[ée]tences?\b", RegexOptions.IgnoreCase);
        var cases = ContentLoader.Load(site.ContentPath, DateOnly.FromDateTime(DateTime.Today)).Cases
            .Count(c => c.Case.Status != CaseStatus.Draft && writing.IsMatch(string.Join('\n', [c.Case.Title, c.Case.Summary, .. c.Case.Organisations.Select(o => o.Name), .. c.Case.Keywords, c.Case.Body])));
        Assert.True(cases >= 10, $"{cases} cases write it: the test says little");
        Assert.Equal(("phrase", "mécénat de compétences", $"Expression · {cases} exemples", "/?q=%22m%C3%A9c%C3%A9nat%20de%20comp%C3%A9tences%22"),
            (first.GetProperty("kind").GetString(), first.GetProperty("label").GetString(), first.GetProperty("detail").GetString(), first.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task Two_communes_of_one_name_show_their_departement_and_search_the_name()
    {
        var json = await GetJson("/api/suggest?q=Saint-Den");

        var communes = json.GetProperty("suggestions").EnumerateArray().Where(s => s.GetProperty("kind").GetString() == "commune")
            .Select(s => (Label: s.GetProperty("label").GetString(), Url: s.GetProperty("url").GetString())).ToList();
        Assert.Contains(("Saint-Denis (La Réunion)", "/?q=Saint-Denis"), communes);
        Assert.Contains(("Saint-Denis (Seine-Saint-Denis)", "/?q=Saint-Denis"), communes);
    }

    [Fact]
    public async Task A_place_named_with_a_topic_puts_the_cases_of_that_place_first()
    {
        // On the real content, cases elsewhere say « personnes âgées » in their titles; the Corsican ones say « aînés ».
        using var response = await _client.GetAsync("/api/search?q=personnes%20%C3%A2g%C3%A9es%20en%20Corse&size=3");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var regions = json.RootElement.GetProperty("hits").EnumerateArray()
            .Select(hit => hit.GetProperty("facets").GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("value").GetString()).ToList())
            .ToList();
        Assert.Equal(3, regions.Count);
        Assert.All(regions, r => Assert.Contains("corse", r));
    }

    [Fact]
    public async Task A_place_named_in_the_query_is_offered_as_a_region_filter()
    {
        var html = await GetString("/?q=v%C3%A9lo%20Hauts-de-France");

        Assert.Contains("Filtrer sur la région <a href=\"/?q=v%C3%A9lo%20Hauts-de-France&amp;regions=hauts-de-france\">Hauts-de-France</a>", html);
        Assert.DoesNotContain("Filtrer sur le département", html);
    }

    [Fact]
    public async Task A_scale_named_by_its_terms_is_offered_as_a_filter_until_it_is_selected()
    {
        var offered = await GetString("/?q=eau%20potable%20dans%20les%20pays%20du%20Sud");
        var selected = await GetString("/?q=eau%20potable%20dans%20les%20pays%20du%20Sud&scales=international");

        Assert.Contains("Filtrer sur l&#x27;échelle <a href=\"/?q=eau%20potable%20dans%20les%20pays%20du%20Sud&amp;scales=international\">Internationale</a>", offered);
        Assert.DoesNotContain("Filtrer sur", selected);
    }

    [Theory]
    [InlineData("emploi du 59", "59", "Nord", "hauts-de-france")]
    [InlineData("aide alimentaire à Marseille", "13", "Bouches-du-Rhône", "provence-alpes-cote-d-azur")]
    // A number that may be the département or a count (« 50 familles »): ranked first, not required, and still offered.
    [InlineData("50 familles", "50", "Manche", "normandie")]
    public async Task A_departement_or_commune_named_in_the_query_offers_its_departement_then_its_region(string query, string code, string name, string region)
    {
        var html = await GetString($"/?q={Uri.EscapeDataString(query)}");

        var department = html.IndexOf($"Filtrer sur le département <a href=\"/?q={Uri.EscapeDataString(query)}&amp;departments={code}\">{name}</a>", StringComparison.Ordinal);
        var inRegion = html.IndexOf($" ou sur la région <a href=\"/?q={Uri.EscapeDataString(query)}&amp;regions={region}\">", StringComparison.Ordinal);
        Assert.True(department >= 0 && inRegion > department, $"département at {department}, region at {inRegion}");
    }

    [Fact]
    public async Task The_case_api_returns_the_front_matter_and_html()
    {
        var json = await GetJson("/api/cases/wimoov-renault-mobilite-solidaire");

        var c = json.GetProperty("case");
        Assert.Equal("innovation-societale", c.GetProperty("partnership_type").GetString());
        Assert.Equal("national", c.GetProperty("territory").GetProperty("scale").GetString());
        Assert.Contains("<h2>Contexte</h2>", json.GetProperty("html").GetString());
        Assert.Equal("/exemples/wimoov-renault-mobilite-solidaire", json.GetProperty("url").GetString());
    }

    [Fact]
    public async Task The_case_api_answers_404_for_an_unknown_slug()
    {
        var response = await _client.GetAsync("/api/cases/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/?q=%22")]
    [InlineData("/?q=((mobilit%C3%A9")]
    [InlineData("/?q=title%3Amobilite")]
    [InlineData("/?q=AND%20OR%20NOT")]
    [InlineData("/?q=*")]
    [InlineData("/?q=~~~%5B%5D%7B%7D%5E")]
    [InlineData("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/?page=abc&size=-3&sort=zzz&domains=foo&regions=")]
    [InlineData("/?page=999999999999")]
    [InlineData("/?page=2147483647&size=100")]
    [InlineData("/api/search?q=%22%22%22")]
    public async Task Hostile_queries_get_a_page_not_an_error(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/exemples/%20")]
    [InlineData("/exemples/%0A")]
    [InlineData("/exemples/%C2%A0")]
    [InlineData("/exemples/%09%20")]
    [InlineData("/themes/domaines/%20")]
    [InlineData("/themes/%20/x")]
    [InlineData("/themes/%20/%20")]
    // The error page asked for directly: not the status in its address.
    [InlineData("/erreur/500")]
    [InlineData("/erreur/503")]
    [InlineData("/erreur/999")]
    [InlineData("/erreur")]
    public async Task A_segment_of_white_space_or_the_error_page_gets_the_404_page_not_an_error(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Very_long_input_gets_a_page()
    {
        var response = await _client.GetAsync("/?q=" + new string('a', 20_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_case_containing_script_is_rendered_inert()
    {
        var html = await GetString($"/exemples/{SiteFactory.HostileSlug}");

        Assert.Contains("Texte avant.", html);
        Assert.DoesNotContain("window.hacked", html);
        Assert.DoesNotContain("alert(", html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onmouseover", html, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> GetString(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A page's HTML with its character references decoded, as French text reads (« l'État », not « l&amp;#x27;État »).</summary>
    private async Task<string> GetText(string url) => WebUtility.HtmlDecode(await GetString(url));

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
