namespace CovidCt.Data.Synthesis;

/// <summary>
/// The tubular structures of a procedural chest as <see cref="Capsule"/>s in paint order: spine processes, ribs,
/// sternum, clavicles, scapulae, great vessels, airways and the pulmonary vessel tree.
/// </summary>
internal static class ChestStructures
{
    private const float Blood = 40f;
    private const float Cortex = 700f;
    private const float Marrow = 240f;
    private const float Air = -1000f;

    public static List<Capsule> Build(ChestAnatomy a, SeededRandom random)
    {
        var capsules = new List<Capsule>(6000);
        AddSpine(a, capsules);
        AddRibs(a, capsules);
        AddSternumAndClavicles(a, capsules);
        AddScapulae(a, capsules);
        AddGreatVessels(a, capsules);
        AddAirways(a, capsules);
        foreach (var side in new[] { -1, 1 }) VesselTree.Grow(a, side, random.Fork((ulong)(side + 2)), capsules);
        return capsules;
    }

    private static void AddSpine(ChestAnatomy a, List<Capsule> c)
    {
        // One vertebra every 28 mm: spinous process pointing down and back, two transverse processes.
        for (var z = -84.0; z < a.ApexZ + 120; z += 28)
        {
            Bone(c, P(0, a.SpineY + 22, z), P(0, a.SpineY + 50, z - 14), 4.0);
            foreach (var side in new[] { -1, 1 }) Bone(c, P(side * 8, a.SpineY + 20, z), P(side * 33, a.SpineY + 27, z + 2), 4.5);
        }
    }

    private static void AddRibs(ChestAnatomy a, List<Capsule> c)
    {
        var pitch = a.LungHeight / 9.5;
        for (var i = 0; i < 12; i++)
        {
            var headZ = a.ApexZ + 12 - i * pitch;
            var end = i < 7 ? 2.6 : i < 10 ? 2.1 : 1.5;
            const double cartilageFrom = 2.25;
            var drop = 45 + 2.5 * i;
            foreach (var side in new[] { -1, 1 })
            {
                Vector3D? previous = null;
                for (var k = 0; k <= 14; k++)
                {
                    var phi = 0.3 + (end - 0.3) * k / 14.0;
                    var point = OnWall(a, side, phi, a.FatThickness + a.MuscleThickness + 4, headZ - drop * Math.Pow(phi / Math.PI, 1.4));
                    if (previous is { } p)
                    {
                        if (phi > cartilageFrom) c.Add(new Capsule(p, point, 4.0, 4.0, 130f));
                        else Bone(c, p, point, 4.2);
                    }
                    previous = point;
                }
            }
        }
    }

    private static void AddSternumAndClavicles(ChestAnatomy a, List<Capsule> c)
    {
        Bone(c, P(0, a.SternumY, a.HeartCentre.Z - 25), P(0, a.SternumY - 3, a.ApexZ + 15), 7.0);
        foreach (var side in new[] { -1, 1 })
        {
            Bone(c, P(side * 16, a.SternumY - 4, a.ApexZ + 18), P(side * a.BodyHalfWidth * 0.82, a.BodyCentreY - 8, a.ApexZ + 34), 6.0);
        }
    }

    private static void AddScapulae(ChestAnatomy a, List<Capsule> c)
    {
        // A thin plate behind the ribs, built from close vertical rods that merge into a sheet.
        foreach (var side in new[] { -1, 1 })
        {
            for (var t = 0; t < 9; t++)
            {
                var bottom = OnWall(a, side, 0.55 + t * 0.085, a.FatThickness + 2, a.ApexZ - 125 + t * 9);
                var top = bottom with { Z = a.ApexZ + 25 };
                c.Add(new Capsule(bottom, top, 2.6, 2.6, 520f, 0.9f));
            }
        }
    }

