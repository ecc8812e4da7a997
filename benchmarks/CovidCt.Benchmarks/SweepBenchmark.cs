using System.Diagnostics;
using CovidCt.Data;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Scoring;
using CovidCt.Pipelines.Sweeps;

namespace CovidCt.Benchmarks;

/// <summary>
/// Item 4: the sweep at the study's scale from synthetic cached maps, streamed patient by patient, against the obvious
/// alternative (one <see cref="DetectionPipeline.Detect(SliceDetector, PipelineOptions, string, string, VolumeGeometry, IReadOnlyList{ProbabilityMap}, IReadOnlyList{ValidArea})"/> per setting) measured on a sample.
/// </summary>
internal static class SweepBenchmark
{
    /// <summary>Issue 9's grid: 9 thresholds x 4 minimum sizes x 5 k x 2 quadrant modes = 360 settings.</summary>
    public static SweepGrid StudyGrid { get; } = new(SweepGrid.Range(0.30, 0.70, 0.05), [0, 10, 25, 50], [1, 2, 3, 4, 5]);

    public static void Run(TextWriter output, int slices, int patients, int size)
    {
        var pool = SyntheticMaps.Pool(64, size, seed: 9);
        var lungs = SyntheticMaps.Lungs(size);
        var perPatient = slices / patients;
        output.WriteLine($"Sweep: {slices:N0} slices of {size}x{size} ({patients} patients), {StudyGrid.Count} settings, synthetic maps cycled from a pool of {pool.Length}");

        var sweep = new PostProcessingSweep(StudyGrid);
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var p = 0; p < patients; p++)
        {
            var n = p < slices % patients ? perPatient + 1 : perPatient;
            var (geometry, maps, areas) = Patient(pool, lungs, n, p, size);
            sweep.Add($"S{p}", "synthetic", geometry, maps, areas, p % 2 == 0, Enumerable.Repeat<bool?>(p % 2 == 0, n).ToArray());
        }
        var result = sweep.Result();
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        output.WriteLine($"  engine: {elapsed:0.0} s wall, {cpuSeconds:0.0} s CPU, {elapsed / slices * 1e6:0} µs per slice for all {StudyGrid.Count} settings; " +
            $"peak working set {peak / 1048576.0:0} MB (before: {before / 1048576.0:0} MB); {result.Slices:N0} slices in the result");

        // The alternative on a sample: every setting as its own single-setting run.
        var sample = Patient(pool, lungs, 40, 0, size);
        var detector = new SliceDetector();
        var naive = Measure.Repeat(1, () =>
        {
            foreach (var setting in StudyGrid.Settings)
            {
                DetectionPipeline.Detect(detector, setting.ApplyTo(new PipelineOptions()), "S", "synthetic", sample.Geometry, sample.Maps, sample.Areas);
            }
        });
        var perSlice = naive.Median / 40;
        output.WriteLine($"  one Detect per setting (40-slice sample): {perSlice * 1e3:0.0} ms per slice for {StudyGrid.Count} settings, " +
            $"{perSlice * slices:0} s extrapolated to {slices:N0} slices: the sweep is {perSlice * slices / elapsed:0.0}x faster");
    }

    /// <summary>Smoke: on a small synthetic cohort every sweep row equals the direct single-setting evaluation.</summary>
    public static bool Smoke(TextWriter output)
    {
        var grid = new SweepGrid([0.3, 0.5, 0.7], [0, 25], [1, 3], [true, false]);
        var pool = SyntheticMaps.Pool(16, 128, seed: 4);
        var lungs = SyntheticMaps.Lungs(128);
        var patients = Enumerable.Range(0, 6).Select(p => Patient(pool, lungs, 12, p, 128)).ToArray();
        var sweep = new PostProcessingSweep(grid);
        for (var p = 0; p < patients.Length; p++) sweep.Add($"S{p}", "synthetic", patients[p].Geometry, patients[p].Maps, patients[p].Areas, p % 2 == 0, Truth(p, 12));
        var result = sweep.Result();
        var detector = new SliceDetector();
        var mismatches = 0;
        foreach (var row in result.Rows)
        {
            var options = row.Setting.ApplyTo(new PipelineOptions());
            var outcomes = patients.Select((x, p) => new PatientOutcome(DetectionPipeline.Detect(detector, options, $"S{p}", "synthetic", x.Geometry, x.Maps, x.Areas), p % 2 == 0, Truth(p, 12))).ToArray();
            var direct = PipelineEvaluation.Compute(outcomes);
            if (direct.ImageCounts != row.Image.Counts || direct.PatientCounts != row.Patient.Counts) mismatches++;
        }
        output.WriteLine($"  sweep: {result.Rows.Count} rows against direct evaluation, {mismatches} mismatches");
        return mismatches == 0;
    }

    private static bool?[] Truth(int patient, int n) => Enumerable.Range(0, n).Select(z => (bool?)(patient % 2 == 0 && z % 3 != 0)).ToArray();

    private static (VolumeGeometry Geometry, ProbabilityMap[] Maps, ValidArea[] Areas) Patient(ProbabilityMap[] pool, ValidArea lungs, int n, int patient, int size)
    {
        var geometry = VolumeGeometry.Axial(size, size, n, 0.7, 1.25);
        var maps = Enumerable.Range(0, n).Select(z => pool[(patient * 7 + z) % pool.Length]).ToArray();
        return (geometry, maps, Enumerable.Repeat(lungs, n).ToArray());
    }
}
