using CovidCt.Imaging;

namespace CovidCt.Data.Synthesis;

/// <summary>
/// Leaves out of a slice's lesion mask the pieces that no reader could see: 8-connected pieces none of whose pixels
/// changes by <see cref="LesionSimulator.VisibleChangeHu"/> or more. The soft threshold of <see cref="LesionSimulator"/> masks every
/// voxel it changes by at least 1 HU, so the hazy rim of a lesion breaks up into specks of a few pixels that change the
/// image by a few HU, under the scanner noise: 25 % of the realistic planner's pieces had at most 15 pixels, against 2 %
/// of the pieces radiologists outlined in covid-semiseg-doctor50. The voxels keep their (invisible) change; only the
/// truth forgets them, as the radiologist's does. Used by <see cref="LesionModel.Realistic"/> only.
/// </summary>
internal static class FaintPieces
{
    /// <summary>Clears, in <paramref name="mask"/> (one slice), the pieces whose largest <paramref name="change"/> (what the COVID-19 findings added, HU) is below <see cref="LesionSimulator.VisibleChangeHu"/>.</summary>
    public static void Drop(Span<byte> mask, ReadOnlySpan<float> change, int width, int height)
    {
        // The imaging core's labeller, as the evaluation labels true lesions: the pieces dropped are the pieces it would count.
        var runs = new RowRuns();
        runs.SetNonZero(mask, width, height);
        runs.Label(Connectivity.Eight);
        var labels = new int[mask.Length];
        var strongest = new float[runs.PaintLabels(labels)];
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= 0) strongest[labels[i]] = Math.Max(strongest[labels[i]], Math.Abs(change[i]));
        }
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= 0 && strongest[labels[i]] < LesionSimulator.VisibleChangeHu) mask[i] = 0;
        }
    }
}
