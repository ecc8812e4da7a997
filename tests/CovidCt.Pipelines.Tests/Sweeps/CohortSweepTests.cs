using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Caching;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Sweeps;


namespace CovidCt.Pipelines.Tests.Sweeps;

public sealed class CohortSweepTests : IDisposable
{
    private static readonly SweepGrid Grid = new([0.3, 0.5, 0.9], [0, 25, 150], [1, 2, 3]);
    // The phantom's whole slice fills the input (no body frame), so its 12 x 12 lesions are exactly 144 slice pixels.
    private static readonly PipelineOptions WholeSlice = new() { Preprocessing = { Framing = SliceFraming.Image } };
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void The_study_row_of_a_cohort_sweep_equals_the_evaluation_and_each_patient_is_scored_once()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        using var pipeline = new DetectionPipeline(_models.Lesion(32), WholeSlice);
        var cache = new ProbabilityMapCache(Path.Combine(_models.Folder, "cache"), ProbabilityCacheKey.For(pipeline, CohortFingerprint.Compute(manifest)));
        var done = new List<string>();
        var result = CohortSweep.Run(pipeline, manifest, CohortSplit.Test, Grid, cache, done.Add);
        var evaluation = PipelineEvaluation.Compute(CohortDetection.Run(pipeline, manifest, cache: cache));

