namespace CovidCt.Data.Synthesis;

/// <summary>
/// Decides which findings a patient gets and where: COVID-19 patterns are multifocal, bilateral, peripheral and
/// subpleural, with posterior and lower-zone predominance; control findings follow their own typical sites.
/// </summary>
internal static class LesionPlanner
{
    public static List<Finding> Covid(LungMap lungs, SeededRandom random)
    {
        var findings = new List<Finding>();
        var count = random.Integer(2, 6);
        var firstSide = random.Chance(0.5) ? -1 : 1;
        for (var i = 0; i < count; i++)
        {
            // Alternate sides so that most patients are bilateral.
            var side = i % 2 == 0 ? firstSide : -firstSide;
            var roll = random.NextDouble();
            var kind = roll < 0.5 ? FindingKind.GroundGlass
                : roll < 0.7 ? FindingKind.MixedGroundGlassConsolidation
                : roll < 0.87 ? FindingKind.CrazyPaving
                : FindingKind.Consolidation;
            var radial = random.Uniform(8, 20);
            var tangential = radial * random.Uniform(1.3, 2.8);
            var craniocaudal = Math.Max(random.Uniform(8, 20), 1.6 * SliceSpacing(lungs.Geometry));
            var fill = kind == FindingKind.Consolidation ? random.Uniform(0.85, 0.97) : random.Uniform(0.2, 0.5);
            if (Place(lungs, random, side, radial * 0.2, radial * 0.9, lowerZone: 2.0, posterior: 0.75) is { } site)
            {
                findings.Add(new Finding(kind, site.Centre, site.Outward, radial, tangential, craniocaudal, fill, random.NextBits()));
            }
        }
        return findings;
    }

    public static List<Finding> Control(LungMap lungs, SeededRandom random)
    {
        var findings = new List<Finding>();
        var roll = random.NextDouble();
        var side = random.Chance(0.5) ? -1 : 1;
        var spacing = SliceSpacing(lungs.Geometry);
        if (roll < 0.25) return findings; // healthy lungs
        if (roll < 0.5)
        {
            for (var i = random.Integer(1, 3); i > 0; i--)
            {
                var r = random.Uniform(3, 11);
                if (Place(lungs, random, random.Chance(0.5) ? -1 : 1, r + 2, 60, lowerZone: 0, posterior: 0) is { } s)
                    findings.Add(new Finding(FindingKind.Nodule, s.Centre, s.Outward, r, r * random.Uniform(0.9, 1.2), r * random.Uniform(0.9, 1.1), random.Uniform(0.93, 1.0), random.NextBits()));
            }
        }
        else if (roll < 0.67)
        {
            var r = random.Uniform(28, 45);
            if (Place(lungs, random, side, 5, 25, lowerZone: 2.5, posterior: 0.8) is { } s)
                findings.Add(new Finding(FindingKind.LobarConsolidation, s.Centre, s.Outward, r, r * random.Uniform(1.1, 1.5), Math.Max(r, 3 * spacing), random.Uniform(0.88, 0.98), random.NextBits()));
        }
        else if (roll < 0.83)
        {
            for (var i = random.Integer(1, 2); i > 0; i--)
            {
                if (Place(lungs, random, random.Chance(0.5) ? -1 : 1, 3, 20, lowerZone: 3, posterior: 0.9) is { } s)
                    findings.Add(new Finding(FindingKind.AtelectasisBand, s.Centre, s.Outward, random.Uniform(1.5, 3), random.Uniform(20, 40), Math.Max(random.Uniform(6, 12), spacing), random.Uniform(0.85, 0.95), random.NextBits()));
            }
        }
        else
        {
            // Centrilobular emphysema: many small air spaces, upper zones.
            for (var i = random.Integer(25, 60); i > 0; i--)
            {
                var r = random.Uniform(2, 6);
                if (Place(lungs, random, random.Chance(0.5) ? -1 : 1, r, 80, lowerZone: -1.5, posterior: 0) is { } s)
                    findings.Add(new Finding(FindingKind.Emphysema, s.Centre, s.Outward, r, r, r, -random.Uniform(0.6, 0.9), random.NextBits()));
            }
        }
        return findings;
    }

    internal static double SliceSpacing(VolumeGeometry g) =>
        g.Depth > 1 ? (g.SlicePositions[g.Depth - 1] - g.SlicePositions[0]) / (g.Depth - 1) : g.SliceThickness;

    /// <summary>
    /// Draws a lung voxel on <paramref name="side"/> whose distance to the pleura lies in [<paramref name="minDepth"/>, <paramref name="maxDepth"/>] mm,
    /// slices weighted by lung area and by <paramref name="lowerZone"/> (positive favours the bases, negative the apices),
    /// voxels weighted towards the back by <paramref name="posterior"/> (0 = no preference). Null when no such voxel is found.
    /// </summary>
    internal static (Vector3D Centre, Vector3D Outward)? Place(LungMap lungs, SeededRandom random, int side, double minDepth, double maxDepth, double lowerZone, double posterior)
    {
        var g = lungs.Geometry;
        var lungSlices = Enumerable.Range(0, g.Depth).Where(z => lungs.SliceArea[z] > 0).ToArray();
        if (lungSlices.Length == 0) return null;
        var first = lungSlices[0];
        var span = Math.Max(1, lungSlices[^1] - first);
        var weights = lungSlices.Select(z => lungs.SliceArea[z] * Math.Exp(lowerZone * (1 - (z - first) / (double)span))).ToArray();
        var total = weights.Sum();
        for (var attempt = 0; attempt < 4000; attempt++)
        {
            var pick = random.NextDouble() * total;
            var k = 0;
            while (k < weights.Length - 1 && (pick -= weights[k]) > 0) k++;
            var z = lungSlices[k];
            var column = random.Integer(0, g.Width - 1);
            var row = random.Integer(0, g.Height - 1);
            if ((column < lungs.MidlineColumn ? -1 : 1) != side) continue;
            var index = z * g.SliceLength + row * g.Width + column;
            if (!lungs.IsLung(index)) continue;
            var depth = lungs.DistanceToPleura(index);
            if (depth < minDepth || depth > maxDepth) continue;
            // Posterior preference, and away from the mediastinum: the costal pleura rather than the medial surface.
            var back = row / (double)(g.Height - 1);
            var lateral = Math.Min(1, Math.Abs(column - lungs.MidlineColumn) / (0.35 * g.Width));
            if (!random.Chance(((1 - posterior) + posterior * back) * ((1 - posterior) + posterior * lateral))) continue;
            var (ox, oy) = lungs.Outward(z, column, row);
            return (new Vector3D(column * g.ColumnSpacing, row * g.RowSpacing, g.SlicePositions[z]), new Vector3D(ox, oy, 0));
        }
        return null;
    }
}
