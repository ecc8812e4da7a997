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
    /// <exception cref="Data.IO.InvalidInputException">When the volume has no slices.</exception>
    public static IEnumerable<CtSliceRow> Rows(string patientId, bool label, CtVolume volume, IReadOnlyList<bool?>? sliceTruth = null)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (volume.Geometry.Depth == 0) throw new Data.IO.InvalidInputException(volume.Source, $"patient '{patientId}' has no slices; expected at least one");
        return ChunkRows(patientId, label, volume, 0, volume.Geometry.Depth, sliceTruth);
    }

    /// <summary>
    /// Slices <paramref name="firstSlice"/> to <paramref name="firstSlice"/> + <paramref name="sliceCount"/> - 1 of one volume as the
    /// rows of a patient <paramref name="chunkId"/> of <paramref name="sliceCount"/> slices: what a cluster worker runs of a long series.
    /// Each row keeps its index in the volume, and the chunk is framed over every slice of the volume, so each slice's result is
    /// the one the whole volume gives it (every step before the patient rule works on one slice, or on the patient's frame).
    /// </summary>
    /// <param name="chunkId">The rows' patient identifier: also the chunk's entry in the probability cache, so it must differ from the patient's.</param>
    /// <param name="label">True for a COVID-19 patient.</param>
    /// <param name="volume">The whole CT volume in HU.</param>
    /// <param name="firstSlice">The chunk's first slice in the volume.</param>
    /// <param name="sliceCount">The chunk's slices.</param>
    /// <param name="sliceTruth">Per-slice truth of the whole volume, or null when all are unknown.</param>
    /// <exception cref="ArgumentException">When <paramref name="sliceTruth"/> does not have one entry per slice of the volume.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the chunk is empty or reaches beyond the volume.</exception>
    public static IEnumerable<CtSliceRow> ChunkRows(string chunkId, bool label, CtVolume volume, int firstSlice, int sliceCount, IReadOnlyList<bool?>? sliceTruth = null)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var g = volume.Geometry;
        ArgumentOutOfRangeException.ThrowIfNegative(firstSlice);
        ArgumentOutOfRangeException.ThrowIfLessThan(sliceCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstSlice + sliceCount, g.Depth, nameof(sliceCount));
        if (sliceTruth is not null && sliceTruth.Count != g.Depth) throw new ArgumentException($"{sliceTruth.Count} truth values for {g.Depth} slices", nameof(sliceTruth));
        return Iterate(chunkId, label, volume, firstSlice, sliceCount, sliceTruth);
    }

    private static IEnumerable<CtSliceRow> Iterate(string chunkId, bool label, CtVolume volume, int firstSlice, int sliceCount, IReadOnlyList<bool?>? sliceTruth)
    {
        var g = volume.Geometry;
        var framing = new ReadOnlyMemory<float>[g.Depth];
        for (var z = 0; z < g.Depth; z++) framing[z] = volume.Hounsfield.AsMemory(z * g.SliceLength, g.SliceLength);
        for (var z = firstSlice; z < firstSlice + sliceCount; z++)
        {
            var truth = sliceTruth?[z];
            var row = new CtSliceRow
            {
                PatientId = chunkId,
                Label = label,
                SliceIndex = z,
                SliceCount = sliceCount,
                Position = g.SlicePositions[z],
                Width = g.Width,
                Height = g.Height,
                ColumnSpacing = g.ColumnSpacing,
                RowSpacing = g.RowSpacing,
                HasSliceTruth = truth is not null,
                SliceTruth = truth ?? false,
                Source = volume.Source,
                FramingSlices = framing,
            };
            row.ReferHounsfield(framing[z]);
            yield return row;
        }
    }

    /// <summary>An IDataView over <paramref name="rows"/>, enumerated again for each cursor.</summary>
    public static IDataView Load(MLContext context, IEnumerable<CtSliceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rows);
        return new RowStream<CtSliceRow>(context, rows);
    }

    /// <summary>
    /// The slices of a cohort (of one split when given), read patient by patient as a cursor reaches them, with each slice's
    /// truth from the manifest's masks (unknown for a COVID-19 patient without masks).
    /// </summary>
    /// <exception cref="CovidCt.Data.IO.InvalidInputException">While enumerating, when a patient's files can no longer be read.</exception>
    public static IDataView FromCohort(MLContext context, CohortManifest manifest, CohortSplit? split = null, CohortReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return FromPatients(context, () => CohortReader.ReadPatients(manifest, split, options));
    }

    /// <summary>
    /// The slices of the patients <paramref name="patients"/> yields, read afresh for each cursor (so a patient is read only when a
    /// cursor reaches it, and no cursor holds more than the patients in flight).
    /// </summary>
    public static IDataView FromPatients(MLContext context, Func<IEnumerable<CohortPatient>> patients)
    {
        ArgumentNullException.ThrowIfNull(patients);
        return Load(context, new Replayable(patients));
    }

    // LoadFromEnumerable enumerates its source once per cursor: each enumeration reads the cohort again from the start.
    private sealed class Replayable(Func<IEnumerable<CohortPatient>> patients) : IEnumerable<CtSliceRow>
    {
        public IEnumerator<CtSliceRow> GetEnumerator() =>
            patients().SelectMany(p => Rows(p.Entry.PatientId, p.Entry.Label == PatientLabel.Covid, p.Volume, p.SliceTruth)).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
