using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ImpactAlliances.Web.Tests;

/// <summary>Following a link in the browser tests.</summary>
internal static class Navigation
{
    /// <summary>As long as Playwright gives a navigation (30 s), not its assertions' 5 s: CI shares two cores.</summary>
    internal const float Patience = 30_000;

    /// <summary>
    /// Waits for the new address, then asks the new page whether it has loaded (its styles and scripts with it) rather
    /// than waiting for Playwright's load event: three times in CI under load that event was never reported for a
    /// navigation that had ended.
    /// </summary>
    internal static async Task ArriveAtAsync(this IPage page, Regex address)
    {
        await page.WaitForURLAsync(address, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null,
            new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = Patience });
    }
}
