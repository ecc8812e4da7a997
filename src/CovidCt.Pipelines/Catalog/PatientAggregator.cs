using CovidCt.Pipelines.PostProcessing;
using Microsoft.ML;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// Step 8 over an IDataView of detected slices: groups rows by patient (in order of first appearance), orders each patient's
/// slices by position and applies the quadrant rule. An aggregate, not a row-to-row transform.
/// </summary>
public static class PatientAggregator
{
    /// <summary>One decision per patient.</summary>
    /// <exception cref="Data.IO.InvalidInputException">When a patient has two slices at one position.</exception>
    public static IReadOnlyList<PatientRow> Aggregate(MLContext context, IDataView detectedSlices, PatientRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(detectedSlices);
        ArgumentNullException.ThrowIfNull(options);
        var patients = new Dictionary<string, (bool Label, string Source, List<double> Positions, List<SliceDetection> Slices)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var row in context.Data.CreateEnumerable<DetectedSliceRow>(detectedSlices, reuseRowObject: false))
        {
            if (!patients.TryGetValue(row.PatientId, out var patient))
            {
                patient = (row.Label, row.Source, [], []);
                patients.Add(row.PatientId, patient);
                order.Add(row.PatientId);
            }
            patient.Positions.Add(row.Position);
            patient.Slices.Add(row.Detection());
        }
        return order.Select(id =>
        {
            var p = patients[id];
            var d = PatientRule.Evaluate(p.Source, id, p.Positions, p.Slices, options);
            return new PatientRow
            {
                PatientId = id, Label = p.Label, IsPositive = d.IsPositive, Score = (float)d.Score, Quadrant = (int)d.Quadrant,
                FirstSlice = d.FirstSlice, LastSlice = d.LastSlice, PositiveSlices = d.PositiveSlices, SliceCount = d.SliceCount,
            };
        }).ToArray();
    }
}
