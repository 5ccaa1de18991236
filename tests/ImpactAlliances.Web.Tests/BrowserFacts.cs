using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImpactAlliances.Web.Tests;

/// <summary>The site on a real Kestrel port, for a real browser.</summary>
public sealed class KestrelSiteFactory : SiteFactory
{
    public KestrelSiteFactory()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public string BaseAddress { get; }
}

/// <summary>
/// End to end in headless Chromium (Debian's, at /usr/bin/chromium). Outside CI a missing browser skips
/// these tests with the reason; in CI (CI=true) it fails them.
/// </summary>
public sealed class BrowserFacts(KestrelSiteFactory site) : IClassFixture<KestrelSiteFactory>
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [SkippableFact]
    public async Task A_visitor_searches_filters_opens_a_case_and_comes_back()
    {
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync();
        var facetCount = page.Locator("a[data-facet=actors][data-value=entreprise] .facet-count");

        await page.GotoAsync(site.BaseAddress);
        await page.FillAsync("#q", "insertion");
        await page.PressAsync("#q", "Enter");
        await page.ArriveAtAsync(new Regex(@"\?q=insertion"));
        var totalBefore = await page.TextContentAsync("#results-count");
        var entreprisesBefore = await facetCount.TextContentAsync();

        await page.ClickAsync("a[data-facet=domains][data-value=emploi-insertion]");
        await page.ArriveAtAsync(new Regex("domains=emploi-insertion"));

        Assert.NotEqual(totalBefore, await page.TextContentAsync("#results-count"));
        Assert.NotEqual(entreprisesBefore, await facetCount.TextContentAsync());
        Assert.Contains("is-selected", await page.GetAttributeAsync("a[data-facet=domains][data-value=emploi-insertion]", "class"));
        Assert.True(await page.Locator("a[data-facet=domains]").CountAsync() > 1, "the other domains keep their counts");

        var firstHit = page.Locator(".hit-title a").First;
        var title = (await firstHit.TextContentAsync())!.Trim();
        await firstHit.ClickAsync();
        await page.ArriveAtAsync(new Regex("/exemples/"));
        Assert.Equal(title, (await page.TextContentAsync("h1"))!.Trim());

        await page.GoBackAsync(new PageGoBackOptions { WaitUntil = WaitUntilState.Commit });
        await page.ArriveAtAsync(new Regex(@"\?q=insertion&domains=emploi-insertion"));
        Assert.Equal("insertion", await page.InputValueAsync("#q"));
        Assert.Contains("is-selected", await page.GetAttributeAsync("a[data-facet=domains][data-value=emploi-insertion]", "class"));

        // The case's own way back leads to the results it was opened from, not to the home page, at the result opened.
        var slug = (await firstHit.GetAttributeAsync("href"))!["/exemples/".Length..];
        await firstHit.ClickAsync();
        await page.ArriveAtAsync(new Regex("/exemples/"));
        var back = page.Locator(".breadcrumb a");
        await Assertions.Expect(back).ToHaveTextAsync("Retour aux résultats");
        await back.ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/\?q=insertion&domains=emploi-insertion#cas-" + Regex.Escape(slug) + "$"));
        Assert.Contains("is-selected", await page.GetAttributeAsync("a[data-facet=domains][data-value=emploi-insertion]", "class"));
    }

    /// <summary>
    /// « Retour aux résultats » led to the top of the results, however far down the list the case was opened: it lands on
    /// that result, in sight and outlined (the browser's own back keeps its scroll), on a phone and on a wide screen.
    /// </summary>
    [SkippableTheory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task The_way_back_from_a_case_lands_on_the_result_opened(int width, int height)
    {
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await page.GotoAsync($"{site.BaseAddress}/?q=insertion");
        var hit = page.Locator(".hit-title a").Nth(11);
        var title = (await hit.TextContentAsync())!.Trim();
        await hit.ClickAsync();
        await page.ArriveAtAsync(new Regex("/exemples/"));
        var back = page.Locator(".breadcrumb a");
        await Assertions.Expect(back).ToHaveTextAsync("Retour aux résultats");
        await back.ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/\?q=insertion#cas-[a-z0-9-]+$"));

        var opened = page.Locator(".hit:target .hit-title");
        Assert.Equal(title, (await opened.TextContentAsync())!.Trim());
        var box = (await opened.BoundingBoxAsync())!;
        Assert.True(box.Y >= 0 && box.Y + box.Height <= height, $"the result opened is at {box.Y}–{box.Y + box.Height} px of {height}");
    }

    /// <summary>
    /// A case opened from a related case (« Exemples proches ») still leads back to the search: the browser's back button
    /// returns to the case before, this link to the results the reader started from. The same case reached from
    /// elsewhere in the same tab leads to every case again.
    /// </summary>
    [SkippableFact]
    public async Task A_related_case_still_leads_back_to_the_search_the_reader_came_from()
    {
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{site.BaseAddress}/?q=insertion&regions=bretagne");
        var opened = (await page.GetAttributeAsync(".hit-title a >> nth=0", "href"))!["/exemples/".Length..];
        await page.ClickAsync(".hit-title a >> nth=0");
        await page.ArriveAtAsync(new Regex("/exemples/"));
        var related = await page.GetAttributeAsync(".related-list a >> nth=0", "href");
        await page.ClickAsync(".related-list a >> nth=0");
        await page.ArriveAtAsync(new Regex(Regex.Escape(related!) + "$"));

        var back = page.Locator(".breadcrumb a");
        await Assertions.Expect(back).ToHaveTextAsync("Retour aux résultats");
        await back.ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/\?q=insertion&regions=bretagne#cas-" + Regex.Escape(opened) + "$"));

        await page.GotoAsync($"{site.BaseAddress}{related}");
        await page.ArriveAtAsync(new Regex(Regex.Escape(related!) + "$"));
        Assert.Equal("Tous les exemples", (await back.TextContentAsync())!.Trim());
        Assert.Equal("/", await back.GetAttributeAsync("href"));
    }

    /// <summary>Reached from elsewhere (a link shared, a search engine), a case leads to every case.</summary>
    [SkippableFact]
    public async Task A_case_reached_from_elsewhere_leads_back_to_every_case()
    {
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{site.BaseAddress}/exemples/wimoov-renault-mobilite-solidaire");
        await page.ArriveAtAsync(new Regex("/exemples/wimoov-renault-mobilite-solidaire$"));

        Assert.Equal("Tous les exemples", (await page.TextContentAsync(".breadcrumb a"))!.Trim());
        Assert.Equal("/", await page.GetAttributeAsync(".breadcrumb a", "href"));
    }

    [SkippableFact]
    public async Task On_a_phone_the_first_result_is_on_the_first_screen_and_the_filters_a_tap_away()
    {
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });

        await page.GotoAsync($"{site.BaseAddress}/?q=aide%20alimentaire&regions=hauts-de-france");

        var first = await page.Locator(".hit-title").First.BoundingBoxAsync();
        Assert.True(first!.Y + 20 < 844, $"the first result starts at {first.Y} px");
        var jump = page.Locator(".filters-jump");
        Assert.Equal("Filtrer (1)", (await jump.TextContentAsync())!.Trim());
        Assert.True((await jump.BoundingBoxAsync())!.Height >= 44);
        await jump.ClickAsync();
        Assert.True(await page.Locator("#filtres").IsVisibleAsync());
        await page.ClickAsync(".results-jump");
        Assert.Matches(@"^Voir les \d+ résultats?$", (await page.TextContentAsync(".results-jump"))!.Trim());
    }

    /// <summary>
    /// A search may bring a correction, a widened search's note and a place to filter on, all above the results: on a phone
    /// they left the first result's title below the first screen (at 839 px of 844 for the last query). Every notice is
    /// still there, in one box, and the title is whole on the first screen.
    /// </summary>
    [SkippableTheory]
    [InlineData("mobilité solidaire en zone rurale", 1)]
    [InlineData("entreprises et associations pour l'emploi des jeunes à Marseille", 2)]
    [InlineData("mobilité solidiare", 2)]
    [InlineData("entreprises et asociations pour l'emploi des jeunes à Marseille", 3)]
    public async Task On_a_phone_the_notices_leave_the_first_result_on_the_first_screen(string query, int notices)
    {
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync($"{site.BaseAddress}/?q={Uri.EscapeDataString(query)}");

        var shown = page.Locator(".notices > p");
        Assert.Equal(notices, await shown.CountAsync());
        foreach (var notice in await shown.AllAsync())
        {
            var box = await notice.BoundingBoxAsync();
            Assert.True(box!.Y + box.Height <= 844, $"« {(await notice.TextContentAsync())!.Trim()} » ends at {box.Y + box.Height} px");
        }
        var title = await page.Locator(".hit-title").First.BoundingBoxAsync();
        Assert.True(title!.Y + title.Height <= 844, $"the first result's title runs from {title.Y} to {title.Y + title.Height} px");
    }

    [SkippableTheory]
    [InlineData("/themes", ".breadcrumb a, .theme-list a")]
    [InlineData("/themes/domaines/mobilite", ".breadcrumb a")]
    [InlineData("/exemples/wimoov-renault-mobilite-solidaire", ".breadcrumb a")]
    [InlineData("/documentation-api", ".breadcrumb a")]
    [InlineData("/exemples/nope", ".error-page a:not(.skip-link)")]
    public async Task On_a_phone_the_links_that_stand_alone_are_a_finger_high(string path, string links)
    {
        // The way back to every case (« Tous les exemples », « Voir tous les exemples ») and the list of themes are what a
        // thumb taps on these pages; the header's « Rechercher » is hidden at this width.
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync($"{site.BaseAddress}{path}");

        var all = await page.Locator(links).AllAsync();
        Assert.NotEmpty(all);
        foreach (var link in all)
        {
            var box = await link.BoundingBoxAsync();
            Assert.True(box!.Height >= 44, $"{path}: « {(await link.TextContentAsync())!.Trim()} » is {box.Height} px high");
        }
    }

    [SkippableFact]
    public async Task On_a_wide_screen_the_filters_stand_beside_the_results()
    {
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });

        await page.GotoAsync($"{site.BaseAddress}/?q=mobilit%C3%A9");

        var facets = await page.Locator("#filtres").BoundingBoxAsync();
        var first = await page.Locator(".hit-title").First.BoundingBoxAsync();
        Assert.True(facets!.X + facets.Width <= first!.X, "filters on the left of the results");
        Assert.True(first.Y < 900);
        Assert.False(await page.Locator(".filters-jump").IsVisibleAsync());
    }

    [SkippableTheory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task A_region_clicked_on_the_map_filters_the_results_to_its_count(int width, int height)
    {
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await page.GotoAsync($"{site.BaseAddress}/?domains=emploi-insertion");
        await page.ClickAsync("text=Carte de ces résultats");
        await page.ArriveAtAsync(new Regex(@"/carte\?domains=emploi-insertion$"));

        var region = page.Locator(".france-map a[data-value=bretagne]");
        var label = await region.GetAttributeAsync("aria-label");
        var count = int.Parse(Regex.Match(label!, @"^Bretagne : (\d+) exemples?$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), (await page.TextContentAsync("tr:has(a:text-is('Bretagne')) td"))!.Trim());
        await region.ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/\?domains=emploi-insertion&regions=bretagne$"));

        await Assertions.Expect(page.Locator("#results-count")).ToHaveTextAsync($"{count} exemple{(count > 1 ? "s" : "")}", new() { Timeout = Navigation.Patience });
        await Assertions.Expect(page.Locator("a[data-facet=regions][data-value=bretagne]")).ToHaveClassAsync(new Regex(@"\bis-selected\b"), new() { Timeout = Navigation.Patience });
        // The selected region opens onto its départements.
        await Assertions.Expect(page.Locator("a[data-facet=departments][data-value='35']")).ToHaveCountAsync(1, new() { Timeout = Navigation.Patience });
    }

    [SkippableFact]
    public async Task A_researcher_opens_the_statistics_clicks_a_matrix_cell_and_sees_its_cases()
    {
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{site.BaseAddress}/?q=insertion");
        await page.ClickAsync("text=Statistiques de ces résultats");
        await page.ArriveAtAsync(new Regex(@"/statistiques\?q=insertion$"));

        var cell = page.Locator("#matrix-actors-domains a[data-row=emploi-insertion][data-column=entreprise]");
        var count = int.Parse((await cell.TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await cell.ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/\?q=insertion&actors=entreprise&domains=emploi-insertion$"));

        Assert.True(count > 1, $"{count} cases in the cell");
        Assert.Equal($"{count} exemples pour « insertion »", Regex.Replace((await page.TextContentAsync("#results-count"))!, @"\s+", " ").Trim());
        Assert.Contains("is-selected", await page.GetAttributeAsync("a[data-facet=actors][data-value=entreprise]", "class"));
        Assert.Contains("is-selected", await page.GetAttributeAsync("a[data-facet=domains][data-value=emploi-insertion]", "class"));
    }

    [SkippableFact]
    public async Task A_case_containing_script_runs_nothing_in_the_browser()
    {
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync($"{site.BaseAddress}/exemples/{SiteFactory.HostileSlug}");
        await page.HoverAsync("text=survol");
        foreach (var link in await page.Locator(".case-body a").AllAsync())
        {
            await link.ClickAsync();
        }

        Assert.Equal(0, dialogs);
        Assert.Null(await page.EvaluateAsync<bool?>("() => window.hacked"));
    }

    [SkippableTheory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task A_theme_page_searches_within_its_theme(int width, int height)
    {
        // A practitioner on the theme Mobilité who wanted « … à Lyon » had to go back to the home page and choose it again.
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await page.GotoAsync($"{site.BaseAddress}/themes/domaines/mobilite");
        var label = page.Locator(".theme-search .search-label");
        var box = page.Locator(".theme-search input[type=search]");

        Assert.True(await label.IsVisibleAsync(), "the box says which theme it searches, on a phone too");
        Assert.Equal("Rechercher dans « Mobilité »", Regex.Replace((await label.TextContentAsync())!, @"\s+", " ").Trim());
        var boxTop = (await box.BoundingBoxAsync())!;
        Assert.True(boxTop.Y + boxTop.Height < height, $"the box ends at {boxTop.Y + boxTop.Height} px of {height}");

        await box.FillAsync("Lyon");
        await box.PressAsync("Enter");
        await page.ArriveAtAsync(new Regex(@"/\?q=Lyon&domains=mobilite$"));

        Assert.Contains("is-selected", await page.GetAttributeAsync("a[data-facet=domains][data-value=mobilite]", "class"));
        Assert.Equal("Lyon", await page.InputValueAsync("#q"));
    }

    /// <summary>
    /// A whole path by keyboard alone on a phone, each stop with its focus drawn on the screen: to the box, a search, the
    /// filters drawer, a facet value, back to the results, a case, and back.
    /// </summary>
    [SkippableFact]
    public async Task On_a_phone_a_keyboard_alone_searches_filters_opens_a_case_and_comes_back_with_the_focus_in_sight()
    {
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync(site.BaseAddress);

        await TabToAsync(page, "#q", 4);
        await page.Keyboard.TypeAsync("mobilité solidaire");
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAtAsync(new Regex(@"/\?q=mobilit%C3%A9\+solidaire$"));

        await TabToAsync(page, ".filters-jump", 8);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#filters-title")).ToBeFocusedAsync();
        await TabToAsync(page, "a.facet-value[data-facet=actors][data-value=entreprise]", 15);
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAtAsync(new Regex(@"actors=entreprise#filtres$"));
        // On the new page the drawer stays open and the focus starts in it, at its title: the browser had given it to the
        // drawer itself, whose outline lay off the screen.
        await Assertions.Expect(page.Locator("#filters-title")).ToBeFocusedAsync(new() { Timeout = Navigation.Patience });
        await FocusInSightAsync(page);

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator(".filters-jump")).ToBeFocusedAsync();
        var first = await TabToAsync(page, ".hit-title a", 10);
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAtAsync(new Regex("/exemples/"));
        Assert.Equal(first, (await page.TextContentAsync("h1"))!.Trim());
        await TabToAsync(page, ".breadcrumb a", 5);
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAtAsync(new Regex(@"/\?q=mobilit%C3%A9%20solidaire&actors=entreprise#cas-[a-z0-9-]+$"));
        Assert.Contains("is-selected", await page.GetAttributeAsync("a[data-facet=actors][data-value=entreprise]", "class"));
    }

    /// <summary>Presses Tab until <paramref name="selector"/> has the focus, at most <paramref name="most"/> times, each stop in sight; the text of the element reached.</summary>
    private static async Task<string> TabToAsync(IPage page, string selector, int most)
    {
        for (var i = 0; i < most; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            await FocusInSightAsync(page);
            if (await page.EvaluateAsync<bool>("s => document.activeElement.matches(s)", selector))
            {
                return (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim();
            }
        }
        Assert.Fail($"{selector} not reached in {most} presses of Tab; the focus is on {await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 120)")}");
        return "";
    }

    /// <summary>The focused element is on the screen, with an outline drawn around it.</summary>
    private static async Task FocusInSightAsync(IPage page)
    {
        var focus = await page.EvaluateAsync<string>("""
            () => {
                const e = document.activeElement, r = e.getBoundingClientRect(), style = getComputedStyle(e);
                const seen = r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
                return seen && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 ? '' : `${e.outerHTML.slice(0, 120)} at ${r.top}–${r.bottom}, outline ${style.outlineStyle} ${style.outlineWidth}`;
            }
            """);
        Assert.True(focus.Length == 0, $"focus out of sight: {focus}");
    }

    // One Playwright driver (a node process) for the whole run: one per browser, never disposed, left a driver behind
    // for every browser test. It ends with the test process, which holds its input.
    private static readonly Lazy<Task<IPlaywright>> Driver = new(Playwright.CreateAsync);

    internal static async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var reason = $"Chromium not found at {ChromiumPath}; install Debian's 'chromium' package to run browser tests.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(reason);
            }
            Console.WriteLine($"Skipped: {reason}");
            Skip.If(true, reason);
        }
        var playwright = await Driver.Value;
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in a container has no sandbox; the rest keeps Chromium off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }
}
