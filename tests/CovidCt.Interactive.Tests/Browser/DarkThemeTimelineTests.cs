using System.Globalization;
using System.Text.RegularExpressions;
using CovidCt.Interactive.Formatting;
using CovidCt.Interactive.Tests.Formatting;
using CovidCt.Testing.Browser;

namespace CovidCt.Interactive.Tests.Browser;

/// <summary>
/// Renders a timeline on VS Code's dark background (#1e1e1e, text #d4d4d4) and on a high-contrast one (black, white text) in
/// Chromium, and measures the WCAG contrast of what the browser actually painted: the labels and the deciding-run outline.
/// </summary>
public sealed partial class DarkThemeTimelineTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("covidct-theme-");

    public void Dispose() => _folder.Delete(recursive: true);

    // For each label and for the outline: its painted colour's contrast ratio against the page background.
    private const string Measure = """
        <script>
        function lum(c){var m=c.match(/[\d.]+/g).map(Number).slice(0,3).map(function(v){v/=255;return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4);});return 0.2126*m[0]+0.7152*m[1]+0.0722*m[2];}
        function ratio(a,b){var x=lum(a),y=lum(b);return (Math.max(x,y)+0.05)/(Math.min(x,y)+0.05);}
        var bg=getComputedStyle(document.body).backgroundColor;
        var text=Array.prototype.map.call(document.querySelectorAll('svg text'),function(t){return ratio(getComputedStyle(t).fill,bg);});
        var run=Array.prototype.filter.call(document.querySelectorAll('svg rect'),function(r){return r.querySelector('title')&&r.querySelector('title').textContent==='deciding run';})
          .map(function(r){return ratio(getComputedStyle(r).stroke,bg);});
        document.getElementById('result').textContent='text '+Math.min.apply(null,text).toFixed(2)+' run '+Math.min.apply(null,run).toFixed(2)+' labels '+text.length;
        </script>
        """;

    [SkippableTheory]
    [InlineData("#1e1e1e", "#d4d4d4")]
    [InlineData("#000000", "#ffffff")]
    [InlineData("#ffffff", "#1e1e1e")]
    public void Timeline_labels_and_the_deciding_run_keep_their_contrast_on_the_theme_background(string background, string foreground)
    {
        HeadlessChromium.Require();
        var timeline = TimelineHtml.Outcome(Detections.Outcome(Detections.Positive("p1"), true, false, true, true, true, false));
        var page = Path.Combine(_folder.FullName, "timeline.html");
        File.WriteAllText(page, $"<!DOCTYPE html><html><body style=\"background:{background};color:{foreground}\">{timeline}<pre id=\"result\"></pre>{Measure}</body></html>");

        var result = Result().Match(HeadlessChromium.DumpDom(page));

        Assert.True(result.Success, "the page measured nothing");
        var text = double.Parse(result.Groups["text"].Value, CultureInfo.InvariantCulture);
        var run = double.Parse(result.Groups["run"].Value, CultureInfo.InvariantCulture);
        Assert.True(int.Parse(result.Groups["labels"].Value, CultureInfo.InvariantCulture) >= 5, "quadrant and truth labels were drawn");
        // WCAG 2.1: 4.5:1 for text, 3:1 for graphics that carry meaning.
        Assert.True(text >= 4.5, $"label contrast {text}:1 on {background}");
        Assert.True(run >= 3, $"deciding-run outline contrast {run}:1 on {background}");
    }

    [GeneratedRegex(@"<pre id=""result"">text (?<text>[\d.]+) run (?<run>[\d.]+) labels (?<labels>\d+)</pre>")]
    private static partial Regex Result();
}
