namespace CovidCt.Pipelines.Sweeps;

/// <summary>
/// How a sweep on a tuning split chooses its operating point: the highest per-patient Youden's J (sensitivity +
/// specificity - 1); ties broken by the higher per-image J (undefined counts as lowest), then by the setting closest to the
/// study's (<see cref="SweepSetting.DistanceFromStudy"/>), then by grid order. Report the chosen setting once on another split.
/// </summary>
public static class OperatingPointRule
{
    /// <summary>The chosen row of <paramref name="rows"/>.</summary>
    /// <exception cref="ArgumentException">When no row has a defined per-patient J (the split lacks COVID-19 or control patients).</exception>
    public static SweepRow Choose(IEnumerable<SweepRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var candidates = rows.Where(r => r.Patient.YoudenJ.IsDefined).ToArray();
        if (candidates.Length == 0)
        {
            throw new ArgumentException("no setting has a defined per-patient Youden's J: the tuning split needs both COVID-19 and control patients", nameof(rows));
        }
        return candidates
            .OrderByDescending(r => r.Patient.YoudenJ.Value!.Value)
            .ThenByDescending(r => r.Image.YoudenJ.Value ?? double.NegativeInfinity)
            .ThenBy(r => r.Setting.DistanceFromStudy())
            .First();
    }
}