    private static void AddGreatVessels(ChestAnatomy a, List<Capsule> c)
    {
        var arch = a.ApexZ - 55;
        var hilum = arch - 45;
        var hy = a.HeartCentre.Y;
        var descending = P(22, a.SpineY - 8, arch);
        var top = P(4, a.SpineY - 38, arch + 12);
        var ascendingTop = P(-10, hy + 8, arch);
        c.Add(new Capsule(P(22, a.SpineY - 8, -90), descending, 11, 11.5, Blood));
        c.Add(new Capsule(descending, top, 11.5, 12.5, Blood));
        c.Add(new Capsule(top, ascendingTop, 12.5, 13.5, Blood));
        c.Add(new Capsule(ascendingTop, P(-8, hy + 10, a.HeartCentre.Z + 20), 13.5, 14, Blood));
        c.Add(new Capsule(P(-5, a.SpineY - 42, arch + 10), P(-14, a.SternumY + 25, a.ApexZ + 70), 6.5, 6, Blood));
        c.Add(new Capsule(P(4, a.SpineY - 38, arch + 10), P(7, a.SternumY + 30, a.ApexZ + 70), 5, 5, Blood));
        c.Add(new Capsule(P(14, a.SpineY - 30, arch + 8), P(34, a.SpineY - 28, a.ApexZ + 70), 5.5, 5.5, Blood));
        c.Add(new Capsule(P(-28, hy + 12, a.HeartCentre.Z + 30), P(-28, hy + 12, a.ApexZ + 50), 9, 9, Blood));
        var trunkTop = P(14, hy + 28, hilum + 12);
        c.Add(new Capsule(P(12, hy - 4, a.HeartCentre.Z + 30), trunkTop, 13, 13, Blood));
        c.Add(new Capsule(trunkTop, P(-a.LungCentreX * 0.5, 6, hilum), 11, 9.5, Blood));
        c.Add(new Capsule(trunkTop, P(a.LungCentreX * 0.5, 9, hilum + 5), 11, 9.5, Blood));
        c.Add(new Capsule(P(7, a.SpineY - 17, -60), P(3, a.SpineY - 18, a.ApexZ + 90), 7, 7, 45f));
    }

    private static void AddAirways(ChestAnatomy a, List<Capsule> c)
    {
        var carina = P(0, a.SpineY - 32, a.ApexZ - 78);
        var neck = P(0, a.SpineY - 30, a.ApexZ + 90);
        c.Add(new Capsule(carina, neck, 10, 10, 30f));
        c.Add(new Capsule(carina, neck, 8.3, 8.3, Air));
        foreach (var side in new[] { -1, 1 })
        {
            var hilum = P(side * a.LungCentreX * 0.45, a.SpineY - 40, carina.Z - (side < 0 ? 26 : 20));
            c.Add(new Capsule(carina, hilum, 7, 6, 30f));
            c.Add(new Capsule(carina, hilum, 5.5, 4.5, Air));
        }
    }

    // A bone: cortical shell, then marrow inside.
    private static void Bone(List<Capsule> c, Vector3D from, Vector3D to, double radius)
    {
        c.Add(new Capsule(from, to, radius, radius, Cortex));
        c.Add(new Capsule(from, to, radius * 0.6, radius * 0.6, Marrow));
    }

    // A point at depth below the skin along the direction phi around the body (0 = straight back, pi = straight front).
    private static Vector3D OnWall(ChestAnatomy a, int side, double phi, double depth, double z)
    {
        var ux = side * Math.Sin(phi);
        var uy = Math.Cos(phi);
        // BodyDepth(u) = |u| (1 - r) / r, so the surface lies at distance |u| / r along u.
        var probe = a.BodyDepth(ux, a.BodyCentreY + uy);
        var surface = probe + 1;
        var distance = Math.Max(5, surface - depth);
        return P(ux * distance, a.BodyCentreY + uy * distance, z);
    }

    private static Vector3D P(double x, double y, double z) => new(x, y, z);
}
