using CovidCt.Data;

namespace CovidCt.Testing;

/// <summary>Small deterministic volumes and masks for round-trip tests.</summary>
public static class Volumes
{
    /// <summary>A volume whose voxel at index i holds an integral HU that encodes i, so any reordering is visible.</summary>
    public static CtVolume Integral(int width = 5, int height = 4, int depth = 3, string? seriesUid = "1.2.3.4")
    {
        var geometry = new VolumeGeometry(width, height, depth, 0.703125, 0.8, Enumerable.Range(0, depth).Select(z => -340.25 + 2.5 * z).ToArray(), 2.5,
            new Vector3D(1, 0, 0), new Vector3D(0, 1, 0), new Vector3D(-166.3, -180.1, -340.25));
        var voxels = new float[geometry.VoxelCount];
        for (var i = 0; i < voxels.Length; i++) voxels[i] = (i * 37 % 4000) - 2048;
        return new CtVolume(geometry, voxels, "generated", seriesUid);
    }

    /// <summary>A 6x5x4 axial volume with 0.5 mm pixels and 2 mm slices; voxel i holds (i mod 300) - 1000 HU.</summary>
    public static CtVolume Axial(string? seriesUid = "1.2.3")
    {
        var geometry = VolumeGeometry.Axial(6, 5, 4, 0.5, 2);
        var voxels = Enumerable.Range(0, 120).Select(i => (float)(i % 300 - 1000)).ToArray();
        return new CtVolume(geometry, voxels, "generated", seriesUid);
    }

    /// <summary>A mask on the grid of <paramref name="volume"/> with lesion pixels where the index is divisible by 7.</summary>
    public static LesionMask MaskFor(CtVolume volume)
    {
        var labels = new byte[volume.Geometry.VoxelCount];
        for (var i = 0; i < labels.Length; i++) labels[i] = i % 7 == 0 ? (byte)1 : (byte)0;
        return new LesionMask(volume.Geometry, labels, "generated");
    }
}
