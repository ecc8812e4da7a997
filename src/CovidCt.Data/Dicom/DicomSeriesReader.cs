using System.Runtime.InteropServices;
using CovidCt.Data.IO;

namespace CovidCt.Data.Dicom;

/// <summary>
/// Reads one CT series from a folder of DICOM Part-10 files (searched recursively; other files are skipped) into a volume
/// in HU (stored value x Rescale Slope + Rescale Intercept), slices sorted by position along the slice normal, Instance
/// Number when every slice lacks its position; what the files did not state is on <see cref="CtVolume.Assumptions"/>.
/// </summary>
internal static class DicomSeriesReader
{
    public static CtVolume Read(string folder, string? seriesInstanceUid, InputLimits limits) => Read(DicomSeries.Select(folder, seriesInstanceUid, limits), folder);

    /// <summary>One DICOM file as a one-slice volume.</summary>
    public static CtVolume ReadFile(string file, InputLimits limits) => Read(DicomSeries.FromFile(file, limits), file);

    private static CtVolume Read(DicomSeries series, string source)
    {
        var geometry = series.Geometry;
        var voxels = GC.AllocateUninitializedArray<float>(checked((int)geometry.VoxelCount));
        // Slices are independent files: decode them in parallel, one pixel buffer per worker.
        try
        {
            DecodeAll(series, voxels);
        }
        catch (AggregateException e)
        {
            // Callers expect the reader's own typed error, not the parallel wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions.FirstOrDefault(x => x is InvalidInputException) ?? e.InnerExceptions[0]);
        }
        return new CtVolume(geometry, voxels, source, series.SeriesInstanceUid) { Assumptions = series.Assumptions };
    }

    private static void DecodeAll(DicomSeries series, float[] voxels)
    {
        var sliceLength = series.Geometry.SliceLength;
        Parallel.For(0, series.Slices.Count, () => GC.AllocateUninitializedArray<byte>(series.SliceBytes), (z, _, buffer) =>
        {
            var slice = series.Slices[z];
            DicomFileScanner.ReadPixelData(slice, buffer);
            ClearUnusedBits(buffer, series);
            VoxelDecoder.Decode(buffer, series.Format, bigEndian: false, slice.RescaleSlope!.Value, slice.RescaleIntercept!.Value, voxels.AsSpan(z * sliceLength, sliceLength));
            return buffer;
        }, _ => { });
    }

    public static CtSourceInfo Describe(string folder, string? seriesInstanceUid, InputLimits limits)
    {
        var g = DicomSeries.Select(folder, seriesInstanceUid, limits).Geometry;
        return new CtSourceInfo(CtSourceKind.Dicom, g.Width, g.Height, g.Depth);
    }

    /// <summary>
    /// Bits above Bits Stored are not part of the value (they may hold overlays); signed values are sign-extended from
    /// the top stored bit, as pydicom does.
    /// </summary>
    private static void ClearUnusedBits(byte[] buffer, DicomSeries series)
    {
        var unused = 16 - series.BitsStored;
        if (unused == 0 || series.BitsAllocated != 16) return;
        if (series.Format == SampleFormat.Int16)
        {
            foreach (ref var v in MemoryMarshal.Cast<byte, short>(buffer.AsSpan())) v = (short)((short)(v << unused) >> unused);
        }
        else
        {
            var mask = (ushort)((1 << series.BitsStored) - 1);
            foreach (ref var v in MemoryMarshal.Cast<byte, ushort>(buffer.AsSpan())) v &= mask;
        }
    }
}
