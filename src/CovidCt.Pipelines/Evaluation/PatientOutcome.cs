namespace CovidCt.Pipelines.Evaluation;

/// <summary>A patient's pipeline result joined with its truth.</summary>
/// <param name="Result">The pipeline's result.</param>
/// <param name="IsCovid">The patient's label (true = COVID-19).</param>
/// <param name="SliceTruth">Per slice in volume order: true = lesion, false = none, null = unknown.</param>
public sealed record PatientOutcome(PatientResult Result, bool IsCovid, IReadOnlyList<bool?> SliceTruth);
