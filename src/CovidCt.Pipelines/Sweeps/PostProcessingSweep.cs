using System.Collections.Concurrent;
using CovidCt.Data;
using CovidCt.Data.IO;
using CovidCt.Metrics;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.Sweeps;

/// <summary>
/// Evaluates every setting of a <see cref="SweepGrid"/> on probability maps already computed (the cache) and taken back to
/// the slice's resolution (<see cref="LesionScoring.Score"/>), patient by patient: only confusion counts per setting are kept between patients, so memory does not grow with the number of
/// slices. Per slice, the components at every threshold come from one <see cref="NestedComponents"/> pass (the code
/// <see cref="SliceDetector"/> runs with one threshold); every minimum size, quadrant assignment, k and quadrant rule is
/// then read from them, and the patient rule is <see cref="PatientRule"/>'s. Each row therefore equals a single-setting
/// run of <see cref="DetectionPipeline.Detect(SliceDetector, PipelineOptions, string, string, VolumeGeometry, IReadOnlyList{ProbabilityMap}, IReadOnlyList{ValidArea})"/>.
/// Slices of a patient are processed in parallel; <see cref="Add"/> itself must not be called concurrently.
/// </summary>
public sealed class PostProcessingSweep
{
    private readonly ConcurrentBag<NestedComponents> _finders = [];
    private readonly float[] _levels;
    private readonly ConfusionCounts[] _imageCounts;
    private readonly ConfusionCounts[] _patientCounts;
    private readonly int _channels;
    private double[] _scores = [];
    private int[] _members = [];

    /// <summary>A sweep of <paramref name="grid"/>; the options it does not vary (valid area, quadrant centre, gap) come from <paramref name="options"/> (default: the study's).</summary>
    /// <exception cref="ArgumentException">When an option is out of range, or a minimum area in mm² is set (the grid's minimum sizes are pixels).</exception>
    public PostProcessingSweep(SweepGrid grid, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Grid = grid;
        Options = options ?? new PipelineOptions();
        Options.Validate();
        SweepSetting.RefuseMinimumArea(Options);
        _levels = grid.Thresholds.Reverse().Select(t => (float)t).ToArray();
        _channels = 1 + 4 * grid.Assignments.Count;
        _imageCounts = new ConfusionCounts[grid.Thresholds.Count * grid.MinPixels.Count];
        _patientCounts = new ConfusionCounts[grid.Count];
    }

    /// <summary>The settings evaluated.</summary>
    public SweepGrid Grid { get; }

    /// <summary>The options the grid does not vary.</summary>
    public PipelineOptions Options { get; }

    /// <summary>Patients added so far.</summary>
    public int Patients { get; private set; }

    /// <summary>Slices added so far.</summary>
    public long Slices { get; private set; }

    /// <summary>Slices without a known truth (left out of the per-image counts, as in <see cref="Evaluation.PipelineEvaluation"/>).</summary>
    public long ImagesWithoutTruth { get; private set; }

    /// <summary>Adds one patient: its maps and valid areas in volume order (as <see cref="DetectionPipeline.Detect(SliceDetector, PipelineOptions, string, string, VolumeGeometry, IReadOnlyList{ProbabilityMap}, IReadOnlyList{ValidArea})"/> takes them), label and slice truth.</summary>
    /// <exception cref="InvalidInputException">When the patient has no slices, or two slices share a position.</exception>
    /// <exception cref="ArgumentException">When maps, valid areas, truth and geometry disagree in count or size.</exception>
    public void Add(string patientId, string source, VolumeGeometry geometry, IReadOnlyList<ProbabilityMap> maps, IReadOnlyList<ValidArea> validAreas, bool isCovid, IReadOnlyList<bool?> sliceTruth)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(validAreas);
        ArgumentNullException.ThrowIfNull(sliceTruth);
        var n = geometry.Depth;
        if (maps.Count != n || validAreas.Count != n || sliceTruth.Count != n)
        {
            throw new ArgumentException($"patient '{patientId}': {maps.Count} maps, {validAreas.Count} valid areas and {sliceTruth.Count} truth values for {n} slices");
        }
        if (n == 0) throw new InvalidInputException(source, $"patient '{patientId}' has no slices; expected at least one");
        var order = PatientRule.AnatomicalOrder(source, patientId, geometry.SlicePositions);
        var rank = new int[n];
        for (var r = 0; r < n; r++) rank[order[r]] = r;
        var length = _imageCounts.Length * _channels * n;
        if (_scores.Length < length) _scores = new double[length];
        Array.Clear(_scores, 0, length);
        if (_members.Length < n) _members = new int[n];

        foreach (var area in validAreas)
        {
            if (area.Width != geometry.Width || area.Height != geometry.Height)
            {
                throw new ArgumentException($"patient '{patientId}': a valid area is {area.Width}x{area.Height} but the slices are {geometry.Width}x{geometry.Height}", nameof(validAreas));
            }
        }
        var slice = new SliceGeometry(geometry.Width, geometry.Height, geometry.ColumnSpacing, geometry.RowSpacing);
        Parallel.For(0, n, () => _finders.TryTake(out var f) ? f : new NestedComponents(),
            (z, _, finder) =>
            {
                Score(finder, maps[z], validAreas[z], slice, rank[z], n);
                return finder;
            },
            _finders.Add);

