using Microsoft.Playwright;

namespace ExpertSupport.BrowserTests;

/// <summary>
/// One Chromium for the whole run: the system's browser (Debian's chromium), driven by Playwright.
/// Playwright's own browser download is not used; CHROMIUM_PATH overrides where it is.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // CI shares two cores between three test assemblies: a page that answers in 100 ms alone can take seconds there.
        // Waiting longer only slows a failing test; a passing one returns as soon as the page is right.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            // The machine's network is closed: no background calls home, no QUIC, no sandbox as root.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    private static string FindChromium()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } chosen) return chosen;
        string[] candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium"];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium not found: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.");
    }
}
