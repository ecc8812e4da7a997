using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Data.Nifti;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.Scoring;
using CovidCt.Testing.Fixtures;
using Microsoft.ML;

namespace CovidCt.Cluster.Tests;

/// <summary>Long series split into chunks: each chunk run on its own and the chunks joined must give the whole series' result.</summary>
public sealed class SliceChunkTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Chunks_run_apart_and_joined_give_the_whole_series_result_even_when_the_body_changes_along_it()
    {
        var manifest = CroppedPhantom();
        var options = new PipelineOptions();
        using var detection = new CohortDetection(new MLContext(seed: 1), _models.Lesion(32), options);
        var whole = Assert.Single(detection.Run(manifest));
        var patient = Assert.Single(CohortReader.ReadPatients(manifest));

        // Chunks of 2: the lesions on slices 1 to 3 reach the rule's 3 in a row only across chunk boundaries.
        var joined = new ChunkedPatient("P1", 5, 2);
        foreach (var first in SliceChunks.Starts(5, 2))
        {
            var count = SliceChunks.CountAt(first, 5, 2);
            var chunk = detection.RunChunk(patient, SliceChunks.ChunkId("P1", first, count, 5), first, count);
            Assert.False(chunk.Result.Decision.IsPositive);
            Assert.True(joined.Add(first, chunk with { Result = chunk.Result with { PatientId = "P1" } }, "test"));
        }

        var outcome = joined.Join(options.PatientRule, manifest.Path);
        Assert.True(outcome.Result.Decision.IsPositive);
        // Every number, box and decision of every slice (JSON round-trips doubles exactly).
        Assert.Equal(OutcomeJson.Write(whole), OutcomeJson.Write(outcome));
    }

    [Fact]
    public void A_chunk_is_kept_once_and_one_with_other_slices_is_refused()
    {
        var outcome = Outcomes.Covid("p1");
        var patient = new ChunkedPatient("p1", 6, 3);
        Assert.True(patient.Add(0, outcome, "worker a"));
        Assert.False(patient.Add(0, outcome, "worker b"));
        Assert.False(patient.IsComplete);
        var error = Assert.Throws<InvalidDataException>(() => patient.Add(3, outcome, "worker c"));
        Assert.Contains("worker c: expected slices 3 to 5 of patient 'p1'", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => patient.Join(new Pipelines.PostProcessing.PatientRuleOptions(), "cohort.csv"));
    }

    [Theory]
    [InlineData(128, 1, 1, 2048L << 20, 713)]
    [InlineData(512, 1, 1, 2048L << 20, 170)]
    [InlineData(128, 1, 1, 560L << 20, 16)]
    [InlineData(128, 1, 4, 2048L << 20, 620)]
    [InlineData(512, 1, 4, 2048L << 20, 16)]
    [InlineData(128, 1, 5, 560L << 20, 20)]
    public void The_default_chunk_size_is_what_the_memory_budget_leaves_in_whole_batches(int side, int channels, int batch, long budget, int expected)
    {
        var plan = ScoringPlan.Choose(new OnnxScoringOptions { BatchSize = batch }, (long)side * side, 2, budget);
        Assert.Equal(expected, SliceChunks.DefaultSlices(plan, (long)side * side, channels, budget));
    }

    [Fact]
    public void The_default_chunk_size_leaves_room_for_every_session_of_the_chain()
    {
        // Two study-size sessions (lesion and lung model, 512 x 512) with one batch each: 2 x 1.5 GiB of a 4 GiB budget leave
        // 1 GiB, 341 slices of 3 MiB; the lesion session alone would leave 2.5 GiB (853 slices).
        const long study = 512 * 512;
        var one = ScoringPlan.EstimateBytes(study, 1, 1);
        var shared = new ScoringPlan(1, 2, 1, 2 * one, WithinBudget: true) { Models = 2 };
        Assert.Equal(341, SliceChunks.DefaultSlices(shared, study, 1, 4L << 30));
        Assert.Equal(853, SliceChunks.DefaultSlices(ScoringPlan.Choose(new OnnxScoringOptions(), study, 1, 4L << 30), study, 1, 4L << 30));
    }

    [Fact]
    public void A_chunk_size_of_part_of_a_batch_is_refused_naming_the_option_and_the_batch_size()
    {
        Assert.Null(SliceChunks.Problem(8, 4));
        Assert.Contains("--chunk-slices 10 is not a multiple of the scoring batch size 4", SliceChunks.Problem(10, 4), StringComparison.Ordinal);
        Assert.Contains("--chunk-slices 0: expected a positive number", SliceChunks.Problem(0, 1), StringComparison.Ordinal);
        Assert.Equal([0, 8, 16], SliceChunks.Starts(20, 8));
        Assert.Equal(4, SliceChunks.CountAt(16, 20, 8));
        Assert.False(SliceChunks.IsSplit(8, 8));
    }

    [Fact]
    public void Finished_chunks_are_found_again_with_their_patient_first_slice_and_series_length()
    {
        using var temp = new TempFolder();
        var folder = new ClusterRunFolder(temp.File("run"));
        folder.Claim("key", "{}");
        var outcome = Outcomes.Covid("p 1/x");
        folder.WriteChunk("p 1/x", 3, 6, OutcomeJson.Write(outcome));
        folder.WriteChunk("p 1/x", 3, 6, OutcomeJson.Write(outcome));

        var (patient, first, slices, read) = Assert.Single(folder.FinishedChunks());
        Assert.Equal(("p 1/x", 3, 6), (patient, first, slices));
        Assert.Equal(OutcomeJson.Write(outcome), OutcomeJson.Write(read));
        // A chunk is not a finished patient: only the joined series is.
        Assert.Empty(folder.Finished());
    }

    // P1 of the phantom cohort (lesions upper left on slices 1 to 3 of 5), its first two slices with a narrower body (air
    // around it), so a chunk of those two alone would be framed at another scale than the series.
    private CohortManifest CroppedPhantom()
    {
        var folder = Path.Combine(_models.Folder, "cohort");
        Directory.CreateDirectory(folder);
        var ul = Phantom.UpperLeft;
        var volume = Phantom.Volume([], [ul], [ul], [ul], []);
        var voxels = volume.Hounsfield.ToArray();
        const int size = Phantom.Size;
        for (var z = 0; z < 2; z++)
        {
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    if (x < 6 || y < 6 || x >= size - 6 || y >= size - 6) voxels[(z * size + y) * size + x] = Phantom.Padding;
                }
            }
        }
        NiftiWriter.Write(new CtVolume(volume.Geometry, voxels, "cropped phantom"), Path.Combine(folder, "p1.nii.gz"));
        var manifest = Path.Combine(folder, "cohort.csv");
        File.WriteAllText(manifest, "patient_id,label,images,masks,split\nP1,covid,p1.nii.gz,,test\n");
        return CohortManifest.Load(manifest);
    }
}
