using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ImpactAlliances.Web.Tests;

/// <summary>
/// Phones first, in headless Chromium: the first result on the first screen, the filters drawer (with and
/// without script), tap targets, and the dark and print renderings.
/// </summary>
public sealed class DrawerFacts(KestrelSiteFactory site) : IClassFixture<KestrelSiteFactory>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };
    private const string Search = "/?q=insertion&regions=hauts-de-france&year_from=2000";

    [SkippableTheory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task The_first_result_is_on_the_first_screen_after_a_search(int width, int height)
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await page.GotoAsync(site.BaseAddress);

        await page.FillAsync("#q", "aide alimentaire");
        await page.PressAsync("#q", "Enter");
        await page.ArriveAtAsync(new Regex(@"/\?q=aide\+alimentaire$"));

        var title = await page.Locator(".hit-title").First.BoundingBoxAsync();
        Assert.True(title!.Y + title.Height < height, $"the first result's title ends at {title.Y + title.Height} px of {height}");
        Assert.Equal(width < 820, await page.Locator(".filters-jump").IsVisibleAsync());
    }

    [SkippableFact]
    public async Task On_a_phone_the_drawer_opens_applies_a_filter_stays_open_and_closes_back_to_its_button()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Phone });
        await page.GotoAsync(site.BaseAddress + Search);
        var drawer = page.Locator("#filtres");
        Assert.False(await drawer.IsVisibleAsync());
        Assert.Equal("Filtrer (2)", (await page.TextContentAsync(".filters-jump"))!.Trim());

        await page.ClickAsync(".filters-jump");

        Assert.True(await drawer.IsVisibleAsync());
        var box = await drawer.BoundingBoxAsync();
        Assert.Equal((0f, 0f, 390f, 844f), (box!.X, box.Y, box.Width, box.Height));
        // The drawer is drawn by the address's #filtres at once; the focus and the page's inertness come with the
        // hashchange event, a task later: wait for the focus, which the same handler gives after making the page inert.
        await Assertions.Expect(page.Locator("#filters-title")).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.results').inert"), "the results under the drawer are out of reach");

        var value = drawer.Locator("a[data-facet=actors]").First;
        var count = int.Parse((await value.Locator(".facet-count").InnerTextAsync()).Split('\n')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await value.ClickAsync();
        await page.ArriveAtAsync(new Regex("actors=[a-z-]+&.*#filtres$"));

        Assert.True(await drawer.IsVisibleAsync(), "the drawer stays open after a filter is chosen in it");
        Assert.Equal($"Voir les {count} résultat{(count > 1 ? "s" : "")}", (await page.TextContentAsync(".results-jump"))!.Trim());
        await page.ClickAsync(".results-jump");

        Assert.False(await drawer.IsVisibleAsync());
        Assert.Equal("filters-jump", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        Assert.Equal("Filtrer (3)", (await page.TextContentAsync(".filters-jump"))!.Trim());
        Assert.StartsWith($"{count} exemple", (await page.TextContentAsync("#results-count"))!.Trim());
        Assert.False(await page.EvaluateAsync<bool>("() => document.querySelector('.results').inert"));

        await page.ClickAsync(".filters-jump");
        // Escape is heard inside the drawer: pressed before the hashchange has moved the focus there, it reached the button.
        await Assertions.Expect(page.Locator("#filters-title")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await drawer.IsVisibleAsync());
    }

    [SkippableFact]
    public async Task On_a_phone_tab_crosses_the_drawer_in_the_order_it_is_drawn_its_way_out_last_at_its_foot()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Phone });
        await page.GotoAsync(site.BaseAddress + Search);
        await page.ClickAsync(".filters-jump");
        await Assertions.Expect(page.Locator("#filters-title")).ToBeFocusedAsync();

        // « Fermer », then the filters from the top: Tab went from « Fermer » to « Voir les N résultats » at the foot of the
        // screen, then back up to the filters.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#filtres .drawer-close")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#filtres .facets-themes a")).ToBeFocusedAsync();
        // The way out is the last of the drawer's stops, after every filter.
        Assert.True(await page.EvaluateAsync<bool>("""
            () => {
                const stops = [...document.querySelectorAll('#filtres a[href], #filtres input, #filtres button, #filtres summary')]
                    .filter(e => e.offsetParent !== null || getComputedStyle(e).position === 'sticky');
                return stops[stops.length - 1] === document.querySelector('#filtres .results-jump');
            }
            """), "« Voir les N résultats » is the drawer's last stop");
        await page.Locator("#filtres .results-jump").FocusAsync();

        // Drawn where a thumb looks for it, at the foot of the screen, above the filters that scroll under it.
        var foot = await page.Locator("#filtres .drawer-foot").BoundingBoxAsync();
        Assert.True(Math.Abs(foot!.Y + foot.Height - Phone.Height) < 1, $"the way out ends at {foot.Y + foot.Height} px of {Phone.Height}");
        var last = await page.Locator("#filtres .facet").Last.BoundingBoxAsync();
        Assert.True(last!.Y > foot.Y, "the filters run on below the fold, under the way out");

        await page.Keyboard.PressAsync("Enter");
        Assert.False(await page.Locator("#filtres").IsVisibleAsync());
        await Assertions.Expect(page.Locator(".filters-jump")).ToBeFocusedAsync();
    }

    [SkippableFact]
    public async Task Closing_the_drawer_gives_the_page_back_to_taps_and_keys_at_once()
    {
        // The page behind stayed inert until the hashchange event, a task after the drawer was drawn shut: a tap on a
        // result's chip in that moment fell on the page's body (CI, session 34).
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Phone });
        await page.GotoAsync(site.BaseAddress + "/?q=insertion&regions=bretagne");

        foreach (var way in new[] { "document.querySelector('#filtres .drawer-close').click()", "document.querySelector('#filtres .results-jump').click()",
                     "document.querySelector('#filtres').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))" })
        {
            await page.ClickAsync(".filters-jump");
            // Opening makes the page inert at the hashchange, a task after the click: wait for the focus it gives then.
            await Assertions.Expect(page.Locator("#filters-title")).ToBeFocusedAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.results').inert"));
            var inert = await page.EvaluateAsync<string[]>($$"""
                () => {
                    {{way}};
                    const badge = document.querySelector('.hit .badge');
                    badge.scrollIntoView({ block: 'center' });
                    const r = badge.getBoundingClientRect();
                    return [...document.querySelectorAll('[inert]')].map(e => e.className)
                        .concat(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === badge ? [] : ['the first chip is out of reach']);
                }
                """);
            Assert.Empty(inert);
            Assert.False(await page.Locator("#filtres").IsVisibleAsync());
        }
    }

    [SkippableFact]
    public async Task Without_javascript_the_drawer_opens_and_applies_and_empty_fields_are_cleaned_by_the_server()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Phone, JavaScriptEnabled = false });
        await page.GotoAsync(site.BaseAddress + Search);

        await page.ClickAsync(".filters-jump");
        Assert.True(await page.Locator("#filtres").IsVisibleAsync());
        await page.ClickAsync("#filtres a[data-facet=domains][data-value=emploi-insertion]");
        await page.ArriveAtAsync(new Regex("domains=emploi-insertion&"));
        Assert.False(await page.Locator("#filtres").IsVisibleAsync());
        Assert.Equal("Filtrer (3)", (await page.TextContentAsync(".filters-jump"))!.Trim());

        // The form's empty fields and its pair of undated values reach the server, which redirects to the clean URL.
        await page.FillAsync("#q", "");
        await page.PressAsync("#q", "Enter");
        await page.ArriveAtAsync(new Regex(@"/\?domains=emploi-insertion&regions=hauts-de-france&year_from=2000$"));
    }

    [SkippableFact]
    public async Task With_javascript_the_form_writes_no_empty_field_into_the_url()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Desktop });
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync(site.BaseAddress + Search);

        await page.FillAsync("#q", "");
        await page.UncheckAsync("#undated");
        await page.ClickAsync("text=Appliquer les années");
        await page.ArriveAtAsync(new Regex(@"/\?regions=hauts-de-france&year_from=2000&undated=0$"));

        Assert.DoesNotContain(requested, url => Regex.IsMatch(url, @"[?&]\w+=(&|$)"));
        Assert.False(await page.IsCheckedAsync("#undated"));
    }

    [SkippableFact]
    public async Task On_a_phone_every_control_is_a_44_pixel_tap_target()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Phone });
        await page.GotoAsync(site.BaseAddress + "/?q=insertion&regions=bretagne");
        await page.ClickAsync(".filters-jump");

        var small = await Heights(page, ".brand, .site-nav a, #q, #sort, .search-row button, .filters-jump, .chip, .clear-all, .hit-title a, .pager a, " +
            ".footer-links a, #filtres .drawer-close, #filtres .facet-value, #filtres .family-toggle, #filtres .facet-more summary, " +
            "#filtres .undated, #filtres input[type=number], #filtres button, #filtres .results-jump", under: 44);
        Assert.Empty(small);

        // A result's chips are drawn 32 px high; their tap area reaches 44 px (22 px either side of the middle)
        // and stops short of the next row's.
        await page.ClickAsync(".drawer-close");
        var misses = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.hit .badge')].slice(0, 8).flatMap(b => {
                b.scrollIntoView({ block: 'center' });
                const r = b.getBoundingClientRect(), x = r.left + r.width / 2, middle = (r.top + r.bottom) / 2;
                return [middle - 21, middle + 21].filter(y => document.elementFromPoint(x, y) !== b).map(y => `${b.textContent} at ${y - middle}: ${document.elementFromPoint(x, y)?.textContent}`);
              })
            """);
        Assert.Empty(misses);
        Assert.Equal(32, await page.Locator(".hit .badge").First.EvaluateAsync<double>("b => b.getBoundingClientRect().height"));
    }

    /// <summary>
    /// The results' downloads stand in the header on a wide screen; on a phone they were hidden with nowhere else to be. There
    /// they come below the results, each a finger high, and lead to the same exports; no separator between them ends a line.
    /// </summary>
    [SkippableTheory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task The_exports_of_the_results_are_within_reach_at_both_widths(int width, int height)
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await page.GotoAsync(site.BaseAddress + Search);

        var links = page.Locator(".results-export a:visible");
        Assert.Equal(["CSV", "CSV pour tableur (;)", "JSON", "CSL-JSON (Zotero)", "Suivre (flux Atom)"],
            (await links.AllTextContentsAsync()).Select(t => t.Trim()));
        var lastHit = (await page.Locator(".hit").Last.BoundingBoxAsync())!;
        foreach (var link in await links.AllAsync())
        {
            var box = (await link.BoundingBoxAsync())!;
            if (width < 800)
            {
                Assert.True(box.Y > lastHit.Y + lastHit.Height, "on a phone, below the results");
                Assert.True(box.Height >= 44 && box.Width >= 24, $"« {await link.TextContentAsync()} » is {box.Width} × {box.Height} px");
            }
            else
            {
                Assert.True(box.Y < lastHit.Y, "on a wide screen, in the results' header");
            }
        }
        var csv = await page.APIRequest.GetAsync(site.BaseAddress + await links.First.GetAttributeAsync("href"));
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);

        // The line wrapped on a phone with a « · » typed between the links ending each line, and wide gaps. The links are a
        // list: on a phone a wrapping row apart by gaps, without separators; on a wide screen each separator drawn before its
        // link and kept on its line, so that none ends one.
        using var measured = System.Text.Json.JsonDocument.Parse(await page.EvaluateAsync<string>("""
            () => {
                const line = [...document.querySelectorAll('.results-export')].find(e => e.offsetParent !== null);
                const items = [...line.querySelectorAll('li')];
                // A separator stands in its link's item: an item on two lines would leave it at the end of one.
                return JSON.stringify({
                    typed: line.textContent.includes('·'),
                    links: items.length,
                    split: items.filter(li => new Set([...li.getClientRects()].map(r => Math.round(r.top))).size > 1).map(li => li.textContent),
                    drawn: items.slice(1).map(li => getComputedStyle(li, '::before').content),
                });
            }
            """));
        var root = measured.RootElement;

        Assert.False(root.GetProperty("typed").GetBoolean(), "a separator typed in the text");
        Assert.Equal(5, root.GetProperty("links").GetInt32());
        Assert.Empty(root.GetProperty("split").EnumerateArray());
        Assert.All(root.GetProperty("drawn").EnumerateArray(), d => Assert.Equal(width < 820 ? "none" : "\"· \"", d.GetString()));
    }

    [SkippableFact]
    public async Task On_a_phone_the_result_views_stand_under_the_order_line_without_a_gap_and_are_44_pixel_tap_targets()
    {
        // Drawn 44 px high, the statistics and map links left 30 px of blank under « Par pertinence · 1–20 · Trier par… ».
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Phone });
        await page.GotoAsync(site.BaseAddress + "/?q=mobilit%C3%A9%20solidaire%20en%20zone%20rurale");

        using var measured = System.Text.Json.JsonDocument.Parse(await page.EvaluateAsync<string>("""
            () => {
                const text = e => { const r = document.createRange(); r.selectNodeContents(e); return r.getBoundingClientRect(); };
                const order = document.querySelector('.results-range'), links = [...document.querySelectorAll('.results-views a')];
                const gap = text(links[0]).top - text(order).bottom;
                const misses = links.flatMap(a => {
                    const r = a.getBoundingClientRect(), x = r.left + r.width / 2, middle = (r.top + r.bottom) / 2;
                    return [middle - 21, middle + 21].filter(y => document.elementFromPoint(x, y) !== a).map(y => `${a.textContent} at ${y - middle}`);
                });
                // The order line's own link keeps its whole box: the tap areas under it do not cover it.
                const sort = order.querySelector('a').getBoundingClientRect();
                if (document.elementFromPoint(sort.left + 5, sort.bottom - 1) !== order.querySelector('a')) misses.push('the order line\'s link is covered');
                return JSON.stringify({ gap, misses });
            }
            """));

        Assert.Empty(measured.RootElement.GetProperty("misses").EnumerateArray().Select(m => m.GetString()));
        Assert.InRange(measured.RootElement.GetProperty("gap").GetDouble(), 0, 20);
    }

    [SkippableTheory]
    [InlineData("/carte?q=insertion")]
    [InlineData("/carte?niveau=departements&q=insertion")]
    [InlineData("/statistiques?q=insertion")]
    [InlineData("/exemples/wimoov-renault-mobilite-solidaire")]
    [InlineData("/themes/domaines/mobilite")]
    public async Task On_a_phone_the_way_back_and_the_rows_of_a_table_are_44_pixel_tap_targets(string path)
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Phone });
        await page.GotoAsync(site.BaseAddress + path);

        Assert.True(await page.Locator(".breadcrumb a").CountAsync() > 0, "the page has a way back");
        Assert.Empty(await Heights(page, ".breadcrumb a, .map-levels a, .map-table th a, .stat-table th a", under: 44));
    }

    /// <summary>
    /// A case's BibTeX and CSL-JSON wait behind « BibTeX et CSL-JSON (Zotero, JabRef…) », whose line was 22 px high on a phone:
    /// a finger high there, as the filters' « Voir plus », and a tap opens it.
    /// </summary>
    [SkippableFact]
    public async Task On_a_phone_the_citations_other_formats_open_with_a_44_pixel_tap()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Phone });
        await page.GotoAsync(site.BaseAddress + "/exemples/wimoov-renault-mobilite-solidaire");

        Assert.Equal(1, await page.Locator(".cite summary").CountAsync());
        Assert.Empty(await Heights(page, ".cite summary", under: 44));
        await page.ClickAsync(".cite summary");
        await Assertions.Expect(page.Locator("#cite-bib")).ToBeVisibleAsync();
    }

    [SkippableTheory]
    [InlineData("/?q=insertion")]
    [InlineData("/exemples/wimoov-renault-mobilite-solidaire")]
    [InlineData("/page-qui-n-existe-pas")]
    public async Task Form_controls_take_the_type_of_the_page_and_fields_are_16_pixels_at_least(string path)
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Phone });
        await page.GotoAsync(site.BaseAddress + path);

        // The browser's own was 13 px Arial; a field or a list under 16 px makes iOS zoom in when it is touched.
        var odd = await page.EvaluateAsync<string[]>("""
            () => {
                const family = getComputedStyle(document.body).fontFamily;
                return [...document.querySelectorAll('input:not([type=hidden]):not([type=checkbox]), select, button')].flatMap(e => {
                    const style = getComputedStyle(e);
                    const name = `${e.tagName}#${e.id}.${e.className}`;
                    return [
                        ...(style.fontFamily !== family ? [`${name}: ${style.fontFamily}`] : []),
                        ...(e.tagName !== 'BUTTON' && parseFloat(style.fontSize) < 16 ? [`${name}: ${style.fontSize}`] : []),
                    ];
                });
            }
            """);
        Assert.Empty(odd);
        Assert.True(await page.Locator("input, select, button").CountAsync() >= 2, "the page has a form");
    }

    [SkippableFact]
    public async Task A_newcomer_on_a_phone_is_told_what_the_site_holds_and_still_sees_the_first_case_on_the_first_screen()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var phone = await browser.NewPageAsync(new() { ViewportSize = Phone });
        var desktop = await browser.NewPageAsync(new() { ViewportSize = Desktop });
        await phone.GotoAsync(site.BaseAddress + "/");
        await desktop.GotoAsync(site.BaseAddress + "/");

        // The header's tagline has no room on a phone: the home page says it above its box, once on either screen.
        Assert.False(await phone.Locator(".tagline").IsVisibleAsync());
        Assert.Equal($"{ImpactAlliances.Web.Search.Wording.Tagline}.", (await phone.Locator(".home-intro").TextContentAsync())!.Trim());
        Assert.True(await phone.Locator(".home-intro").IsVisibleAsync());
        Assert.True((await phone.Locator(".hit-title").First.BoundingBoxAsync())!.Y + 20 < Phone.Height);
        Assert.True(await desktop.Locator(".tagline").IsVisibleAsync());
        Assert.False(await desktop.Locator(".home-intro").IsVisibleAsync());
        // Once searching, the results come first.
        await phone.GotoAsync(site.BaseAddress + "/?q=insertion");
        Assert.Equal(0, await phone.Locator(".home-intro").CountAsync());
    }

    [SkippableTheory]
    [InlineData(360, "/")]
    [InlineData(390, "/")]
    [InlineData(1366, "/")]
    [InlineData(390, "/page-qui-n-existe-pas")]
    public async Task The_search_box_shows_its_whole_placeholder(int width, string path)
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 844 } });
        await page.GotoAsync(site.BaseAddress + path);

        // On a phone the box's label and the help under it are hidden: what the placeholder says is all there is, cut it says less.
        var widths = await page.Locator("input[type=search]").EvaluateAsync<double[]>("""
            q => {
                const style = getComputedStyle(q, '::placeholder');
                const text = document.createElement('span');
                text.style.font = style.font;
                text.style.letterSpacing = style.letterSpacing;
                text.style.whiteSpace = 'pre';
                text.style.position = 'absolute';
                text.textContent = q.placeholder;
                document.body.append(text);
                const box = getComputedStyle(q);
                return [text.getBoundingClientRect().width, q.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight)];
            }
            """);
        Assert.True(widths[0] <= widths[1], $"the placeholder is {widths[0]} px wide in {widths[1]} px");
    }

    [SkippableFact]
    public async Task On_a_phone_the_api_parameters_fit_the_screen_without_scrolling_sideways()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Phone });
        await page.GotoAsync(site.BaseAddress + "/documentation-api");

        // A name such as partnership_types, unbroken, made the table 60 px wider than the screen: the descriptions scrolled.
        var widths = await page.Locator(".api-parameters").EvaluateAsync<double[]>("t => [t.getBoundingClientRect().width, t.parentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the table is {widths[0]} px wide in {widths[1]} px");
    }

    [SkippableFact]
    public async Task In_the_drawer_voir_plus_keeps_its_marker_and_the_space_before_its_count_and_names_its_facet()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Phone });
        await page.GotoAsync(site.BaseAddress + "/?q=insertion#filtres");
        var more = page.Locator("#filtres section:has(#facet-actors) .facet-more summary");

        // What a screen reader reads: the visible words and the hidden ones between them.
        Assert.Matches(@"^Voir plus d'acteurs \(\d+\)$", Regex.Replace((await more.TextContentAsync())!, @"\s+", " ").Trim());
        Assert.Equal("list-item", await more.EvaluateAsync<string>("s => getComputedStyle(s).display"));
        // The gap drawn between « plus » and « ( »: a space, not glued as a flex box's edges would have it.
        var gap = await more.EvaluateAsync<double>("""
            s => {
                const texts = [...s.childNodes].filter(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
                const box = (node, at) => { const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + 1); return r.getBoundingClientRect(); };
                const first = texts[0], last = texts[texts.length - 1];
                return box(last, last.textContent.indexOf('(')).left - box(first, first.textContent.lastIndexOf('s')).right;
            }
            """);
        Assert.True(gap >= 2, $"« plus » and its count are {gap} px apart");
        Assert.True((await more.BoundingBoxAsync())!.Height >= 44);
    }

    // A pasted address, and a word as long with no slash to break after.
    private const string LongUrl = "https%3A%2F%2Fwww.exemple.fr%2Fune%2Ftres%2Flongue%2Fadresse%2Fsans%2Fespace%2Faucune%2Fpour%2Ftester";
    private const string LongWord = "wwwexemplefrunetreslongueadressesansespaceaucunepourtesterwwwexemplefrune";

    [SkippableTheory]
    [InlineData("/?q=" + LongUrl)]
    [InlineData("/statistiques?q=" + LongUrl)]
    [InlineData("/carte?q=" + LongUrl)]
    [InlineData("/statistiques?q=" + LongWord)]
    [InlineData("/carte?q=" + LongWord)]
    [InlineData("/?q=insertion&regions=" + LongUrl)]
    public async Task On_a_phone_a_long_unbroken_query_wraps_instead_of_widening_the_page(string path)
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Phone });
        await page.GotoAsync(site.BaseAddress + path);

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var wide = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('h1, p, li, .hit')].filter(e => e.getBoundingClientRect().right > innerWidth)
              .slice(0, 5).map(e => `${e.tagName}.${e.className}: ${Math.round(e.getBoundingClientRect().right)}`)
            """);

        Assert.True(width <= Phone.Width, $"the page is {width} px wide: {string.Join(", ", wide)}");
        Assert.Empty(wide);
    }

    [SkippableFact]
    public async Task The_statistics_links_are_44_pixel_tap_targets_on_a_phone_and_text_high_on_a_wide_screen()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var phone = await browser.NewPageAsync(new() { ViewportSize = Phone });
        var desktop = await browser.NewPageAsync(new() { ViewportSize = Desktop });
        const string Links = ".stats-toc a, .stat-table th a, .footer-links a";
        await phone.GotoAsync(site.BaseAddress + "/statistiques?q=insertion");
        await desktop.GotoAsync(site.BaseAddress + "/statistiques?q=insertion");
        var results = await browser.NewPageAsync(new() { ViewportSize = Desktop });
        await results.GotoAsync(site.BaseAddress + "/?q=insertion");

        Assert.True(await phone.Locator(".stat-table th a").CountAsync() > 20);
        Assert.Empty(await Heights(phone, Links, under: 44));
        // On a wide screen, with a mouse, they keep the height of their text: the tables stay compact.
        Assert.Empty(await Heights(desktop, Links, over: 30));
        Assert.Empty(await Heights(results, ".results-views a, .footer-links a", over: 30));
    }

    /// <summary>
    /// A cross table's count leads to its cases. On a phone only the digits' line took the tap, 22 px high, in a cell wider than
    /// it and often twice as high: there the whole cell is the link, a finger high. On a wide screen the tables stay compact.
    /// </summary>
    [SkippableFact]
    public async Task On_a_phone_a_count_of_a_cross_table_takes_the_tap_on_its_whole_cell()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var phone = await browser.NewPageAsync(new() { ViewportSize = Phone });
        var desktop = await browser.NewPageAsync(new() { ViewportSize = Desktop });
        await phone.GotoAsync(site.BaseAddress + "/statistiques?q=insertion");
        await desktop.GotoAsync(site.BaseAddress + "/statistiques?q=insertion");

        Assert.True(await phone.Locator(".matrix td a").CountAsync() > 50);
        Assert.Empty(await Heights(phone, ".matrix td a", under: 44));
        // Across a cell (the row's sticky heading may lie over its first pixels) and 20 px above and below its middle, a tap
        // lands on the count's link.
        var misses = await phone.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.matrix td a')].filter((a, i) => i % 7 === 0).flatMap(a => {
                const cell = a.parentElement;
                cell.scrollIntoView({ block: 'center', inline: 'end' });
                const r = cell.getBoundingClientRect(), middle = (r.top + r.bottom) / 2;
                return [[r.left + 10, middle], [r.right - 10, middle], [(r.left + r.right) / 2, middle - 20], [(r.left + r.right) / 2, middle + 20]]
                  .filter(([x, y]) => document.elementFromPoint(x, y) !== a)
                  .map(([x, y]) => `${a.dataset.row} × ${a.dataset.column} at ${Math.round(x - r.left)}, ${Math.round(y - r.top)} of ${Math.round(r.width)} × ${Math.round(r.height)}`);
              }).filter((miss, i, all) => i < 8)
            """);
        Assert.Empty(misses);
        Assert.Empty(await Heights(desktop, ".matrix td a", over: 30));
    }

    [SkippableTheory]
    [InlineData("/?q=insertion", ".results-views a")]
    [InlineData("/exemples/wimoov-renault-mobilite-solidaire", ".case-updated a, .organisations a")]
    [InlineData("/statistiques?q=insertion", ".stats-downloads a")]
    public async Task On_a_phone_links_inside_a_line_are_24_pixel_targets(string path, string selectors)
    {
        // WCAG 2.2 target size: « Statistiques de ces résultats », a case's actor links and the statistics' « CSV » were 16 or 17 px high.
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Phone });
        await page.GotoAsync(site.BaseAddress + path);

        Assert.True(await page.Locator(selectors).CountAsync() > 0, "the page has such links");
        Assert.Empty(await Heights(page, selectors, under: 24));
        // Their whole box takes the tap, on each line of a link that wraps: no neighbour's line is drawn over its padding.
        var misses = await page.EvaluateAsync<string[]>("""
            selectors => [...document.querySelectorAll(selectors)].flatMap(a => {
                a.scrollIntoView({ block: 'center' });
                return [...a.getClientRects()].flatMap(r => {
                    const x = r.left + r.width / 2, middle = (r.top + r.bottom) / 2;
                    return [middle - 11.5, middle + 11.5].filter(y => !a.contains(document.elementFromPoint(x, y))).map(y => `${a.textContent} at ${y - middle}`);
                });
              })
            """, selectors);
        Assert.Empty(misses);
    }

    // The visible elements matching the selectors whose height is under or over a bound, with their height.
    private static Task<string[]> Heights(IPage page, string selectors, double under = 0, double over = double.MaxValue) =>
        page.EvaluateAsync<string[]>("""
            ([selectors, under, over]) => [...document.querySelectorAll(selectors)]
              .filter(e => e.getClientRects().length > 0 && (e.getBoundingClientRect().height < under || e.getBoundingClientRect().height > over))
              .map(e => `${e.className || e.id || e.tagName} « ${e.textContent.trim().slice(0, 30)} »: ${e.getBoundingClientRect().height}`)
            """, new object[] { selectors, under, over });

    [SkippableFact]
    public async Task Dark_mode_swaps_the_colours()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var light = await browser.NewPageAsync(new() { ViewportSize = Desktop, ColorScheme = ColorScheme.Light });
        var dark = await browser.NewPageAsync(new() { ViewportSize = Desktop, ColorScheme = ColorScheme.Dark });
        await light.GotoAsync(site.BaseAddress + Search);
        await dark.GotoAsync(site.BaseAddress + Search);

        const string Colours = "() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.querySelector('.hit')).backgroundColor, getComputedStyle(document.querySelector('.hit-title a')).color]";
        var day = await light.EvaluateAsync<string[]>(Colours);
        var night = await dark.EvaluateAsync<string[]>(Colours);

        Assert.Equal(["rgb(245, 246, 248)", "rgb(255, 255, 255)", "rgb(26, 79, 160)"], day);
        Assert.Equal(["rgb(17, 20, 26)", "rgb(26, 31, 40)", "rgb(141, 180, 255)"], night);
    }

    [SkippableFact]
    public async Task A_case_prints_alone_with_its_links_addresses_written_out()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = Desktop });
        await page.GotoAsync(site.BaseAddress + "/exemples/wimoov-renault-mobilite-solidaire");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        var hidden = await page.EvaluateAsync<string[]>("() => ['.site-nav', '.breadcrumb', '.related', '.cite details', '.copy', '#corriger'].filter(s => document.querySelector(s)).map(s => getComputedStyle(document.querySelector(s)).display)");
        // The citation prints, for a researcher who cites the case from paper; the correction box, a screen's control, does not.
        var citation = await page.EvaluateAsync<string[]>("() => ['.cite', '#cite-fr'].map(s => getComputedStyle(document.querySelector(s)).display)");
        var sources = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.source-url')].map(e => getComputedStyle(e).display === 'block' ? e.textContent : '')");
        // The content has no link in a case's text yet: one is added as Markdown would render it.
        var bodyLink = await page.EvaluateAsync<string>("""
            () => {
                const a = Object.assign(document.createElement('a'), { href: 'https://example.org/rapport', textContent: 'le rapport' });
                document.querySelector('.case-body p').append(' ', a);
                return getComputedStyle(a, '::after').content;
            }
            """);
        var sourceLink = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.case-sources a[href]'), '::after').content");

        Assert.Equal(6, hidden.Length);
        Assert.All(hidden, display => Assert.Equal("none", display));
        Assert.Equal(["block", "block"], citation);
        Assert.NotEmpty(sources);
        Assert.All(sources, url => Assert.StartsWith("http", url));
        Assert.Equal("\" (https://example.org/rapport)\"", bodyLink);
        Assert.Equal("none", sourceLink);
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).backgroundColor"));
    }
}
