namespace CovidCt.Data.Synthesis;

/// <summary>A simulated patient: the volume, the COVID-19 lesion mask (null for controls) and what was painted.</summary>
/// <param name="Volume">The CT volume in HU.</param>
/// <param name="CovidMask">Exactly the voxels COVID-19 findings changed (see <see cref="LesionSimulator"/>); null for a control patient.</param>
/// <param name="Findings">Every finding painted (for controls: the other-disease findings recorded in the cohort card; empty = healthy lungs).</param>
/// <param name="LungVoxels">Voxels in the lung mask, for the lesion burden.</param>
/// <param name="NoiseSigmaHu">Standard deviation of the simulated scanner noise; null when the volume is real CT.</param>
public sealed record SimulatedPatient(CtVolume Volume, LesionMask? CovidMask, IReadOnlyList<Finding> Findings, long LungVoxels, double? NoiseSigmaHu)
{
    /// <summary>Voxels in the COVID-19 mask (0 for controls).</summary>
    public long LesionVoxels => CovidMask is null ? 0 : CovidMask.Labels.LongCount(b => b != 0);

    /// <summary>Slices holding at least one COVID-19 mask voxel.</summary>
    public int LesionSlices => CovidMask is null ? 0 : Enumerable.Range(0, Volume.Geometry.Depth).Count(z => CovidMask.LesionPixels(z) > 0);

    /// <summary>Longest run of consecutive slices holding COVID-19 mask voxels (0 for controls).</summary>
    public int LongestLesionRun => LongestRun(1);

    /// <summary>Longest run of consecutive slices each holding at least <paramref name="minimumPixels"/> COVID-19 mask voxels (0 for controls).</summary>
    public int LongestRun(int minimumPixels)
    {
        if (CovidMask is null) return 0;
        int best = 0, run = 0;
        for (var z = 0; z < Volume.Geometry.Depth; z++)
        {
            run = CovidMask.LesionPixels(z) >= minimumPixels ? run + 1 : 0;
            best = Math.Max(best, run);
        }
        return best;
    }
}
