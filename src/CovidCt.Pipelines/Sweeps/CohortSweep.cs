using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Metrics;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.Preprocessing;
using Microsoft.ML;

namespace CovidCt.Pipelines.Sweeps;

/// <summary>A sweep over a cohort manifest, streaming patient by patient, scoring each patient at most once through the cache.</summary>
public static class CohortSweep
{
    /// <summary>
    /// Every patient of <paramref name="manifest"/> (of <paramref name="split"/> when given) through every setting of
    /// <paramref name="grid"/>; the options the grid does not vary are <paramref name="pipeline"/>'s. Steps 2 to 4 are the ML.NET
    /// chain's (<see cref="CovidCtCatalog.ScoreAndSegment"/>, on <paramref name="context"/> or a new one), fed patient by patient;
    /// with a <paramref name="cache"/>, maps are read from it or scored and written once. The next patient is read and preprocessed, and the one
    /// before counted, on other threads while a patient goes through the chain; the result is that of adding the patients in order.
    /// <paramref name="onPatient"/> receives each patient's id once it is done (for progress), in input order, on the calling thread.
    /// With a cache, the HU valid areas are read from the valid-area cache beside the maps, or segmented and written once. Each
    /// patient is checked for body framing's whole-slice fallback as it is read (once; <see cref="SweepResult.Warnings"/>), where the
    /// geometry its files did not state is said too (<see cref="CtVolume.Assumptions"/>).
    /// </summary>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">When a patient cannot be read, has no slices or duplicate positions, or the model returns non-finite values.</exception>
    /// <exception cref="InvalidOperationException">When the manifest has no patient in <paramref name="split"/>.</exception>
    public static SweepResult Run(DetectionPipeline pipeline, CohortManifest manifest, CohortSplit? split, SweepGrid grid, ProbabilityMapCache? cache = null,
        Action<string>? onPatient = null, ProportionInterval method = ProportionInterval.Wilson, double level = 0.95, CohortReadOptions? readOptions = null, MLContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(manifest);
        var sweep = new PostProcessingSweep(grid, pipeline.Options);
        var ml = context ?? new MLContext();
        var cacheOptions = cache is null ? null : new ProbabilityCacheOptions(cache.Root, cache.Key.CohortSha256);
        var framing = new FramingFacts(pipeline.Options.Preprocessing.Framing);
        var reads = new Evaluation.ReadWarnings();
        // Patient n+1 is read, its framing checked and its model input made on another thread while patient n is scored (the
        // scoring step's read-ahead: one ahead).
        var slices = SliceDataView.FromPatients(ml, () => framing.Noting(reads.Noting(CohortReader.ReadPatients(manifest, split, readOptions))));
        using var chain = ml.CovidCt().ScoreAndSegment(pipeline.ModelPath, pipeline.Options, cacheOptions).Fit(slices);
        var view = chain.Transform(slices);
        var rows = view is IRowStream<ValidAreaSliceRow> typed ? typed.Rows : ml.Data.CreateEnumerable<ValidAreaSliceRow>(view, reuseRowObject: false);
        // Patient n's settings are counted on other threads while the chain brings patient n+1 (cache, valid area): one patient
        // behind, so Add never runs twice at once and patients are added in input order, as the counts are the same either way.
        var counting = Task.CompletedTask;
        string? counted = null;
        // Waits for the patient being counted (its own exception, if any, thrown as is), then reports it done, once.
        void FinishCounting()
        {
            var (task, patientId) = (counting, counted);
            (counting, counted) = (Task.CompletedTask, null);
            task.GetAwaiter().GetResult();
            if (patientId is not null) onPatient?.Invoke(patientId);
        }
        try
        {
            foreach (var patient in PatientGroups.Of(rows))
            {
                var first = patient[0];
                var geometry = new VolumeGeometry(first.Width, first.Height, patient.Count, first.ColumnSpacing, first.RowSpacing, patient.Select(r => r.Position).ToArray(),
                    0, new Vector3D(1, 0, 0), new Vector3D(0, 1, 0), default);
                var maps = patient.Select(r => r.Map()).ToArray();
                var validAreas = patient.Select(r => r.ValidArea()).ToArray();
                var truth = patient.Select(r => r.HasSliceTruth ? r.SliceTruth : (bool?)null).ToArray();
                FinishCounting();
                counted = first.PatientId;
                counting = Task.Run(() => sweep.Add(first.PatientId, first.Source, geometry, maps, validAreas, first.Label, truth));
            }
        }
        catch
        {
            // As one patient after another: the patient being counted is finished and reported (or its own, earlier, error
            // thrown) before the error of the patient after it leaves.
            FinishCounting();
            throw;
        }
        FinishCounting();
        var scoring = chain.OfType<LesionScoringTransformer>().Single().Scoring;
        var areas = chain.LastTransformer.Step.Cache;
        string?[] cacheWarnings = [scoring.Cache?.Warning, areas?.Warning];
        var result = sweep.Result(method, level);
        result.Warnings = [.. reads.Warnings, .. framing.Warnings, .. cacheWarnings.OfType<string>()];
        result.ValidAreasFromCache = areas?.CachedPatients ?? 0;
        return result;
    }

    /// <summary>
    /// Tune on one split, report on another: sweeps <paramref name="grid"/> on <paramref name="tuneOn"/>, chooses the operating
    /// point by <see cref="OperatingPointRule"/>, then evaluates that one setting on <paramref name="reportOn"/> (the report
    /// split is never swept, so nothing is chosen on it).
    /// </summary>
    /// <exception cref="ArgumentException">When the splits are the same, or the tuning split cannot choose (see <see cref="OperatingPointRule.Choose"/>).</exception>
    public static TunedOperatingPoint TuneAndReport(DetectionPipeline pipeline, CohortManifest manifest, CohortSplit tuneOn, CohortSplit reportOn, SweepGrid grid,
        ProbabilityMapCache? cache = null, Action<string>? onPatient = null, ProportionInterval method = ProportionInterval.Wilson, double level = 0.95)
    {
        if (tuneOn == reportOn) throw new ArgumentException($"tuning and reporting on the same split ({tuneOn}) would report an optimistic result; choose two splits");
        var tuning = Run(pipeline, manifest, tuneOn, grid, cache, onPatient, method, level);
        var chosen = tuning.ChooseOperatingPoint();
        var s = chosen.Setting;
        var single = new SweepGrid([s.Threshold], [s.MinPixels], [s.ConsecutiveSlices], [s.SameQuadrant], [s.Assignment]);
        var report = Run(pipeline, manifest, reportOn, single, cache, onPatient, method, level);
        // The tuning sweep's result stands for the run: it carries the warnings of both splits.
        tuning.Warnings = [.. tuning.Warnings.Union(report.Warnings)];
        return new TunedOperatingPoint(tuneOn, reportOn, tuning, chosen, report.Rows[0]);
    }
}

/// <summary>An operating point chosen on one split and reported once on another.</summary>
/// <param name="TunedOn">The tuning split.</param>
/// <param name="ReportedOn">The report split.</param>
/// <param name="Tuning">The whole sweep on the tuning split.</param>
/// <param name="Chosen">The chosen setting's row on the tuning split (optimistic: it was chosen there).</param>
/// <param name="Reported">The same setting's row on the report split: the figure to report.</param>
public sealed record TunedOperatingPoint(CohortSplit TunedOn, CohortSplit ReportedOn, SweepResult Tuning, SweepRow Chosen, SweepRow Reported);
