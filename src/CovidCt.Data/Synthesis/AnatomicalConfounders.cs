namespace CovidCt.Data.Synthesis;

/// <summary>
/// Normal anatomy that looked like lesions to unetpp-v2 on a real control series (issue #16): partial volume of the heart
/// border and of the diaphragm domes at the lung bases, the vessels beside the hilum, and the chest wall at the apex.
/// Painted as dense, never masked, findings so that the <see cref="LesionModel.Realistic"/> cohorts teach the model to
/// leave them alone; the phantom's analytic anatomy has sharp edges there, unlike a thick real slice.
/// </summary>
internal static class AnatomicalConfounders
{
    /// <summary>
    /// Draws each confounder independently, so that a patient often carries several. A scan whose lowest slice still cuts
    /// through a broad lung starts above the bases, and one whose highest slice does stops below the apex: it holds no
    /// diaphragm dome or no apical chest wall, and those confounders would land mid-lung at its edge slice, so they are left
    /// out. They are still drawn, so that every other finding keeps the random numbers it had.
    /// </summary>
    public static IEnumerable<Finding> Draw(LungMap lungs, SeededRandom random)
    {
        var spacing = LesionPlanner.SliceSpacing(lungs.Geometry);
        var basesShown = !RunsOff(lungs, lungs.SliceArea[0]);
        var apexShown = !RunsOff(lungs, lungs.SliceArea[^1]);
        if (random.Chance(0.5))
        {
            // The heart border smeared into the lung over a thick slice or a heartbeat: a thin hazy crescent on the
            // mediastinal surface of the lower, anterior lung.
            for (var i = random.Integer(1, 2); i > 0; i--)
            {
                if (Place(lungs, random, 0.0, 0.45, 0, 4, Surface.Medial, anteriorOnly: true) is { } s)
                    yield return new Finding(FindingKind.HeartBorderPartialVolume, s.Centre, s.Outward, random.Uniform(2, 5), random.Uniform(12, 30), Math.Max(random.Uniform(6, 15), 1.5 * spacing), random.Uniform(0.3, 0.7), random.NextBits());
            }
        }
        if (random.Chance(0.5))
        {
            // The top of a diaphragm dome cut by the lowest lung slices: a broad hazy patch inside the ring of lung,
            // one or two slices thick.
            for (var i = random.Integer(1, 2); i > 0; i--)
            {
                var r = random.Uniform(10, 28);
                if (Place(lungs, random, 0.0, 0.12, 4, 40, Surface.Any, anteriorOnly: false) is { } s)
                {
                    var dome = new Finding(FindingKind.DiaphragmPartialVolume, s.Centre, s.Outward, r, r * random.Uniform(1.0, 1.6), Math.Max(random.Uniform(2, 5), 0.8 * spacing), random.Uniform(0.3, 0.8), random.NextBits());
                    if (basesShown) yield return dome;
                }
            }
        }
        if (random.Chance(0.5))
        {
            // Vessels near the hilum, dense as blood and cut obliquely: short dense tubes in the medial mid lung.
            for (var i = random.Integer(2, 5); i > 0; i--)
            {
                if (Place(lungs, random, 0.35, 0.75, 2, 20, Surface.Medial, anteriorOnly: false) is { } s)
                    yield return new Finding(FindingKind.HilarVessel, s.Centre, s.Outward, random.Uniform(2.5, 5), random.Uniform(6, 16), Math.Max(random.Uniform(4, 12), spacing), random.Uniform(0.85, 1.0), random.NextBits());
            }
        }
        if (random.Chance(0.4))
        {
            // The chest wall at the apex: ribs and pleura cut tangentially where the lung narrows to its dome.
            for (var i = random.Integer(1, 2); i > 0; i--)
            {
                if (Place(lungs, random, 0.85, 1.0, 0, 3, Surface.Costal, anteriorOnly: false) is { } s)
                {
                    var wall = new Finding(FindingKind.ApicalChestWall, s.Centre, s.Outward, random.Uniform(3, 8), random.Uniform(12, 30), Math.Max(random.Uniform(6, 15), 1.5 * spacing), random.Uniform(0.6, 0.95), random.NextBits());
                    if (apexShown) yield return wall;
                }
            }
        }
    }

    // The lung runs off the scan when its edge slice still holds a quarter of the largest slice's lung area. Not "any lung
    // at all": the trachea, segmented with the lungs in real CT, leaves a little air on the top slice of every chest scan,
    // and the costophrenic recesses reach the lowest slices of a scan that does show the bases.
    private static bool RunsOff(LungMap lungs, int edgeArea) => edgeArea > 0 && edgeArea >= 0.25 * lungs.SliceArea.Max();

    private enum Surface
    {
        Any,
        Medial,
        Costal,
    }

    /// <summary>
    /// A lung voxel between the fractions <paramref name="from"/> and <paramref name="to"/> of the lung's height (0 = the
    /// lowest lung slice), <paramref name="minDepth"/>..<paramref name="maxDepth"/> mm from the pleura, whose nearest
    /// pleura faces the mediastinum or the chest wall as asked. The lung's height is what the scan shows of it, so in a scan
    /// that stops short of the apex or the bases these confounders sit at its highest or lowest lung slices. Null when none is found.
    /// </summary>
    private static (Vector3D Centre, Vector3D Outward)? Place(LungMap lungs, SeededRandom random, double from, double to, double minDepth, double maxDepth, Surface surface, bool anteriorOnly)
    {
        var g = lungs.Geometry;
        var lungSlices = Enumerable.Range(0, g.Depth).Where(z => lungs.SliceArea[z] > 0).ToArray();
        if (lungSlices.Length == 0) return null;
        var first = lungSlices[0];
        var span = Math.Max(1, lungSlices[^1] - first);
        var band = lungSlices.Where(z => (z - first) / (double)span >= from && (z - first) / (double)span <= to).ToArray();
        if (band.Length == 0) return null;
        // The first lung voxel lies one pixel from the pleura: on a coarse grid a band thinner than that holds no voxel.
        maxDepth = Math.Max(maxDepth, 1.5 * g.ColumnSpacing);
        for (var attempt = 0; attempt < 4000; attempt++)
        {
            var z = band[random.Integer(0, band.Length - 1)];
            var column = random.Integer(0, g.Width - 1);
            var row = random.Integer(0, g.Height - 1);
            var index = z * g.SliceLength + row * g.Width + column;
            if (!lungs.IsLung(index)) continue;
            if (anteriorOnly && row > g.Height / 2) continue;
            var depth = lungs.DistanceToPleura(index);
            if (depth < minDepth || depth > maxDepth) continue;
            var (ox, oy) = lungs.Outward(z, column, row);
            // Outward points to the nearest pleura: towards the midline on the mediastinal surface, away from it on the costal one.
            var towardsMidline = (lungs.MidlineColumn - column) * ox > 0 && Math.Abs(ox) > 0.5;
            if (surface == Surface.Medial && !towardsMidline) continue;
            if (surface == Surface.Costal && towardsMidline) continue;
            return (new Vector3D(column * g.ColumnSpacing, row * g.RowSpacing, g.SlicePositions[z]), new Vector3D(ox, oy, 0));
        }
        return null;
    }
}
