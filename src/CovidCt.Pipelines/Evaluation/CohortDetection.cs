using CovidCt.Data.Cohorts;
using CovidCt.Pipelines.Caching;

namespace CovidCt.Pipelines.Evaluation;

/// <summary>Runs the pipeline over a cohort manifest, patient by patient, optionally through the probability-map cache.</summary>
public static class CohortDetection
{
    /// <summary>
    /// Every patient of <paramref name="manifest"/> (of <paramref name="split"/> when given) through <paramref name="pipeline"/>, joined with its truth.
    /// With a <paramref name="cache"/>, maps are read from it when present and written to it otherwise (and are then the 8-bit quantised maps).
    /// <paramref name="onPatient"/> sees each patient (volume and mask included) with its outcome as soon as it is done, so callers can report
    /// progress or draw figures without keeping every volume in memory.
    /// </summary>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">When a patient cannot be read, has no slices or duplicate positions, or the model returns non-finite values.</exception>
    public static IReadOnlyList<PatientOutcome> Run(DetectionPipeline pipeline, CohortManifest manifest, CohortSplit? split = null,
        ProbabilityMapCache? cache = null, CohortReadOptions? options = null, Action<CohortPatient, PatientOutcome>? onPatient = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(manifest);
        var outcomes = new List<PatientOutcome>();
        foreach (var patient in CohortReader.ReadPatients(manifest, split, options))
        {
            var id = patient.Entry.PatientId;
            var volume = patient.Volume;
            var maps = cache is null ? pipeline.Score(id, volume) : cache.GetOrScore(id, () => pipeline.Score(id, volume));
            var result = pipeline.Detect(id, volume.Source, volume.Geometry, maps, pipeline.ValidAreas(volume));
            var outcome = new PatientOutcome(result, patient.Entry.Label == PatientLabel.Covid, patient.SliceTruth);
            outcomes.Add(outcome);
            onPatient?.Invoke(patient, outcome);
        }
        return outcomes;
    }
}
