using CovidCt.Pipelines;

namespace CovidCt.Reporting.Errors;

/// <summary>A slice the pipeline got wrong against the slice truth.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Slice">The slice's result (its <see cref="SliceResult.Index"/> is the 0-based index in the volume).</param>
/// <param name="FalsePositive">True for a box on a slice without lesion; false for a lesion slice without box.</param>
public sealed record ErrorSlice(string PatientId, SliceResult Slice, bool FalsePositive)
{
    /// <summary>"false positive" or "false negative".</summary>
    public string Kind => FalsePositive ? "false positive" : "false negative";
}
