using CovidCt.Imaging;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines.PostProcessing;

/// <summary>
/// Steps 4 to 7 on one probability map at the slice's own resolution: restrict to the valid area, threshold, 8-connected
/// components larger than the minimum size (counted in slice pixels, as the study counted on its 512x512 slices), boxes in whole
/// slice pixels, quadrants, image decision and score. Works on a cached map without ML.NET, once <see cref="LesionScoring.Score"/>
/// has taken it back to the slice. The components come from <see cref="NestedComponents"/> with one threshold, the same code
/// the sweep runs with many. A map taken back to the slice and not read yet is resized only in the rows that can hold a pixel
/// at the threshold or the image score (<see cref="NeededRows"/>), into a buffer kept between calls: the same numbers as the
/// whole map. Keeps its buffers between calls, so it is not thread-safe: reuse one per thread.
/// </summary>
public sealed class SliceDetector
{
    private readonly NestedComponents _components = new();
    private readonly NeededRows _needed = new();

    /// <summary>Finds the boxes on <paramref name="map"/>, a slice of <paramref name="geometry"/> whose lung fields are <paramref name="validArea"/>.</summary>
    /// <remarks>
    /// The map is not modified: pixels outside the valid area (<paramref name="region"/>) are ignored, as if zeroed. A slice whose
    /// valid area is empty has no box and an image score of 0. <paramref name="boxes"/> is trusted: <see cref="LesionBoxOptions.Validate"/>
    /// checks it once when the pipeline is built.
    /// </remarks>
    /// <exception cref="ArgumentException">When the map, the valid area and the slice differ in size (a map at the model's resolution has not been taken back to the slice).</exception>
    public SliceDetection Detect(ProbabilityMap map, ValidArea validArea, SliceGeometry geometry, LesionBoxOptions boxes, QuadrantOptions quadrants, ValidAreaRegion region = ValidAreaRegion.Rectangle)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(validArea);
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(quadrants);
        if (validArea.Width != geometry.Width || validArea.Height != geometry.Height)
        {
            throw new ArgumentException($"the valid area is {validArea.Width}x{validArea.Height} but the slice is {geometry.Width}x{geometry.Height}", nameof(validArea));
        }
        var threshold = (float)boxes.Threshold;
        double maxPixel;
        long atThreshold;
        ReadOnlySpan<bool> computedRows = default;
        if (map.Pending is { } pending)
        {
            // A map taken back to its slice and not read yet: only the rows that can matter are computed (NeededRows).
            _needed.Compute(pending.Resize, pending.Source, validArea, region, threshold);
            (map, maxPixel, atThreshold) = (_needed.Map, _needed.MaxInside, _needed.CountAtLeast(threshold));
            computedRows = _needed.Computed;
        }
        else
        {
            maxPixel = ValidAreaComponents.MaxInside(map, validArea, region);
            atThreshold = PixelScan.CountAtLeast(map.Values, threshold);
        }
        _components.Find(map, validArea, region, [threshold], computedRows);
        var components = _components.At(0);
        var inside = 0L;
        foreach (ref readonly var c in components) inside += c.Pixels;
        // What the valid area removed: every pixel at or above the threshold, less those the components inside it hold.
        var removed = atThreshold - inside;
        if (components.IsEmpty) return new SliceDetection([], removed, maxPixel, boxes.ImageScore);

        var pixelArea = geometry.HasSpacing ? geometry.ColumnSpacing * geometry.RowSpacing : (double?)null;
        if (boxes.MinAreaSquareMillimetres is not null && pixelArea is null)
        {
            throw new ArgumentException("a minimum area in mm² needs the slice's pixel spacing", nameof(geometry));
        }
        var (centreX, centreY) = SplitCentre(validArea, geometry, quadrants.Centre);
        var found = new List<LesionBox>();
        foreach (ref readonly var c in components)
        {
            var large = boxes.MinAreaSquareMillimetres is { } minimumArea ? c.Pixels * pixelArea!.Value > minimumArea : c.Pixels > boxes.MinPixels;
            if (!large) continue;
            var (bounds, centroidX, centroidY, quadrant) = c.Place(centreX, centreY, quadrants.Assignment);
            var (near, firm) = ComponentPlacement.Reach(bounds, centroidX, centroidY, quadrant, centreX, centreY, quadrants.Assignment);
            found.Add(new LesionBox(bounds, centroidX, centroidY, c.Pixels, c.Pixels * pixelArea, c.MaxProbability, c.SumProbability / c.Pixels, quadrant)
            {
                NearQuadrants = near,
                FirmQuadrants = firm,
            });
        }
        return new SliceDetection(found, removed, maxPixel, boxes.ImageScore);
    }

    /// <summary>Where the quadrant split of a slice lies: the valid-area rectangle's centre, or the image centre (also when the slice has no valid area).</summary>
    public static (double X, double Y) SplitCentre(ValidArea validArea, SliceGeometry geometry, QuadrantCentre centre)
    {
        ArgumentNullException.ThrowIfNull(validArea);
        return centre == QuadrantCentre.ValidArea && validArea.Bounds is { } bounds
            ? (bounds.CentreX, bounds.CentreY)
            : (geometry.Width / 2.0, geometry.Height / 2.0);
    }

    /// <summary>The quadrant holding a point, for a split at (<paramref name="centreX"/>, <paramref name="centreY"/>); points on a split line go right or down.</summary>
    public static Quadrant QuadrantOf(double x, double y, double centreX, double centreY) =>
        (x < centreX, y < centreY) switch
        {
            (true, true) => Quadrant.UpperLeft,
            (false, true) => Quadrant.UpperRight,
            (true, false) => Quadrant.LowerLeft,
            _ => Quadrant.LowerRight,
        };
}
