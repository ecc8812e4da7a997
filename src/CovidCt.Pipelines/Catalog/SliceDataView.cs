using CovidCt.Data;
using CovidCt.Data.Cohorts;
using Microsoft.ML;

namespace CovidCt.Pipelines.Catalog;

/// <summary>Step 1: CT volumes as an IDataView of slices (<see cref="CtSliceRow"/>), streamed patient by patient.</summary>
public static class SliceDataView
{
    /// <summary>The slices of one volume, in anatomical order.</summary>
    /// <param name="patientId">Patient identifier.</param>
    /// <param name="label">True for a COVID-19 patient.</param>
    /// <param name="volume">The CT volume in HU.</param>
    /// <param name="sliceTruth">Per-slice truth (true = lesion, false = none, null = unknown), or null when all are unknown.</param>
    /// <exception cref="ArgumentException">When <paramref name="sliceTruth"/> does not have one entry per slice.</exception>
    public static IEnumerable<CtSliceRow> Rows(string patientId, bool label, CtVolume volume, IReadOnlyList<bool?>? sliceTruth = null)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var g = volume.Geometry;
        if (sliceTruth is not null && sliceTruth.Count != g.Depth) throw new ArgumentException($"{sliceTruth.Count} truth values for {g.Depth} slices", nameof(sliceTruth));
        for (var z = 0; z < g.Depth; z++)
        {
            var truth = sliceTruth?[z];
            yield return new CtSliceRow
            {
                PatientId = patientId,
                Label = label,
                SliceIndex = z,
                Position = g.SlicePositions[z],
                Width = g.Width,
                Height = g.Height,
                ColumnSpacing = g.ColumnSpacing,
                RowSpacing = g.RowSpacing,
                Hounsfield = volume.Slice(z).ToArray(),
                HasSliceTruth = truth is not null,
                SliceTruth = truth ?? false,
                Source = volume.Source,
            };
        }
    }

    /// <summary>An IDataView over <paramref name="rows"/>, enumerated again for each cursor.</summary>
    public static IDataView Load(MLContext context, IEnumerable<CtSliceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Data.LoadFromEnumerable(rows);
    }

    /// <summary>
    /// The slices of a cohort (of one split when given), read patient by patient as a cursor reaches them, with each slice's
    /// truth from the manifest's masks (unknown for a COVID-19 patient without masks).
    /// </summary>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">While enumerating, when a patient's files can no longer be read.</exception>
    public static IDataView FromCohort(MLContext context, CohortManifest manifest, CohortSplit? split = null, CohortReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return Load(context, CohortRows(manifest, split, options));
    }

    private static IEnumerable<CtSliceRow> CohortRows(CohortManifest manifest, CohortSplit? split, CohortReadOptions? options)
    {
        foreach (var patient in CohortReader.ReadPatients(manifest, split, options))
        {
            foreach (var row in Rows(patient.Entry.PatientId, patient.Entry.Label == PatientLabel.Covid, patient.Volume, patient.SliceTruth)) yield return row;
        }
    }
}