        var study = result.StudyDefaults!;
        Assert.Equal(evaluation.ImageCounts, study.Image.Counts);
        Assert.Equal(evaluation.PatientCounts, study.Patient.Counts);
        Assert.Equal(3, result.ImagesWithoutTruth);
        Assert.Equal(["P1", "P2", "C1"], done);
        Assert.Equal(3, Directory.GetFiles(cache.Folder, "*.pmap").Length);
        // The lesions are 144 pixels, counted on the 64 x 64 slices (36 at the model's 32 x 32): a minimum of 150 removes every box.
        Assert.All(result.Rows.Where(r => r.Setting.MinPixels == 150), r => Assert.Equal(0, r.Image.Counts.CalledPositive));
        // k = 2 also calls P2 (two slices in a row) positive.
        Assert.Equal(2, result.Find(SweepSetting.Study with { ConsecutiveSlices = 2 })!.Patient.Counts.TruePositives);
    }

    [Fact]
    public void One_sweep_opens_its_chain_once_for_every_run_and_says_the_memory_warning_first()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        // The runtime alone is estimated at 512 MiB: a 100 MiB budget cannot hold one batch.
        var options = new PipelineOptions { Preprocessing = { Framing = SliceFraming.Image }, Scoring = { MemoryBudgetBytes = 100L << 20 } };
        using var sweep = new CohortSweep(_models.Lesion(32), options, new ProbabilityCacheOptions(Path.Combine(_models.Folder, "cache"), CohortFingerprint.Compute(manifest)));
        var scorer = sweep.Scoring.Scorer;
        var budget = scorer.BudgetWarning;
        Assert.StartsWith("one scoring batch alone is estimated at", budget, StringComparison.Ordinal);

        var runs = Enumerable.Range(0, 3).Select(_ => sweep.Sweep(manifest, CohortSplit.Test, Grid)).ToArray();

        Assert.All(runs, r => Assert.Equal(budget, r.Warnings[0]));
        // Each run counts its own valid areas from the cache, not the chain's since it was opened.
        Assert.Equal([0, 3, 3], runs.Select(r => r.ValidAreasFromCache));
        Assert.Same(scorer, sweep.Scoring.Scorer);
        using var pipeline = new DetectionPipeline(_models.Lesion(32), options);
        var alone = CohortSweep.Run(pipeline, manifest, CohortSplit.Test, Grid);
        Assert.Equal(alone.Rows.Select(r => (r.Image.Counts, r.Patient.Counts)), runs[2].Rows.Select(r => (r.Image.Counts, r.Patient.Counts)));
    }

    [Fact]
    public void A_sweep_from_options_changed_after_its_models_were_opened_is_refused()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        var options = new PipelineOptions();
        using var sweep = new CohortSweep(_models.Lesion(32), options, new ProbabilityCacheOptions(Path.Combine(_models.Folder, "cache"), CohortFingerprint.Compute(manifest)));
        // The chain's valid-area cache key was made from the old threshold: areas from the new one would be written under it.
        options.ValidArea.AirThresholdHu -= 50;
        var error = Assert.Throws<InvalidOperationException>(() => sweep.Sweep(manifest, CohortSplit.Test, Grid));
        Assert.Equal("the sweep's options changed after its models were opened; make a new CohortSweep with the options to sweep from", error.Message);
    }

    [Fact]
    public void Tuning_on_val_reports_the_chosen_setting_once_on_test()
    {
        var folder = Path.Combine(_models.Folder, "cohort");
        PhantomCohort.Write(folder);
        var manifestPath = Path.Combine(folder, "splits.csv");
        File.WriteAllText(manifestPath, "patient_id,label,images,masks,split\nP1,covid,p1.nii.gz,p1-mask.nii.gz,val\nC1,control,c1.nii.gz,,val\nP2,covid,p2.nii.gz,,test\nC2,control,c1.nii.gz,,test\n");
        var manifest = CohortManifest.Load(manifestPath);
        using var pipeline = new DetectionPipeline(_models.Lesion(32), WholeSlice);
        var tuned = CohortSweep.TuneAndReport(pipeline, manifest, CohortSplit.Val, CohortSplit.Test, Grid);

        Assert.Equal(2, tuned.Tuning.Patients);
        Assert.Equal(1.0, tuned.Chosen.Patient.YoudenJ.Value);
        // Among the settings with J = 1 on val and the best image J, the study's is closest to itself.
        Assert.Equal(SweepSetting.Study, tuned.Chosen.Setting);
        Assert.Equal(tuned.Chosen.Setting, tuned.Reported.Setting);
        // On test P2 has lesions on only 2 slices: missed at k = 3.
        Assert.Equal(new CovidCt.Metrics.ConfusionCounts(0, 0, 1, 1), tuned.Reported.Patient.Counts);
        Assert.Throws<ArgumentException>(() => CohortSweep.TuneAndReport(pipeline, manifest, CohortSplit.Test, CohortSplit.Test, Grid));
    }

    [Fact]
    public void The_csv_has_one_row_per_setting_with_undefined_values_left_empty()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        using var pipeline = new DetectionPipeline(_models.Lesion(32), WholeSlice);
        var result = CohortSweep.Run(pipeline, manifest, null, Grid);
        var path = Path.Combine(_models.Folder, "sweep.csv");
        result.WriteCsv(path);
        var lines = File.ReadAllLines(path);
        Assert.Equal(Grid.Count + 1, lines.Length);
        var header = lines[0].Split(',');
        Assert.Equal(5 + 2 * SweepResult.MetricColumns.Count + 3, header.Length);
        var study = lines.Single(l => l.StartsWith("0.5,25,3,on,centroid,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("1", study[^1]);
        Assert.Equal("3", study[Array.IndexOf(header, "image_tp")]);
        // Minimum 150 pixels: no positive call, so the per-image PPV is undefined and its field empty.
        var none = lines.First(l => l.StartsWith("0.5,150,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("", none[Array.IndexOf(header, "image_ppv")]);
    }

    // Issue #20: the sweep used to segment every patient's lungs again on every run.
    [Theory]
    [InlineData(ValidAreaRegion.Rectangle)]
    [InlineData(ValidAreaRegion.Mask)]
    public void A_second_sweep_reads_the_valid_areas_from_the_cache_and_gives_the_same_rows(ValidAreaRegion region)
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        var options = new PipelineOptions { Preprocessing = { Framing = SliceFraming.Image }, ValidArea = { Region = region } };
        using var pipeline = new DetectionPipeline(_models.Lesion(32), options);
        var cache = new ProbabilityMapCache(Path.Combine(_models.Folder, "cache"), ProbabilityCacheKey.For(pipeline, CohortFingerprint.Compute(manifest)));

        var cold = CohortSweep.Run(pipeline, manifest, CohortSplit.Test, Grid, cache);
        var warm = CohortSweep.Run(pipeline, manifest, CohortSplit.Test, Grid, cache);
        var uncached = CohortSweep.Run(pipeline, manifest, CohortSplit.Test, Grid);

        Assert.Equal((0, 3), (cold.ValidAreasFromCache, warm.ValidAreasFromCache));
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(cache.Root, ValidAreaCache.FolderName)));
        Assert.Equal(3, Directory.GetFiles(folder, "*.varea").Length);
        Assert.Contains($"region={region}", File.ReadAllText(Path.Combine(folder, "key.txt")), StringComparison.Ordinal);
        Assert.Equal(Csv(uncached, "uncached"), Csv(cold, "cold"));
        Assert.Equal(Csv(cold, "cold"), Csv(warm, "warm"));
        Assert.Empty(warm.Warnings);
    }

    [Fact]
    public void A_changed_valid_area_option_misses_the_valid_area_cache()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        var root = Path.Combine(_models.Folder, "cache");
        SweepResult Sweep(PipelineOptions options)
        {
            using var pipeline = new DetectionPipeline(_models.Lesion(32), options);
            return CohortSweep.Run(pipeline, manifest, CohortSplit.Test, Grid, new ProbabilityMapCache(root, ProbabilityCacheKey.For(pipeline, CohortFingerprint.Compute(manifest))));
        }

        Sweep(WholeSlice);
        var closing = Sweep(new PipelineOptions { Preprocessing = { Framing = SliceFraming.Image }, ValidArea = { ClosingRadius = 1 } });
        var again = Sweep(WholeSlice);

        Assert.Equal((0, 3), (closing.ValidAreasFromCache, again.ValidAreasFromCache));
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(root, ValidAreaCache.FolderName)).Length);
    }

    [Fact]
    public void A_damaged_valid_area_file_is_segmented_again_with_the_same_rows()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        using var pipeline = new DetectionPipeline(_models.Lesion(32), WholeSlice);
        var cache = new ProbabilityMapCache(Path.Combine(_models.Folder, "cache"), ProbabilityCacheKey.For(pipeline, CohortFingerprint.Compute(manifest)));
        var cold = CohortSweep.Run(pipeline, manifest, CohortSplit.Test, Grid, cache);
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(cache.Root, ValidAreaCache.FolderName)));
        File.WriteAllBytes(Directory.GetFiles(folder, "*.varea")[0], [1, 2, 3]);

        var warm = CohortSweep.Run(pipeline, manifest, CohortSplit.Test, Grid, cache);

        Assert.Equal(2, warm.ValidAreasFromCache);
        Assert.Equal(Csv(cold, "cold"), Csv(warm, "warm"));
    }

    [Fact]
    public void A_case_with_no_body_is_a_warning_of_the_sweep_noted_as_it_is_read()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        var air = new CovidCt.Data.CtVolume(CovidCt.Data.VolumeGeometry.Axial(64, 64, 2, 1, 1), Enumerable.Repeat(-1000f, 64 * 64 * 2).ToArray(), "air");
        CovidCt.Data.Nifti.NiftiWriter.Write(air, Path.Combine(manifest.Folder, "air.nii.gz"));
        File.AppendAllText(manifest.Path, "A1,control,air.nii.gz,,test\n");
        using var pipeline = new DetectionPipeline(_models.Lesion(32));

        var result = CohortSweep.Run(pipeline, CohortManifest.Load(manifest.Path), CohortSplit.Test, Grid);

        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("A1: no pixel above -500 HU", warning, StringComparison.Ordinal);
    }

    private string Csv(SweepResult result, string name)
    {
        var path = Path.Combine(_models.Folder, name + ".csv");
        result.WriteCsv(path);
        return File.ReadAllText(path);
    }
}
