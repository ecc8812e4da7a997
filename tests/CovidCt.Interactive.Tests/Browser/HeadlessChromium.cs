using System.Diagnostics;

namespace CovidCt.Interactive.Tests.Browser;

/// <summary>Debian's chromium, headless, with every request sent to a closed local port: what a page draws here it draws offline.</summary>
internal static class HeadlessChromium
{
    public const string Missing = "chromium is not installed (test.sh installs it with apt-get when run as root); the browser check is skipped";

    public static string? Path => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    /// <summary>The page's DOM after its scripts ran (at most 20 s of virtual time).</summary>
    public static string DumpDom(string page)
    {
        var profile = Directory.CreateTempSubdirectory("covidct-chromium-");
        try
        {
            var start = new ProcessStartInfo(Path!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                         $"--user-data-dir={profile.FullName}", "--virtual-time-budget=20000", "--dump-dom", new Uri(page).AbsoluteUri })
            {
                start.ArgumentList.Add(a);
            }
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var dom = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "chromium did not finish within 2 minutes");
            Assert.True(dom.Length > 0, $"chromium printed no DOM: {stderr.Result}");
            return dom;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
