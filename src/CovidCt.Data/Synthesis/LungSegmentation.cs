using CovidCt.Imaging;

namespace CovidCt.Data.Synthesis;

/// <summary>
/// The simulator's lung mask for real CT, by HU thresholding in 3D: air-like voxels (below −400 HU) that are not connected
/// (4-connected) to the border of their slice (outside air, table gaps and the −2048 padding of the scan circle all are),
/// kept when they belong to a large 3D component (6-connected), with enclosed vessels filled in. The imaging core's one
/// lung-field definition with these parameters; the valid area runs the same definition per slice with its own.
/// </summary>
public static class LungSegmentation
{
    /// <summary>Voxels below this are air-like.</summary>
    public const float AirThresholdHu = -400f;

    /// <summary>Components smaller than this fraction of the largest one (bowel gas, small airways outside the lung) are dropped.</summary>
    public const double MinComponentFraction = 0.1;

    private static readonly LungFieldOptions Definition = new(
        AirThresholdHu: AirThresholdHu,
        AirConnectivity: Connectivity.Four,
        LinkSlices: true,
        MaxComponents: int.MaxValue,
        MinFractionOfImage: 0,
        MinFractionOfLargest: MinComponentFraction,
        FillHoles: true,
        ClosingRadius: 0);

    /// <summary>Returns 255 for lung and 0 elsewhere, per voxel of <paramref name="volume"/>; all zero when no lung is found.</summary>
    public static byte[] Segment(CtVolume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var g = volume.Geometry;
        var mask = LungFields.Draw(new LungFields().Find(volume.Hounsfield, g.Width, g.Height, g.Depth, Definition), Definition);
        for (var i = 0; i < mask.Length; i++) mask[i] = (byte)(mask[i] * 255);
        return mask;
    }
}
