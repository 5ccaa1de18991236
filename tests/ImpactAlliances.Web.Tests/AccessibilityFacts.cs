using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ImpactAlliances.Web.Tests;

/// <summary>Automated accessibility audits (axe-core) and keyboard-only use, in headless Chromium.</summary>
public sealed class AccessibilityFacts(KestrelSiteFactory site) : IClassFixture<KestrelSiteFactory>
{
    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/?q=mobilit%C3%A9&domains=mobilite")]
    [InlineData("/?q=mobilt%C3%A9")]
    [InlineData("/?q=insertion&regions=corse&scales=international")]
    [InlineData("/exemples/wimoov-renault-mobilite-solidaire")]
    [InlineData("/themes")]
    [InlineData("/themes/domaines/mobilite")]
    [InlineData("/exemples/page-qui-n-existe-pas")]
    [InlineData("/documentation-api")]
    [InlineData("/donnees")]
    [InlineData("/mentions-legales")]
    [InlineData("/accessibilite")]
    public async Task Pages_pass_an_axe_audit(string path) => await Audit(path, new());

    [SkippableTheory]
    [InlineData("/statistiques", 1366, 900)]
    [InlineData("/statistiques", 390, 844)]
    [InlineData("/statistiques?q=insertion&actors=entreprise&year_from=2005", 1366, 900)]
    [InlineData("/statistiques?q=insertion&actors=entreprise&year_from=2005", 390, 844)]
    public async Task The_statistics_pass_an_axe_audit_on_a_wide_screen_and_a_phone(string path, int width, int height) =>
        await Audit(path, new() { ViewportSize = new() { Width = width, Height = height } });

    [SkippableTheory]
    [InlineData("/carte", 1366, 900)]
    [InlineData("/carte", 390, 844)]
    [InlineData("/carte?niveau=departements&domains=emploi-insertion&regions=bretagne", 1366, 900)]
    [InlineData("/carte?niveau=departements&domains=emploi-insertion&regions=bretagne", 390, 844)]
    [InlineData("/?regions=bretagne&departments=35", 390, 844)]
    public async Task The_map_and_the_territory_filters_pass_an_axe_audit_at_both_widths(string path, int width, int height) =>
        await Audit(path, new() { ViewportSize = new() { Width = width, Height = height } });

    [SkippableTheory]
    [InlineData("/", 390, false)]
    [InlineData("/?q=insertion&regions=bretagne&year_from=2000#filtres", 390, false)]
    [InlineData("/?q=insertion&regions=bretagne&year_from=2000#filtres", 390, true)]
    [InlineData("/?q=mobilit%C3%A9&domains=mobilite", 390, true)]
    [InlineData("/?q=mobilit%C3%A9&domains=mobilite", 1366, true)]
    [InlineData("/?regions=bretagne&departments=35#filtres", 390, true)]
    [InlineData("/exemples/wimoov-renault-mobilite-solidaire", 390, false)]
    [InlineData("/exemples/wimoov-renault-mobilite-solidaire", 1366, true)]
    [InlineData("/themes/domaines/mobilite", 390, true)]
    [InlineData("/exemples/page-qui-n-existe-pas", 390, true)]
    [InlineData("/statistiques?q=insertion&actors=entreprise", 390, true)]
    [InlineData("/carte?q=insertion", 1366, true)]
    public async Task Pages_pass_an_axe_audit_on_a_phone_with_the_drawer_open_and_in_dark_mode(string path, int width, bool dark) =>
        await Audit(path, new()
        {
            ViewportSize = new() { Width = width, Height = width < 820 ? 844 : 900 },
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
        });

    private async Task Audit(string path, BrowserNewPageOptions options)
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        // axe is injected as a script of its own: the test lets it past the site's Content-Security-Policy.
        options.BypassCSP = true;
        var page = await browser.NewPageAsync(options);
        await page.GotoAsync(site.BaseAddress + path);

        var result = await page.RunAxe();

