using CovidCt.Data.IO;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// Cuts a stream of slice rows into patients: a patient's rows are contiguous and it ends at its <see cref="CtSliceRow.SliceCount"/>-th
/// row, so a step finishes a patient without reading the next one. Only one patient's rows are held at a time.
/// </summary>
internal static class PatientGroups
{
    /// <exception cref="InvalidInputException">When a patient's rows are interrupted by another patient's, or it has no slices.</exception>
    public static IEnumerable<List<TRow>> Of<TRow>(IEnumerable<TRow> rows) where TRow : CtSliceRow
    {
        var patient = new List<TRow>();
        foreach (var row in rows)
        {
            if (patient.Count > 0 && row.PatientId != patient[0].PatientId)
            {
                throw new InvalidInputException(row.Source, $"patient '{patient[0].PatientId}' has {patient.Count} of its {patient[0].SliceCount} slices before patient '{row.PatientId}' starts; a patient's slice rows must be contiguous");
            }
            if (row.SliceCount < 1) throw new InvalidInputException(row.Source, $"patient '{row.PatientId}' slice {row.SliceIndex} says the patient has {row.SliceCount} slices; expected at least one");
            patient.Add(row);
            if (patient.Count < row.SliceCount) continue;
            yield return patient;
            patient = [];
        }
        if (patient.Count > 0)
        {
            throw new InvalidInputException(patient[0].Source, $"patient '{patient[0].PatientId}' ends after {patient.Count} of its {patient[0].SliceCount} slices");
        }
    }
}
