namespace CovidCt.Data.Synthesis;

/// <summary>
/// The <see cref="LesionModel.Realistic"/> planner. What real COVID-19 slices show and the study planner lacked:
/// ground glass from the faint −750 HU band to dense patches, many pieces per slice (small satellites around each main
/// lesion, patches of a few mm under the pleura and deeper in the lung), lesions that run over 1.5–4 cm craniocaudally, a faint confluent
/// ground glass at the posterior bases, and consolidation with air bronchograms. Every patient also carries the
/// <see cref="AnatomicalConfounders"/>; controls carry the disease confounders a detector meets in real series, often together.
/// </summary>
internal static class RealisticLesionPlanner
{
    public static List<Finding> Covid(LungMap lungs, SeededRandom random)
    {
        var findings = new List<Finding>();
        var spacing = LesionPlanner.SliceSpacing(lungs.Geometry);
        var firstSide = random.Chance(0.5) ? -1 : 1;
        var count = random.Integer(5, 11);
        for (var i = 0; i < count; i++)
        {
            var side = i % 2 == 0 ? firstSide : -firstSide;
            var roll = random.NextDouble();
            var kind = roll < 0.5 ? FindingKind.GroundGlass
                : roll < 0.7 ? FindingKind.MixedGroundGlassConsolidation
                : roll < 0.85 ? FindingKind.CrazyPaving
                : FindingKind.ConsolidationWithAirBronchogram;
            var radial = random.Uniform(6, 20);
            var tangential = radial * random.Uniform(1.3, 3.0);
            var craniocaudal = Math.Max(random.Uniform(8, 22), 1.6 * spacing);
            var fill = kind == FindingKind.ConsolidationWithAirBronchogram ? random.Uniform(0.85, 0.97)
                : kind == FindingKind.GroundGlass ? random.Uniform(0.1, 0.4)
                : random.Uniform(0.25, 0.6);
            if (LesionPlanner.Place(lungs, random, side, radial * 0.2, radial * 0.9, lowerZone: 2.0, posterior: 0.8) is not { } site) continue;
            var lesion = new Finding(kind, site.Centre, site.Outward, radial, tangential, craniocaudal, fill, random.NextBits());
            findings.Add(lesion);
            findings.AddRange(Satellites(lungs, random, lesion, spacing));
        }
        // Small subpleural patches, a few mm thick, against the costal pleura.
        for (var i = random.Integer(10, 20); i > 0; i--)
        {
            var radial = random.Uniform(3.5, 6.5);
            if (LesionPlanner.Place(lungs, random, random.Chance(0.5) ? -1 : 1, 0.5, radial, lowerZone: 1.5, posterior: 0.8) is { } site)
                findings.Add(new Finding(FindingKind.GroundGlass, site.Centre, site.Outward, radial, radial * random.Uniform(1.5, 3), Math.Max(random.Uniform(5, 12), 1.5 * spacing), random.Uniform(0.25, 0.7), random.NextBits()));
        }
        // Patches scattered deeper in the lung, along the bronchovascular bundles: real slices show a third of their
        // pieces away from the pleura (68 % subpleural in covid-semiseg-doctor50).
        for (var i = random.Integer(12, 22); i > 0; i--)
        {
            var radial = random.Uniform(3.5, 7);
            if (LesionPlanner.Place(lungs, random, random.Chance(0.5) ? -1 : 1, 10, 45, lowerZone: 1.5, posterior: 0.5) is { } site)
                findings.Add(new Finding(random.Chance(0.7) ? FindingKind.GroundGlass : FindingKind.MixedGroundGlassConsolidation, site.Centre, site.Outward, radial, radial * random.Uniform(1, 2), Math.Max(random.Uniform(6, 14), 1.5 * spacing), random.Uniform(0.15, 0.5), random.NextBits()));
        }
        // Extensive, very faint ground glass along the posterior bases.
        if (random.Chance(0.3))
        {
            if (LesionPlanner.Place(lungs, random, random.Chance(0.5) ? -1 : 1, 5, 25, lowerZone: 3.0, posterior: 0.95) is { } site)
                findings.Add(new Finding(FindingKind.GroundGlass, site.Centre, site.Outward, random.Uniform(18, 30), random.Uniform(40, 70), Math.Max(random.Uniform(20, 40), 3 * spacing), random.Uniform(0.12, 0.25), random.NextBits()));
        }
        findings.AddRange(AnatomicalConfounders.Draw(lungs, random));
        return findings;
    }

