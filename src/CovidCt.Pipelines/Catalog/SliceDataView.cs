using CovidCt.Data;
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
}
