using System.Diagnostics;

namespace CovidCt.Testing.Browser;

/// <summary>
/// Debian's chromium for the browser tests of every project: found in one place, skipped with one reason, and run headless
/// with every request sent to a closed local port, so what a page draws here it draws offline.
/// </summary>
public static class HeadlessChromium
{
    /// <summary>Why a browser test is skipped: the same words in every project.</summary>
    public const string Missing = "chromium is not installed (test.sh installs it with apt-get when run as root); the browser check is skipped";

    /// <summary>Debian's chromium, or null when it is not installed.</summary>
    public static string? Path => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    /// <summary>Chromium's path; skips the test with <see cref="Missing"/> when it is not installed.</summary>
    public static string Require()
    {
        var path = Path;
        Skip.If(path is null, Missing);
        return path!;
    }

    /// <summary>
    /// The DOM of <paramref name="page"/> (a local file) after its scripts ran for at most <paramref name="virtualTimeMilliseconds"/>
    /// of virtual time; skips the test when chromium is missing.
    /// </summary>
    public static string DumpDom(string page, int virtualTimeMilliseconds = 20_000)
    {
        var chromium = Require();
        var profile = Directory.CreateTempSubdirectory("covidct-chromium-");
        try
        {
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                         $"--user-data-dir={profile.FullName}", $"--virtual-time-budget={virtualTimeMilliseconds}", "--dump-dom", new Uri(page).AbsoluteUri })
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