    /// <summary>
    /// 5-10 small patches of the same kind of opacity within a lesion's reach: real lesions break up into many small pieces
    /// on a slice (covid-semiseg-doctor50: 7.7 per lesion slice, median 0.57 % of the slice's lung field; the realism
    /// probe 5.4 and 1.75 % with 4-9 satellites of 5-11 mm, 7.7 and 0.74 % with these and the smaller patches below).
    /// </summary>
    private static IEnumerable<Finding> Satellites(LungMap lungs, SeededRandom random, Finding lesion, double spacing)
    {
        var g = lungs.Geometry;
        var kind = lesion.Kind == FindingKind.ConsolidationWithAirBronchogram ? FindingKind.MixedGroundGlassConsolidation : lesion.Kind;
        for (var i = random.Integer(5, 10); i > 0; i--)
        {
            var reach = lesion.TangentialRadius + lesion.RadialRadius;
            var x = lesion.Centre.X + random.Uniform(-reach, reach);
            var y = lesion.Centre.Y + random.Uniform(-reach, reach);
            var zMm = lesion.Centre.Z + random.Uniform(-lesion.CraniocaudalRadius, lesion.CraniocaudalRadius);
            var column = (int)Math.Round(x / g.ColumnSpacing);
            var row = (int)Math.Round(y / g.RowSpacing);
            var z = NearestSlice(g, zMm);
            if (column < 0 || row < 0 || column >= g.Width || row >= g.Height) continue;
            var index = z * g.SliceLength + row * g.Width + column;
            if (!lungs.IsLung(index)) continue;
            var radial = random.Uniform(3.5, 7);
            var (ox, oy) = lungs.Outward(z, column, row);
            yield return new Finding(kind, new Vector3D(column * g.ColumnSpacing, row * g.RowSpacing, g.SlicePositions[z]), new Vector3D(ox, oy, 0),
                radial, radial * random.Uniform(1.2, 2.0), Math.Max(random.Uniform(6, 14), 1.5 * spacing), Math.Min(0.97, lesion.Fill * random.Uniform(0.7, 1.2)), random.NextBits());
        }
    }

    private static int NearestSlice(VolumeGeometry g, double zMm)
    {
        var best = 0;
        for (var z = 1; z < g.Depth; z++) if (Math.Abs(g.SlicePositions[z] - zMm) < Math.Abs(g.SlicePositions[best] - zMm)) best = z;
        return best;
    }

    public static List<Finding> Control(LungMap lungs, SeededRandom random)
    {
        var findings = new List<Finding>();
        var spacing = LesionPlanner.SliceSpacing(lungs.Geometry);
        findings.AddRange(AnatomicalConfounders.Draw(lungs, random));
        if (random.Chance(0.15)) return findings; // no disease, but the anatomy still confounds
        if (random.Chance(0.55))
        {
            // Nodules from 2 mm, anywhere: beside the hilum as well as under the pleura.
            for (var i = random.Integer(1, 4); i > 0; i--)
            {
                var r = random.Uniform(2, 10);
                if (LesionPlanner.Place(lungs, random, random.Chance(0.5) ? -1 : 1, r + 1, 80, lowerZone: 0, posterior: 0) is { } s)
                    findings.Add(new Finding(FindingKind.Nodule, s.Centre, s.Outward, r, r * random.Uniform(0.9, 1.2), r * random.Uniform(0.9, 1.1), random.Uniform(0.9, 1.0), random.NextBits()));
            }
        }
        if (random.Chance(0.5))
        {
            // Dependent atelectasis: a thin dense rim at the posterior bases, continuous over several slices.
            for (var i = random.Integer(1, 2); i > 0; i--)
            {
                if (LesionPlanner.Place(lungs, random, random.Chance(0.5) ? -1 : 1, 1, 8, lowerZone: 3, posterior: 1.0) is { } s)
                    findings.Add(new Finding(FindingKind.AtelectasisBand, s.Centre, s.Outward, random.Uniform(2, 5), random.Uniform(20, 45), Math.Max(random.Uniform(10, 25), 2 * spacing), random.Uniform(0.8, 0.95), random.NextBits()));
            }
        }
        if (random.Chance(0.15))
        {
            var r = random.Uniform(25, 40);
            if (LesionPlanner.Place(lungs, random, random.Chance(0.5) ? -1 : 1, 5, 25, lowerZone: 2.5, posterior: 0.8) is { } s)
                findings.Add(new Finding(FindingKind.LobarConsolidation, s.Centre, s.Outward, r, r * random.Uniform(1.1, 1.5), Math.Max(r, 3 * spacing), random.Uniform(0.88, 0.98), random.NextBits()));
        }
        if (random.Chance(0.15))
        {
            for (var i = random.Integer(20, 50); i > 0; i--)
            {
                var r = random.Uniform(2, 6);
                if (LesionPlanner.Place(lungs, random, random.Chance(0.5) ? -1 : 1, r, 80, lowerZone: -1.5, posterior: 0) is { } s)
                    findings.Add(new Finding(FindingKind.Emphysema, s.Centre, s.Outward, r, r, r, -random.Uniform(0.6, 0.9), random.NextBits()));
            }
        }
        return findings;
    }
}
