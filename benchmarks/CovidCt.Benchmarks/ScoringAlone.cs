using CovidCt.Data.Cohorts;
using CovidCt.Pipelines;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Benchmarks;

/// <summary>
/// Issue 20's yardstick for evaluate: the model alone on a cohort's slices. Every patient is read and preprocessed exactly as
/// <see cref="DetectionPipeline.Score"/> does it (its frame, the resolved preprocessing) before any timing; <see cref="Run"/>
/// then only scores with the chain's scoring options, keeping the maps only until the run ends. Every patient's batches are queued at once on the
/// scorer's threads, as the chain queues the next patient behind the current one, so no core waits at a patient's end: the
/// model's best throughput on these slices, not one call per patient (7 % slower on two cores).
/// </summary>
internal sealed class ScoringAlone : IDisposable
{
    private readonly DetectionPipeline _pipeline;
    private readonly List<float[][]> _patients;

    private ScoringAlone(DetectionPipeline pipeline, List<float[][]> patients)
    {
        _pipeline = pipeline;
        _patients = patients;
    }

    /// <summary>Opens the model with evaluate's default options and preprocesses every slice of <paramref name="split"/>.</summary>
    public static ScoringAlone Prepare(string model, CohortManifest manifest, CohortSplit? split)
    {
        var pipeline = new DetectionPipeline(model, new PipelineOptions());
        var preprocessing = pipeline.Scoring.Preprocessing;
        float[]? scratch = null;
        var patients = new List<float[][]>();
        foreach (var patient in CohortReader.ReadPatients(manifest, split))
        {
            var g = patient.Volume.Geometry;
            var slices = Enumerable.Range(0, g.Depth).Select(z => (ReadOnlyMemory<float>)patient.Volume.Hounsfield.AsMemory(z * g.SliceLength, g.SliceLength)).ToArray();
            var frame = preprocessing.FrameOf(slices, g.Width, g.Height);
            var images = new float[g.Depth][];
            for (var z = 0; z < g.Depth; z++)
            {
                images[z] = new float[preprocessing.ImageLength];
                preprocessing.Apply(slices[z].Span, frame, images[z], ref scratch);
            }
            patients.Add(images);
        }
        return new ScoringAlone(pipeline, patients);
    }

    /// <summary>How many slices <see cref="Run"/> scores.</summary>
    public int Slices => _patients.Sum(p => p.Length);

    /// <summary>Scores every patient's preprocessed slices once.</summary>
    public void Run()
    {
        var scoring = _patients.Select(images => _pipeline.Scorer.ScoreAhead(images)).ToList();
        foreach (var patient in scoring) BatchedOnnxScorer.MapsOf(patient);
    }

    /// <summary>Releases the model session.</summary>
    public void Dispose() => _pipeline.Dispose();
}
