using System.Runtime.ExceptionServices;
using CovidCt.Data.IO;
using CovidCt.Pipelines.Evaluation;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;
using Microsoft.ML;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// Step 3: scores the <c>Image</c> column of each patient in batches over ONNX Runtime on the scorer's threads, the next patient
/// read, preprocessed and queued for scoring while the later steps finish this one, (through the cache when one is set) and
/// adds <c>Probability</c> at the slice's own resolution, taken back through the patient's frame (<see cref="LesionScoring"/>); <c>Image</c> is emptied, as no later step reads it. Dispose to release the model.
/// </summary>
public sealed class LesionScoringTransformer : SliceTransformer<PreprocessedSliceRow, ScoredSliceRow>
{
    internal LesionScoringTransformer(MLContext context, LesionScoring scoring) : base(context) => Scoring = scoring;

    /// <summary>The scoring step (scorer, resolved preprocessing, cache).</summary>
    public LesionScoring Scoring { get; }

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">When the model returns NaN or infinity, naming patient and slice.</exception>
    protected override IEnumerable<ScoredSliceRow> Map(IEnumerable<PreprocessedSliceRow> rows)
    {
        // Patient n+1 is read (the steps before this one) and preprocessed on another thread while patient n is scored (exactly
        // one ahead: Evaluation.ReadAhead), and its batches are queued behind patient n's before n's rows go on to the later
        // steps: the scoring threads go on with n+1 while those steps finish n, rather than waiting for them at every patient.
        // Memory holds at most two patients (and their model inputs) more than the one the later steps are on; patients come
        // out in order, and one that cannot be read throws after every row before it.
        using var patients = ReadAhead.Of(PatientGroups.Of(rows).Select(Prepared)).GetEnumerator();
        var (next, failure) = Next(patients);
        try
        {
            while (next is not null)
            {
                (List<PreprocessedSliceRow> patient, SliceFrame frame, PatientScoring? scoring) = next;
                (next, failure) = Next(patients);
                var maps = Scoring.ScoreBegun(scoring, frame);
                // The model's own maps (held by the scoring) go now that the quantised ones are out, not after the patient's rows.
                scoring = null;
                for (var i = 0; i < patient.Count; i++)
                {
                    var scored = ScoredSliceRow.From(patient[i], maps[i]);
                    // No later step reads the model input or the frame: dropping them spares every later step copying the input
                    // through ML.NET, and lets the patient's rows (which the frame's factory refers to) go.
                    scored.Image = [];
                    scored.PatientFrame = null;
                    yield return scored;
                }
            }
        }
        finally
        {
            // A consumer that stops early, or a later step that fails on this patient, will not read the next one: its batches not
            // yet started are skipped rather than scored for nobody (and waited for when the model is disposed).
            next?.Scoring.Cancel();
        }
        failure?.Throw();
    }

    // The next patient with its scoring begun, or the reason it could not be read (thrown once the patients before it are out).
    private (Patient? Next, ExceptionDispatchInfo? Failure) Next(IEnumerator<(List<PreprocessedSliceRow> Rows, SliceFrame Frame)> patients)
    {
        try
        {
            if (!patients.MoveNext()) return (null, null);
            var (rows, frame) = patients.Current;
            return (new Patient(rows, frame, Scoring.Begin(rows[0].PatientId, rows.Select(r => r.Position).ToArray(), () => rows.Select(r => r.Image).ToArray())), null);
        }
        catch (Exception e)
        {
            return (null, ExceptionDispatchInfo.Capture(e));
        }
    }

    private sealed record Patient(List<PreprocessedSliceRow> Rows, SliceFrame Frame, PatientScoring Scoring);

    // The patient's frame, and its model inputs made by step 2's own objects (PreprocessedSliceRow.Image), unless the cache holds
    // its maps: then no input is made, as before (a cache file found unreadable later has its inputs made when scoring asks).
    private (List<PreprocessedSliceRow> Patient, SliceFrame Frame) Prepared(List<PreprocessedSliceRow> patient)
    {
        // The preprocessing step's own frame when it framed for the same preprocessing (body framing is a pass over every slice).
        var frame = patient[0].PatientFrame is { } found && found.By == Scoring.Preprocessing
            ? found.Frame.Value
            : PreprocessingTransformer.FrameOf(Scoring.Preprocessing, patient);
        if (!Scoring.IsCached(patient[0].PatientId))
        {
            foreach (var row in patient) _ = row.Image;
        }
        return (patient, frame);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) Scoring.Dispose();
    }
}
