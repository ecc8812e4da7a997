using CovidCt.Pipelines.PostProcessing;

namespace CovidCt.Pipelines.Catalog;

/// <summary>
/// Boxes as a flat vector column: <see cref="Stride"/> numbers per box, in double precision so a decoded box equals the one
/// computed: left, top, right, bottom, centroid x, centroid y, pixels, area in mm² (NaN when unknown), max probability, mean
/// probability, quadrant flags, the quadrant flags within reach and those kept within the fragile-call tolerance
/// (<see cref="LesionBox.NearQuadrants"/>, <see cref="LesionBox.FirmQuadrants"/>).
/// </summary>
public static class LesionBoxColumns
{
    /// <summary>Numbers per box.</summary>
    public const int Stride = 13;

    /// <summary>The boxes as one vector.</summary>
    public static double[] Encode(IReadOnlyList<LesionBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        var values = new double[boxes.Count * Stride];
        for (var i = 0; i < boxes.Count; i++)
        {
            var b = boxes[i];
            double[] box = [b.Bounds.Left, b.Bounds.Top, b.Bounds.Right, b.Bounds.Bottom, b.CentroidX, b.CentroidY, b.Pixels,
                b.AreaSquareMillimetres ?? double.NaN, b.MaxProbability, b.MeanProbability, (int)b.Quadrants, (int)b.NearQuadrants, (int)b.FirmQuadrants];
            box.CopyTo(values, i * Stride);
        }
        return values;
    }

    /// <summary><paramref name="count"/> boxes read from <paramref name="values"/> starting at box <paramref name="first"/>.</summary>
    /// <exception cref="ArgumentException">When the vector is too short for the boxes asked for.</exception>
    public static LesionBox[] Decode(double[] values, int first, int count)
    {
        ArgumentNullException.ThrowIfNull(values);
        if ((first + count) * Stride > values.Length) throw new ArgumentException($"{values.Length} numbers cannot hold boxes {first} to {first + count - 1} of {Stride} numbers each", nameof(values));
        var boxes = new LesionBox[count];
        for (var i = 0; i < count; i++)
        {
            var b = values.AsSpan((first + i) * Stride, Stride);
            boxes[i] = new LesionBox(new ImageRectangle(b[0], b[1], b[2], b[3]), b[4], b[5], (int)b[6], double.IsNaN(b[7]) ? null : b[7], b[8], b[9], (Quadrant)(int)b[10])
            {
                NearQuadrants = (Quadrant)(int)b[11],
                FirmQuadrants = (Quadrant)(int)b[12],
            };
        }
        return boxes;
    }
}
