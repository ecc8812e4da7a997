using System.Globalization;
using CovidCt.Data;
using CovidCt.Testing.Fixtures;

namespace CovidCt.Testing.Invariance;

/// <summary>Writes a volume of whole HU as an uncompressed DICOM CT series (one Part-10 file per slice, stored = HU + 1024), as a scanner would.</summary>
public static class DicomSeriesWriter
{
    private const double Intercept = -1024;

    /// <summary>Writes every slice of <paramref name="volume"/> into <paramref name="folder"/> as 0001.dcm …, positioned on the volume's grid.</summary>
    public static void Write(CtVolume volume, string folder, string seriesUid)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var g = volume.Geometry;
        var normal = g.SliceNormal;
        for (var z = 0; z < g.Depth; z++)
        {
            var shift = g.SlicePositions[z] - g.SlicePositions[0];
            var pixels = new short[g.SliceLength];
            var slice = volume.Slice(z);
            for (var i = 0; i < pixels.Length; i++)
            {
                var stored = slice[i] - Intercept;
                // A value that is not a whole stored number would be silently changed by the file, and the reference would not be the volume.
                if (stored != Math.Round(stored) || stored < short.MinValue || stored > short.MaxValue)
                {
                    throw new ArgumentException($"{volume.Source}: voxel {i} of slice {z} is {slice[i]} HU, which 16-bit DICOM with intercept {Intercept} cannot hold exactly", nameof(volume));
                }
                pixels[i] = (short)stored;
            }
            new TestDicom
            {
                SeriesUid = seriesUid,
                Rows = g.Height,
                Columns = g.Width,
                Intercept = Intercept,
                Position = [g.Origin.X + shift * normal.X, g.Origin.Y + shift * normal.Y, g.Origin.Z + shift * normal.Z],
                Orientation = [g.RowDirection.X, g.RowDirection.Y, g.RowDirection.Z, g.ColumnDirection.X, g.ColumnDirection.Y, g.ColumnDirection.Z],
                InstanceNumber = z + 1,
                PixelSpacing = string.Create(CultureInfo.InvariantCulture, $"{g.RowSpacing:R}\\{g.ColumnSpacing:R}"),
                Pixels = pixels,
            }.Save(Path.Combine(folder, $"{z + 1:D4}.dcm"));
        }
    }
}
