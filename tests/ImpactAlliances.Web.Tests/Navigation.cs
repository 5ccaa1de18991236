using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ImpactAlliances.Web.Tests;

/// <summary>Following a link in the browser tests.</summary>
internal static class Navigation
{
    /// <summary>As long as Playwright gives a navigation (30 s), not its assertions' 5 s: CI shares two cores.</summary>
    internal const float Patience = 30_000;

    /// <summary>
    /// Waits for the new address, then asks the new page whether it has loaded (its styles and scripts with it).
    /// Neither step relies on Playwright's load event: three times in CI under load it was never reported for a
    /// navigation that had ended, and <c>WaitForURLAsync</c> waits for it whatever <c>WaitUntil</c> says when the
    /// address already matches as it is called (its .NET client maps <c>Commit</c> to <c>Load</c> on that path; CI failed on it).
    /// </summary>
    internal static async Task ArriveAtAsync(this IPage page, Regex address)
    {
        await Assertions.Expect(page).ToHaveURLAsync(address, new PageAssertionsToHaveURLOptions { Timeout = Patience });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null,
            new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = Patience });
    }
}