        CountImages(sliceTruth, rank, n);
        CountPatient(isCovid, n);
        Patients++;
        Slices += n;
    }

    /// <summary>The rows of every setting, in <see cref="SweepGrid.Settings"/> order, with intervals of <paramref name="method"/> at <paramref name="level"/>.</summary>
    /// <exception cref="InvalidOperationException">When no patient was added.</exception>
    public SweepResult Result(ProportionInterval method = ProportionInterval.Wilson, double level = 0.95)
    {
        if (Patients == 0) throw new InvalidOperationException("no patients were added to the sweep");
        var rows = new SweepRow[Grid.Count];
        var perThreshold = Grid.Count / Grid.Thresholds.Count;
        var perMinimum = perThreshold / Grid.MinPixels.Count;
        for (var i = 0; i < rows.Length; i++)
        {
            var image = _imageCounts[i / perMinimum];
            rows[i] = new SweepRow(Grid.Settings[i], DiagnosticMetrics.Compute(image, method, level), DiagnosticMetrics.Compute(_patientCounts[i], method, level));
        }
        return new SweepResult(Grid, rows, Patients, Slices, ImagesWithoutTruth);
    }

    // The score of channel c (0 = any box, 1 + 4a + q = quadrant q under assignment a) for threshold t and minimum m, per
    // slice in anatomical order: the highest box probability, 0 when no box. Exactly SliceDetection.BoxScore / QuadrantScores.
    private int Offset(int threshold, int minimum, int channel, int slices) => ((threshold * Grid.MinPixels.Count + minimum) * _channels + channel) * slices;

    private void Score(NestedComponents finder, ProbabilityMap map, ValidArea validArea, SliceGeometry slice, int rank, int slices)
    {
        finder.Find(map, validArea, Options.ValidArea.Region, _levels);
        var (centreX, centreY) = SliceDetector.SplitCentre(validArea, slice, Options.Quadrants.Centre);
        Span<Quadrant> quadrants = stackalloc Quadrant[Grid.Assignments.Count];
        for (var level = 0; level < _levels.Length; level++)
        {
            var t = _levels.Length - 1 - level;
            foreach (ref readonly var c in finder.At(level))
            {
                for (var a = 0; a < quadrants.Length; a++) quadrants[a] = c.Place(centreX, centreY, Grid.Assignments[a]).Quadrants;
                for (var m = 0; m < Grid.MinPixels.Count && c.Pixels > Grid.MinPixels[m]; m++)
                {
                    Raise(Offset(t, m, 0, slices) + rank, c.MaxProbability);
                    for (var a = 0; a < quadrants.Length; a++)
                    {
                        for (var q = 0; q < 4; q++)
                        {
                            if ((quadrants[a] & (Quadrant)(1 << q)) != 0) Raise(Offset(t, m, 1 + 4 * a + q, slices) + rank, c.MaxProbability);
                        }
                    }
                }
            }
        }
    }

    private void Raise(int index, double probability)
    {
        if (probability > _scores[index]) _scores[index] = probability;
    }

    private void CountImages(IReadOnlyList<bool?> sliceTruth, int[] rank, int slices)
    {
        for (var z = 0; z < slices; z++)
        {
            if (sliceTruth[z] is not { } truth)
            {
                ImagesWithoutTruth++;
                continue;
            }
            for (var t = 0; t < Grid.Thresholds.Count; t++)
            {
                for (var m = 0; m < Grid.MinPixels.Count; m++)
                {
                    var i = t * Grid.MinPixels.Count + m;
                    _imageCounts[i] += Count(truth, _scores[Offset(t, m, 0, slices) + rank[z]] > 0);
                }
            }
        }
    }

    private void CountPatient(bool isCovid, int slices)
    {
        var gap = Options.PatientRule.MaxGap;
        var members = _members.AsSpan(0, slices);
        for (var i = 0; i < Grid.Count; i++)
        {
            var s = Grid.Settings[i];
            var t = i / (Grid.Count / Grid.Thresholds.Count);
            var m = i / (Grid.Count / Grid.Thresholds.Count / Grid.MinPixels.Count) % Grid.MinPixels.Count;
            bool positive;
            if (!s.SameQuadrant) positive = PatientRule.BestRun(_scores.AsSpan(Offset(t, m, 0, slices), slices), s.ConsecutiveSlices, gap, members).Weakest > 0;
            else
            {
                var a = i % Grid.Assignments.Count;
                positive = false;
                for (var q = 0; q < 4 && !positive; q++)
                {
                    positive = PatientRule.BestRun(_scores.AsSpan(Offset(t, m, 1 + 4 * a + q, slices), slices), s.ConsecutiveSlices, gap, members).Weakest > 0;
                }
            }
            _patientCounts[i] += Count(isCovid, positive);
        }
    }

    private static ConfusionCounts Count(bool truth, bool positive) => (truth, positive) switch
    {
        (true, true) => new ConfusionCounts(1, 0, 0, 0),
        (false, true) => new ConfusionCounts(0, 1, 0, 0),
        (false, false) => new ConfusionCounts(0, 0, 1, 0),
        _ => new ConfusionCounts(0, 0, 0, 1),
    };
}
