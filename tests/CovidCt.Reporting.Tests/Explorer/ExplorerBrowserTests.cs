using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CovidCt.Metrics;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting.Explorer;
using CovidCt.Testing.Browser;

namespace CovidCt.Reporting.Tests.Explorer;

/// <summary>
/// Opens the explorer in headless Chromium (Debian's; test.sh installs it when it can), moves its controls by script as a user
/// would (setting a value and firing the input event), and checks that every rate and Wilson interval the page computed equals
/// the C# metrics of the same setting, and that the confusion tables follow.
/// </summary>
public sealed partial class ExplorerBrowserTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public void Moving_the_controls_recomputes_the_tables_to_the_csharp_values_of_that_setting()
    {
        HeadlessChromium.Require();
        var sweep = SyntheticSweep.Result();
        var page = _folder.File("explorer.html");
        File.WriteAllText(page, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{OperatingPointExplorer.Html(sweep, elementId: "x")}<pre id=\"moves\"></pre><script>{Mover}</script></body></html>");

        var dom = HeadlessChromium.DumpDom(page, virtualTimeMilliseconds: 5000);
        var recorded = Moves().Match(dom);
        Assert.True(recorded.Success, "the page recorded no moves");
        var moves = JsonDocument.Parse(WebUtility.HtmlDecode(recorded.Groups[1].Value)).RootElement;

        var grid = SyntheticSweep.Grid;
        SweepSetting[] expected =
        [
            SweepSetting.Study,
            SweepSetting.Study with { Threshold = 0.3 },
            SweepSetting.Study with { Threshold = 0.3, SameQuadrant = false },
            SweepSetting.Study with { Threshold = 0.3, SameQuadrant = false, ConsecutiveSlices = 1 },
            SweepSetting.Study with { Threshold = 0.3, SameQuadrant = false, ConsecutiveSlices = 1, MinPixels = 60 },
        ];
        Assert.Equal(expected.Length, moves.GetArrayLength());
        var distinct = new HashSet<string>();
        for (var m = 0; m < expected.Length; m++)
        {
            var move = moves[m];
            var index = grid.Settings.ToList().IndexOf(expected[m]);
            Assert.Equal(index.ToString(System.Globalization.CultureInfo.InvariantCulture), move.GetProperty("setting").GetString());
            var row = sweep.Rows[index];
            foreach (var (level, metrics) in new[] { ("patient", row.Patient), ("image", row.Image) })
            {
                Same(metrics.Sensitivity, move.GetProperty($"{level}-sensitivity"));
                Same(metrics.Specificity, move.GetProperty($"{level}-specificity"));
                var c = metrics.Counts;
                Assert.Equal($"TP {c.TruePositives} FN {c.FalseNegatives} FP {c.FalsePositives} TN {c.TrueNegatives}", move.GetProperty($"{level}-table").GetString());
            }
            distinct.Add(move.GetProperty("patient-table").GetString() + move.GetProperty("image-table").GetString());
        }
        // The moves must change the numbers, or the test would pass on a page that never updates.
        Assert.True(distinct.Count >= 4, $"only {distinct.Count} distinct tables over {expected.Length} moves");
        // 8 COVID-19 and 8 control patients: fewer than the stated minimum, so each patient-level rate carries its caveat.
        Assert.Contains("rests on 8 COVID-19 cases", moves[0].GetProperty("patient-caveats").GetString());
    }

    private static void Same(Estimate estimate, JsonElement shown)
    {
        if (estimate.Value is not { } value)
        {
            Assert.Equal(JsonValueKind.Null, shown[0].ValueKind);
            return;
        }
        Assert.Equal(value, double.Parse(shown[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal(estimate.Interval!.Lower, double.Parse(shown[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal(estimate.Interval.Upper, double.Parse(shown[2].GetString()!, System.Globalization.CultureInfo.InvariantCulture), 12);
    }

    // Reads the page after each move: the setting index, each rate's unrounded value and interval, the tables and the caveats.
    private const string Mover = """
        (function () {
          var root = document.getElementById('x'), moves = [];
          function out(name) { return root.querySelector('[data-out="' + name + '"]'); }
          function read() {
            var r = { setting: root.getAttribute('data-setting') };
            ['patient', 'image'].forEach(function (level) {
              ['sensitivity', 'specificity'].forEach(function (metric) {
                var cell = out(level + '-' + metric);
                r[level + '-' + metric] = [cell.getAttribute('data-value'), cell.getAttribute('data-lower'), cell.getAttribute('data-upper')];
              });
              r[level + '-table'] = ['tp', 'fn', 'fp', 'tn'].map(function (c) { return out(level + '-' + c).textContent; }).join(' ');
              r[level + '-caveats'] = out(level + '-caveats').textContent;
            });
            moves.push(r);
          }
          function move(name, value, event) {
            var c = root.querySelector('[data-control="' + name + '"]');
            if (typeof value === 'boolean') c.checked = value; else c.value = String(value);
            c.dispatchEvent(new Event(event, { bubbles: true }));
            read();
          }
          read();
          move('threshold', 0, 'input');
          move('sameQuadrant', false, 'change');
          move('k', 0, 'input');
          move('minPixels', 2, 'input');
          document.getElementById('moves').textContent = JSON.stringify(moves);
        })();
        """;

    [GeneratedRegex("<pre id=\"moves\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex Moves();
}
