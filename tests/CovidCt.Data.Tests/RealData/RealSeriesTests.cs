using CovidCt.Data.Nifti;

namespace CovidCt.Data.Tests.RealData;

/// <summary>The two real LIDC-IDRI series: geometry, HU plausibility, and a lossless DICOM → NIfTI → volume round trip.</summary>
public sealed class RealSeriesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableTheory]
    [InlineData("LIDC-IDRI-0001", 133, 0.703125, -340.0, -10.0)]
    [InlineData("LIDC-IDRI-0003", 140, 0.820312, -379.0, -31.5)]
    public void Series_reads_with_its_geometry_and_plausible_HU(string patient, int slices, double spacing, double firstPosition, double lastPosition)
    {
        var volume = CtReader.Read(SharedData.LidcPatient(patient));
        var g = volume.Geometry;

        Assert.Equal((512, 512, slices), (g.Width, g.Height, g.Depth));
        Assert.Equal(spacing, g.ColumnSpacing, 6);
        Assert.Equal(spacing, g.RowSpacing, 6);
        Assert.Equal(2.5, g.SliceThickness);
        Assert.Equal(firstPosition, g.SlicePositions[0], 3);
        Assert.Equal(lastPosition, g.SlicePositions[^1], 3);
        Assert.All(g.SlicePositions.Zip(g.SlicePositions.Skip(1)), p => Assert.Equal(2.5, p.Second - p.First, 3));
        Assert.Equal(new Vector3D(1, 0, 0), g.RowDirection);
        Assert.Equal(new Vector3D(0, 1, 0), g.ColumnDirection);
        Assert.NotNull(volume.SeriesInstanceUid);

        var middle = volume.Slice(g.Depth / 2).ToArray();
        // -2048 fills the corners outside the scan circle: padding, not air.
        Assert.Equal(-2048f, middle[0]);
        // Air in front of the chest, inside the field of view: a patch above the body at the top centre.
        Assert.InRange(Median(Patch(middle, 246, 60, 20)), -1050f, -950f);
        // Tissue peaks of the histogram: fat near -100 HU, soft tissue (muscle, blood) near 0-80 HU.
        Assert.InRange(Peak(middle, -200, -30), -150, -60);
        Assert.InRange(Peak(middle, -30, 200), 0, 80);
    }

    [SkippableTheory]
    [InlineData("LIDC-IDRI-0001")]
    [InlineData("LIDC-IDRI-0003")]
    public void DICOM_to_NIfTI_and_back_is_lossless(string patient)
    {
        var volume = CtReader.Read(SharedData.LidcPatient(patient));
        var path = _folder.File("series.nii.gz");
        NiftiWriter.Write(volume, path);
        var back = CtReader.Read(path);

        Assert.Equal(volume.Hounsfield, back.Hounsfield);
        Assert.Equal(volume.Geometry.SlicePositions, back.Geometry.SlicePositions);
        Assert.Equal(volume.Geometry with { SlicePositions = [] }, back.Geometry with { SlicePositions = [] });
        Assert.Equal(volume.SeriesInstanceUid, back.SeriesInstanceUid);
    }

    private static float[] Patch(float[] slice, int x0, int y0, int size)
    {
        var values = new List<float>();
        for (var y = y0; y < y0 + size; y++)
            for (var x = x0; x < x0 + size; x++)
                values.Add(slice[y * 512 + x]);
        return values.ToArray();
    }

    /// <summary>Lower edge of the most populated 10-HU bin in [from, to).</summary>
    private static int Peak(float[] values, int from, int to)
    {
        var bins = new int[(to - from) / 10];
        foreach (var v in values)
        {
            if (v >= from && v < to) bins[(int)((v - from) / 10)]++;
        }
        return from + 10 * Array.IndexOf(bins, bins.Max());
    }

    private static float Median(float[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
