using CovidCt.Pipelines;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Reporting.Conventions;

namespace CovidCt.Reporting.Timelines;

/// <summary>
/// What a patient's quadrant timeline shows, whoever draws it (report.html with plotly, notebooks as SVG): one column per slice
/// in anatomical order, one row per quadrant (<see cref="QuadrantNames.Rows"/>) holding the best box probability, the run of
/// consecutive slices that decided the patient, and the slice truth when it is known.
/// </summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Columns">The slices, in anatomical order.</param>
/// <param name="DecidingRun">The run that made the rule fire; null when the patient is negative.</param>
/// <param name="HasTruth">Whether a truth row is shown.</param>
public sealed record PatientTimeline(string PatientId, IReadOnlyList<TimelineColumn> Columns, TimelineRun? DecidingRun, bool HasTruth)
{
    /// <summary>The timeline of <paramref name="result"/>, with the truth row when <paramref name="truth"/> is given (indexed by slice index).</summary>
    public static PatientTimeline Of(PatientResult result, IReadOnlyList<bool?>? truth = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var columns = result.Slices.Select(s => new TimelineColumn(s.Index, s.Position,
            QuadrantNames.Rows.Select((_, row) => s.Detection.QuadrantScores[row]).ToArray(),
            truth is not null && s.Index < truth.Count ? truth[s.Index] : null)).ToArray();
        var d = result.Decision;
        var row = QuadrantNames.Rows.Select(r => r.Quadrant).ToList().IndexOf(d.Quadrant);
        var run = d.IsPositive && row >= 0 ? new TimelineRun(row, d.Quadrant, d.FirstSlice, d.LastSlice) : null;
        return new PatientTimeline(result.PatientId, columns, run, truth is not null);
    }
}

/// <summary>One slice of a timeline.</summary>
/// <param name="SliceIndex">The 0-based slice index.</param>
/// <param name="PositionMm">The slice position along the patient axis.</param>
/// <param name="Scores">The best box probability per quadrant row (0 without box).</param>
/// <param name="Truth">Whether the slice has a lesion in the truth; null when unknown or not shown.</param>
public sealed record TimelineColumn(int SliceIndex, double PositionMm, IReadOnlyList<double> Scores, bool? Truth)
{
    /// <summary>The 1-based slice number a person reads.</summary>
    public int SliceNumber => SliceNumbers.Number(SliceIndex);
}

/// <summary>The run of consecutive slices that decided a patient.</summary>
/// <param name="Row">The quadrant's row in <see cref="QuadrantNames.Rows"/>.</param>
/// <param name="Quadrant">The quadrant.</param>
/// <param name="FirstColumn">The run's first column (its slice index, slices being in anatomical order).</param>
/// <param name="LastColumn">The run's last column.</param>
public sealed record TimelineRun(int Row, Quadrant Quadrant, int FirstColumn, int LastColumn)
{
    /// <summary>Columns in the run.</summary>
    public int Length => LastColumn - FirstColumn + 1;
}