        var report = new StringBuilder();
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"{violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes.Take(3))
            {
                report.AppendLine($"  {node.Target}: {node.Html}");
            }
        }
        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0, report.ToString());
    }

    [SkippableFact]
    public async Task Suggestions_work_with_the_keyboard_alone()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.BaseAddress);

        await TypeAndListAsync(page, "wimoov");
        var listbox = page.Locator("#q-suggestions");
        Assert.Equal("true", await page.GetAttributeAsync("#q", "aria-expanded"));
        Assert.Equal("combobox", await page.GetAttributeAsync("#q", "role"));

        await page.Keyboard.PressAsync("ArrowDown");
        var activeId = await page.GetAttributeAsync("#q", "aria-activedescendant");
        Assert.NotNull(activeId);
        Assert.Equal("true", await page.GetAttributeAsync($"#{activeId}", "aria-selected"));
        var label = await page.Locator($"#{activeId} .suggestion-label").TextContentAsync();

        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("false", await page.GetAttributeAsync("#q", "aria-expanded"));
        await page.Keyboard.PressAsync("ArrowDown");
        await listbox.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAtAsync(new Regex("(/exemples/|[?&](q|actors|domains)=)"));
        Assert.False(string.IsNullOrEmpty(label));
    }

    /// <summary>
    /// Types <paramref name="text"/> in the search box and waits for its list: the kind and label of each suggestion. A pause
    /// between two keys longer than the debounce asks for the text typed so far too: its list may show before the whole
    /// text's, which then replaces it. The keys are pressed once the whole text's list is there.
    /// </summary>
    private static async Task<List<(string? Kind, string? Label)>> TypeAndListAsync(IPage page, string text)
    {
        await page.FocusAsync("#q");
        var answered = page.WaitForResponseAsync(response => response.Url.Contains("/api/suggest?") && response.Url.Contains($"q={WebUtility.UrlEncode(text)}"));
        await page.Keyboard.TypeAsync(text, new() { Delay = 30 });
        var suggestions = (await (await answered).JsonAsync())!.Value.GetProperty("suggestions").EnumerateArray()
            .Select(suggestion => (suggestion.GetProperty("kind").GetString(), suggestion.GetProperty("label").GetString())).ToList();
        await Assertions.Expect(page.Locator("#q-suggestions .suggestion-label")).ToHaveTextAsync(suggestions.Select(s => s.Item2!).ToArray());
        return suggestions;
    }

    /// <summary>
    /// A newcomer typing « emploi des jeunes à Mars » is offered Marseille, the commune: the arrow keys reach it, Enter
    /// searches the words typed with the commune's name in place of the last one.
    /// </summary>
    [SkippableFact]
    public async Task A_commune_chosen_with_the_keyboard_completes_the_last_word_and_keeps_the_others()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.BaseAddress);

        var suggestions = await TypeAndListAsync(page, "emploi des jeunes à Mars");
        var at = suggestions.IndexOf(("commune", "Marseille"));
        Assert.True(at >= 0, string.Join(", ", suggestions));

        for (var i = 0; i <= at; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }
        var active = await page.GetAttributeAsync("#q", "aria-activedescendant");
        await Assertions.Expect(page.Locator($"#{active} .suggestion-label")).ToHaveTextAsync("Marseille");
        await Assertions.Expect(page.Locator($"#{active} .suggestion-detail")).ToHaveTextAsync(new Regex(@"^Commune · \d+ exemples situés$"));
        await page.Keyboard.PressAsync("Enter");

        await page.ArriveAtAsync(new Regex(@"\?q=emploi%20des%20jeunes%20%C3%A0%20Marseille$"));
        await Assertions.Expect(page.Locator("#q")).ToHaveValueAsync("emploi des jeunes à Marseille");
    }

    /// <summary>
    /// A newcomer typing « mécénat de comp » is offered the phrase the cases write first, with their number: the arrow key
    /// reaches it, Enter searches it as a phrase. On a phone the list, its labels and their details, stays within the screen.
    /// </summary>
    [SkippableTheory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task A_phrase_chosen_with_the_keyboard_searches_it_quoted(int width)
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 844 } });
        await page.GotoAsync(site.BaseAddress);

        var suggestions = await TypeAndListAsync(page, "mécénat de comp");
        Assert.Equal(("phrase", "mécénat de compétences"), suggestions[0]);
        await Assertions.Expect(page.Locator("#q-suggestions-0 .suggestion-detail")).ToHaveTextAsync(new Regex(@"^Expression · \d+ exemples$"));
        var overflow = await page.EvaluateAsync<double>(
            "() => Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll('#q-suggestions, #q-suggestions [role=option] > span')].map(e => e.getBoundingClientRect().right)) - window.innerWidth");
        Assert.True(overflow <= 0, $"the list runs {overflow} px past a {width} px wide screen");

        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#q")).ToHaveAttributeAsync("aria-activedescendant", "q-suggestions-0");
        await page.Keyboard.PressAsync("Enter");

        await page.ArriveAtAsync(new Regex(@"\?q=%22m%C3%A9c%C3%A9nat%20de%20comp%C3%A9tences%22$"));
        await Assertions.Expect(page.Locator("#q")).ToHaveValueAsync("\"mécénat de compétences\"");
    }

    /// <summary>
    /// Text typed on after the list came is asked again, and its answer comes a moment later: it kept replacing the list
    /// under the arrow keys (the suggestion chosen lost, Enter then searched the text typed) and opened a list just shut
    /// with Escape. The answers here are the test's own, the second held until the keys have been pressed.
    /// </summary>
    [SkippableFact]
    public async Task A_late_answer_keeps_the_suggestion_chosen_and_leaves_a_list_shut_shut()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync();
        var late = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(new Regex(@"/api/suggest\?"), async route =>
        {
            var typed = System.Web.HttpUtility.ParseQueryString(new Uri(route.Request.Url).Query)["q"];
            if (typed == "wimoov") await late.Task;
            try
            {
                await route.FulfillAsync(new() { ContentType = "application/json", Body = Answer(typed == "wimoov" ? ["Deux", "Trois"] : ["Un", "Deux"]) });
            }
            catch (PlaywrightException)
            {
                // The page gave the request up: nothing is left to answer.
            }
        });
        var labels = page.Locator("#q-suggestions [role=option] .suggestion-label");

        await page.GotoAsync(site.BaseAddress);
        await TypeOnWhileAskedAsync(page, labels);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#q")).ToHaveAttributeAsync("aria-activedescendant", "q-suggestions-1");
        late.SetResult();
        await Assertions.Expect(labels).ToHaveTextAsync(["Deux", "Trois"]);
        await Assertions.Expect(page.Locator("#q")).ToHaveAttributeAsync("aria-activedescendant", "q-suggestions-0");
        await Assertions.Expect(page.Locator("#q-suggestions-0")).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAtAsync(new Regex(@"/\?q=Deux$"));

        late = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var givenUp = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.RequestFailed += (_, request) => givenUp.TrySetResult(request.Url);
        await page.GotoAsync(site.BaseAddress);
        await TypeOnWhileAskedAsync(page, labels);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#q-suggestions")).ToBeHiddenAsync();
        // Shut, the list asks for nothing more: the question still unanswered is given up, and no answer can open it.
        Assert.Contains("q=wimoov", await givenUp.Task.WaitAsync(TimeSpan.FromMilliseconds(Navigation.Patience)));
        late.SetResult();
        Assert.Equal("false", await page.GetAttributeAsync("#q", "aria-expanded"));

        // A suggestion chosen and then typed past is no longer chosen, even when the next list holds it: Enter searches
        // what is typed (review34: « Deux » stayed chosen and Enter went to it).
        late = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.GotoAsync(site.BaseAddress);
        await page.FocusAsync("#q");
        await page.Keyboard.InsertTextAsync("wimo");
        await Assertions.Expect(labels).ToHaveTextAsync(["Un", "Deux"]);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#q")).ToHaveAttributeAsync("aria-activedescendant", "q-suggestions-1");
        var askedAgain = page.WaitForRequestAsync(request => request.Url.Contains("q=wimoov"));
        await page.Keyboard.InsertTextAsync("ov");
        await askedAgain;
        Assert.Null(await page.GetAttributeAsync("#q", "aria-activedescendant"));
        late.SetResult();
        await Assertions.Expect(labels).ToHaveTextAsync(["Deux", "Trois"]);
        Assert.Null(await page.GetAttributeAsync("#q", "aria-activedescendant"));
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAtAsync(new Regex(@"/\?q=wimoov$"));
    }

    /// <summary>
    /// Escape pressed while the box waits to ask for the text typed on (the debounce's timer pending, no question asked yet)
    /// shuts the list for good: a timer left running would ask a moment later, and its answer open the list again. The page's
    /// clock is the test's (<see cref="IPage.Clock"/>): the moment the timer would fire is run exactly, and the questions the
    /// page asks are counted as it asks them.
    /// </summary>
    [SkippableFact]
    public async Task Escape_before_the_text_typed_on_is_asked_leaves_the_list_shut_when_it_would_have_been()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.AddInitScriptAsync("""
            window.asked = [];
            const fetched = window.fetch;
            window.fetch = (url, options) => { window.asked.push(String(url)); return fetched(url, options); };
            """);
        await page.RouteAsync(new Regex(@"/api/suggest\?"), route => route.FulfillAsync(new() { ContentType = "application/json", Body = Answer(["Un", "Deux"]) }));
        var start = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        await page.Clock.InstallAsync(new() { TimeDate = start });
        await page.GotoAsync(site.BaseAddress);
        await page.Clock.PauseAtAsync(start.AddHours(1));

        // The timer asks once it has run its course, and not before.
        await page.FocusAsync("#q");
        await page.Keyboard.InsertTextAsync("wimo");
        Assert.Empty(await Asked());
        await page.Clock.RunForAsync(1000);
        Assert.Single(await Asked());
        await Assertions.Expect(page.Locator("#q-suggestions [role=option] .suggestion-label")).ToHaveTextAsync(["Un", "Deux"]);

        await page.Keyboard.InsertTextAsync("ov");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#q-suggestions")).ToBeHiddenAsync();
        await page.Clock.RunForAsync(1000);

        // Past the moment the timer would have fired: « wimoov » never asked, nothing to open the list.
        Assert.Single(await Asked());
        Assert.True(await page.Locator("#q-suggestions").IsHiddenAsync());
        Assert.Equal("false", await page.GetAttributeAsync("#q", "aria-expanded"));

        Task<string[]> Asked() => page.EvaluateAsync<string[]>("window.asked");
    }

    /// <summary>« wimo » typed and its list shown, then « ov » typed on: its question asked and held.</summary>
    private static async Task TypeOnWhileAskedAsync(IPage page, ILocator labels)
    {
        await page.FocusAsync("#q");
        // One input event each, so that only these two texts are asked.
        await page.Keyboard.InsertTextAsync("wimo");
        await Assertions.Expect(labels).ToHaveTextAsync(["Un", "Deux"]);
        var asked = page.WaitForRequestAsync(request => request.Url.Contains("q=wimoov"));
        await page.Keyboard.InsertTextAsync("ov");
        await asked;
    }

    private static string Answer(string[] labels) => System.Text.Json.JsonSerializer.Serialize(new
    {
        suggestions = labels.Select(label => new { kind = "query", label, detail = "", url = $"/?q={label}" }),
    });

    /// <summary>
    /// The address may hold a misspelt parameter, which the page says and the API refuses: suggestions carry the page's own
    /// state, so they still come, with its filter.
    /// </summary>
    [SkippableFact]
    public async Task Suggestions_come_on_a_page_whose_address_holds_a_misspelt_parameter()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.BaseAddress + "/?q=emploi&domaine=mobilite&domains=mobilite");

        var sent = page.WaitForRequestAsync(request => request.Url.Contains("/api/suggest"));
        await page.FillAsync("#q", "");
        await page.FocusAsync("#q");
        await page.Keyboard.TypeAsync("wimoov", new() { Delay = 30 });
        Assert.Contains("domains=mobilite", (await sent).Url);
        Assert.DoesNotContain("domaine=", (await sent).Url);
        await page.Locator("#q-suggestions").WaitForAsync(new() { State = WaitForSelectorState.Visible });
    }

    /// <summary>
    /// On a wide screen the filters stand between the search box and the results: some sixty links to Tab through before
    /// the first case, unless the first of them, shown when focused, leads past them.
    /// </summary>
    [SkippableFact]
    public async Task On_a_wide_screen_the_keyboard_skips_the_filters_to_the_results()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        await page.GotoAsync(site.BaseAddress + "/?q=mobilit%C3%A9");

        await page.FocusAsync("#search button[type=submit]");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator(":focus");
        Assert.Equal("Aller aux résultats", (await skip.TextContentAsync())!.Trim());
        var box = await skip.BoundingBoxAsync();
        var filters = await page.Locator("#filtres").BoundingBoxAsync();
        Assert.True(box!.Y >= filters!.Y && box.X >= filters.X && box.X + box.Width <= filters.X + filters.Width,
            $"shown over the filters where the keyboard is, at {box.X},{box.Y}");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");

        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('.results') !== null"),
            "the next Tab is in the results, past the filters");
    }

    /// <summary>
    /// A map area reached with Tab is drawn with the site's focus colour, not the dark edge of a hovered area, which did not
    /// show on the darkest class (Hauts-de-France, Île-de-France in dark blue).
    /// </summary>
    [SkippableFact]
    public async Task A_map_area_reached_by_keyboard_shows_the_focus_colour()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        await page.GotoAsync(site.BaseAddress + "/carte");

        await page.FocusAsync("a[href='/carte?niveau=departements']");
        await page.Keyboard.PressAsync("Tab");
        var area = page.Locator(".france-map a:focus .map-area");
        Assert.Equal(1, await area.CountAsync());

        var focus = await page.EvaluateAsync<string>("() => { const probe = document.createElement('span'); probe.style.color = 'var(--focus)'; "
            + "document.body.append(probe); const colour = getComputedStyle(probe).color; probe.remove(); return colour; }");
        Assert.Equal(focus, await area.EvaluateAsync<string>("e => getComputedStyle(e).stroke"));
    }

    [SkippableFact]
    public async Task Facets_and_results_are_reachable_by_keyboard()
    {
        await using var browser = await BrowserFacts.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.BaseAddress + "/?q=insertion");

        var facet = page.Locator("a[data-facet=domains][data-value=emploi-insertion]");
        for (var i = 0; i < 60 && !await facet.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.True(await facet.EvaluateAsync<bool>("e => e === document.activeElement"), "the facet value is reached with Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAtAsync(new Regex("domains=emploi-insertion"));

        Assert.Equal("polite", await page.GetAttributeAsync("#results-count", "aria-live"));
        var firstHit = page.Locator(".hit-title a").First;
        await firstHit.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAtAsync(new Regex("/exemples/"));
    }
}
