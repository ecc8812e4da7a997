namespace CovidCt.Data.Synthesis;

/// <summary>
/// The <see cref="LesionModel.Realistic"/> planner. What real COVID-19 slices show and the study planner lacked:
/// ground glass as faint as −750 HU (fill 0.12 of the air), patches of a few mm under the pleura, lesions that run over
/// 1.5–4 cm craniocaudally, a faint confluent ground glass at the posterior bases, and consolidation with air bronchograms.
/// Controls carry the confounders a detector meets in real series, often together.
/// </summary>
internal static class RealisticLesionPlanner
{
    public static List<Finding> Covid(LungMap lungs, SeededRandom random)
    {
        var findings = new List<Finding>();
        var spacing = LesionPlanner.SliceSpacing(lungs.Geometry);
        var firstSide = random.Chance(0.5) ? -1 : 1;
        var count = random.Integer(2, 7);
        for (var i = 0; i < count; i++)
        {
            var side = i % 2 == 0 ? firstSide : -firstSide;
            var roll = random.NextDouble();
            var kind = roll < 0.55 ? FindingKind.GroundGlass
                : roll < 0.7 ? FindingKind.MixedGroundGlassConsolidation
                : roll < 0.85 ? FindingKind.CrazyPaving
                : FindingKind.ConsolidationWithAirBronchogram;
            var radial = random.Uniform(6, 22);
            var tangential = radial * random.Uniform(1.3, 3.0);
            var craniocaudal = Math.Max(random.Uniform(8, 22), 1.6 * spacing);
            var fill = kind == FindingKind.ConsolidationWithAirBronchogram ? random.Uniform(0.85, 0.97)
                : kind == FindingKind.GroundGlass ? random.Uniform(0.12, 0.4)
                : random.Uniform(0.18, 0.45);
            if (LesionPlanner.Place(lungs, random, side, radial * 0.2, radial * 0.9, lowerZone: 2.0, posterior: 0.8) is { } site)
                findings.Add(new Finding(kind, site.Centre, site.Outward, radial, tangential, craniocaudal, fill, random.NextBits()));
        }
        // Small subpleural patches, a few mm thick, against the costal pleura.
        for (var i = random.Integer(0, 6); i > 0; i--)
        {
            var radial = random.Uniform(2, 5);
            if (LesionPlanner.Place(lungs, random, random.Chance(0.5) ? -1 : 1, 0.5, radial, lowerZone: 1.5, posterior: 0.8) is { } site)
                findings.Add(new Finding(FindingKind.GroundGlass, site.Centre, site.Outward, radial, radial * random.Uniform(1.5, 3), Math.Max(random.Uniform(4, 10), 1.2 * spacing), random.Uniform(0.2, 0.55), random.NextBits()));
        }
        // Extensive, very faint ground glass along the posterior bases.
        if (random.Chance(0.3))
        {
            if (LesionPlanner.Place(lungs, random, random.Chance(0.5) ? -1 : 1, 5, 25, lowerZone: 3.0, posterior: 0.95) is { } site)
                findings.Add(new Finding(FindingKind.GroundGlass, site.Centre, site.Outward, random.Uniform(18, 30), random.Uniform(40, 70), Math.Max(random.Uniform(20, 40), 3 * spacing), random.Uniform(0.1, 0.2), random.NextBits()));
        }
        return findings;
    }

    public static List<Finding> Control(LungMap lungs, SeededRandom random)
    {
        var findings = new List<Finding>();
        var spacing = LesionPlanner.SliceSpacing(lungs.Geometry);
        if (random.Chance(0.15)) return findings; // healthy lungs
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
