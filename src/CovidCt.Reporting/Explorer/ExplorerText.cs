using System.Globalization;
using CovidCt.Pipelines.Sweeps;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Explorer;

/// <summary>The explorer's fixed sentences: what was swept, and how its numbers are computed.</summary>
internal static class ExplorerText
{
    private static SweepSetting Study => SweepSetting.Study;

    public static string Title(SweepResult sweep) => string.Create(CultureInfo.InvariantCulture,
        $"Operating-point explorer: {sweep.Rows.Count:N0} settings swept over {sweep.Patients:N0} patients ({sweep.Slices:N0} slices). Move a control: the tables follow at once.");

    public static string Footnote(SweepResult sweep, double level)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Counts come from the sweep (each setting equals a single run of the pipeline); sensitivity, specificity and their {TextFormat.Level(level)} Wilson intervals are computed in this page from those counts. ")
            + string.Create(CultureInfo.InvariantCulture,
                $"A rate resting on fewer than {OperatingPointExplorer.MinimumCases} cases is flagged. The study's setting: probability ≥ {Study.Threshold:0.00}, more than {Study.MinPixels} pixels, {Study.ConsecutiveSlices} consecutive slices in one quadrant.");
        return sweep.ImagesWithoutTruth == 0
            ? text
            : text + string.Create(CultureInfo.InvariantCulture, $" {sweep.ImagesWithoutTruth:N0} slices without a per-image truth are left out of the per-image table.");
    }
}
