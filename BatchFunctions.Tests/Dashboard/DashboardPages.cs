using BatchFunctions.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BatchFunctions.Tests.Dashboard;

/// <summary>What the browser tests do on every page: sign in, check the page is whole, keep a screenshot.</summary>
public static class DashboardPages
{
    public static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    public static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    /// <summary>Opens the dashboard at <paramref name="route"/> and signs in there with the key, by keyboard.</summary>
    public static async Task SignInAsync(this IPage page, DashboardApp dashboard, string route = "#/batches")
    {
        await page.GotoAsync(dashboard.DashboardUrl.AbsoluteUri + route);
        await Expect(page.GetByLabel("API key")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(AppUnderTest.ApiKey);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Uncaught script errors and console errors, a CSP violation included; not the browser's note of each
    /// 4xx answer, which the tests cause on purpose (a wrong key, an unknown agent).
    /// </summary>
    public static List<string> CollectErrors(this IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    /// <summary>Every visible input, select and textarea has a label (or ARIA name) with text, and no JavaScript value leaked into the text.</summary>
    public static async Task AssertWellFormedAsync(this IPage page)
    {
        Assert.DoesNotMatch(@"\b(null|undefined|NaN|\[object Object\])\b", await page.Locator("body").InnerTextAsync());
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea')]
              .filter((c) => c.type !== 'hidden' && c.checkVisibility())
              .filter((c) => ![...(c.labels ?? [])].some((l) => l.textContent.trim())
                && !(c.getAttribute('aria-label') ?? '').trim()
                && !(c.getAttribute('aria-labelledby') ?? '').split(' ').some((id) => document.getElementById(id)?.textContent.trim()))
              .map((c) => c.id || c.name || c.outerHTML)
            """);
        Assert.Empty(unlabelled);
    }

    /// <summary>Saves a PNG of the page into <see cref="DashboardApp.ScreenshotFolder"/> and says where.</summary>
    public static async Task ScreenshotAsync(this IPage page, ITestOutputHelper output, string name, bool fullPage = false)
    {
        var path = Path.Combine(DashboardApp.ScreenshotFolder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        output.WriteLine($"Screenshot: {path}");
    }
}
