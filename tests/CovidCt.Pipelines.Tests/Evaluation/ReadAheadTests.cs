using CovidCt.Data;
using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Catalog;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.Sweeps;
using Microsoft.ML;

namespace CovidCt.Pipelines.Tests.Evaluation;

/// <summary>
/// Issue #20, work around the model off the critical path: patient n+1 is read while patient n is scored, one patient ahead,
/// in order, and a patient that cannot be read still fails naming its file, after the patients before it.
/// </summary>
public sealed class ReadAheadTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void The_next_patient_is_read_while_the_current_one_is_in_the_chain_and_outcomes_keep_their_order()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        var patients = CohortReader.ReadPatients(manifest).ToArray();
        var read = 0;
        IEnumerable<CohortPatient> Counted()
        {
            foreach (var patient in patients)
            {
                Interlocked.Increment(ref read);
                yield return patient;
            }
        }
        using var pipeline = new DetectionPipeline(_models.Lesion(32));
        using var detection = new CohortDetection(new MLContext(), pipeline.ModelPath, pipeline.Options);
        var readWhenDone = new List<int>();
        var outcomes = detection.RunPatients(Counted(), (patient, _) =>
        {
            // Read one after another, the next patient would be read only once this one is done: wait for it to come.
            if (patient.Entry.PatientId == "P1") SpinWait.SpinUntil(() => Volatile.Read(ref read) >= 2, Patience);
            readWhenDone.Add(Volatile.Read(ref read));
        });

        // P2 is read and its scoring queued before P1's rows go on, and the read-ahead may have read C1 meanwhile: never more.
        Assert.InRange(readWhenDone[0], 2, 3);
        Assert.Equal(["P1", "P2", "C1"], outcomes.Select(o => o.Result.PatientId));
        Assert.Equal(CohortDetection.Run(pipeline, manifest).Select(o => o.Result.Decision), outcomes.Select(o => o.Result.Decision));
    }

    // Issue #20: reading went ahead, but windowing and resizing the next patient still waited for the model; then the model
    // waited at every patient for the later steps. The next patient's inputs are now made, and its scoring queued, before the
    // current patient's rows go on, so the scoring threads have them while the later steps work on the current patient.
    [Fact]
    public void The_next_patients_model_inputs_are_made_before_the_current_patients_rows_go_on()
    {
        var ml = new MLContext();
        var made = new System.Collections.Concurrent.ConcurrentQueue<string>();
        PreprocessedSliceRow Row(string patient, int slice)
        {
            var row = new CtSliceRow { PatientId = patient, SliceIndex = slice, SliceCount = 2, Position = slice, Width = 32, Height = 32, Source = "test" };
            row.Hounsfield = new float[32 * 32];
            return PreprocessedSliceRow.From(row, () =>
            {
                made.Enqueue(patient);
                return new float[32 * 32];
            });
        }
        var input = new RowStream<PreprocessedSliceRow>(ml, [Row("A", 0), Row("A", 1), Row("B", 0), Row("B", 1), Row("C", 0), Row("C", 1)]);
        using var scoring = ml.CovidCt().ScoreLesions(_models.Lesion(32)).Fit(input);
        var madeWhenOut = new List<(string Patient, int B, int C)>();

        foreach (var row in ((IRowStream<ScoredSliceRow>)scoring.Transform(input)).Rows)
        {
            if (row.SliceIndex == 0) madeWhenOut.Add((row.PatientId, made.Count(m => m == "B"), made.Count(m => m == "C")));
        }

        // Before, B's inputs were made while A was scored, and might not be when A's first row went on; now they always are.
        Assert.Equal([("A", 2, madeWhenOut[0].C), ("B", 2, 2), ("C", 2, 2)], madeWhenOut);
        Assert.Equal(6, made.Count);
    }

    [Fact]
    public void No_more_than_one_item_is_read_ahead()
    {
        var read = 0;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 5; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }
        var seen = new List<(int Item, int Read)>();
        foreach (var item in ReadAhead.Of(Source()))
        {
            // Time for a read-ahead that did not stop at one item to run on.
            Thread.Sleep(50);
            seen.Add((item, Volatile.Read(ref read)));
        }
        Assert.Equal([0, 1, 2, 3, 4], seen.Select(s => s.Item));
        Assert.All(seen, s => Assert.True(s.Read <= s.Item + 2, $"item {s.Item} in use while {s.Read} items were read"));
    }

    [Fact]
    public void A_patient_that_cannot_be_read_fails_naming_its_file_after_the_patients_before_it()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        var broken = manifest.Entries.Single(e => e.PatientId == "P2").ImagesPath;
        File.WriteAllBytes(broken, [1, 2, 3, 4]);
        using var pipeline = new DetectionPipeline(_models.Lesion(32));
        var done = new List<string>();

        var error = Assert.ThrowsAny<CovidCtInputException>(() => CohortDetection.Run(pipeline, manifest, onPatient: (patient, _) => done.Add(patient.Entry.PatientId)));

        Assert.Contains(broken, error.Message, StringComparison.Ordinal);
        Assert.Equal(["P1"], done);
    }

    [Fact]
    public void A_sweep_reports_its_patients_in_order_and_a_patient_that_cannot_be_read_fails_naming_its_file()
    {
        var manifest = PhantomCohort.Write(Path.Combine(_models.Folder, "cohort"));
        using var pipeline = new DetectionPipeline(_models.Lesion(32));
        var grid = new SweepGrid([0.5], [25], [3]);
        var done = new List<string>();
        CohortSweep.Run(pipeline, manifest, CohortSplit.Test, grid, onPatient: done.Add);
        Assert.Equal(["P1", "P2", "C1"], done);

        var broken = manifest.Entries.Single(e => e.PatientId == "C1").ImagesPath;
        File.WriteAllBytes(broken, [1, 2, 3, 4]);
        done.Clear();
        var error = Assert.ThrowsAny<CovidCtInputException>(() => CohortSweep.Run(pipeline, manifest, CohortSplit.Test, grid, onPatient: done.Add));
        Assert.Contains(broken, error.Message, StringComparison.Ordinal);
        Assert.Equal(["P1", "P2"], done);
    }
}
