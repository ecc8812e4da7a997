namespace CovidCt.Data.Synthesis;

/// <summary>
/// Grows the pulmonary vessel tree of one lung from its hilum: each branch splits in two, shortens and thins
/// (radius ratio 0.74, close to Murray's law for a symmetric split), and is steered to stay inside the lung.
/// </summary>
internal static class VesselTree
{
    private const int Generations = 9;
    private const float Blood = 40f;

    public static void Grow(ChestAnatomy a, int side, SeededRandom random, List<Capsule> output)
    {
        var hilum = new Vector3D(side * a.LungCentreX * 0.55, 6, a.ApexZ - 120);
        Vector3D[] trunks =
        [
            new(0.15 * side, -0.1, 1),
            new(1.0 * side, 0.05, 0.15),
            new(0.25 * side, 0.65, -1),
            new(0.35 * side, -0.7, -0.5),
            new(0.6 * side, 0.25, -1),
            new(0.7 * side, -0.5, 0.6),
            new(0.5 * side, 0.7, 0.4),
        ];
        foreach (var direction in trunks) Branch(a, hilum, Normalise(direction), 0, 5.5, 32, random, output);
        AddPeripheralTwigs(a, side, hilum, random, output);
    }

    // The smallest vessels, below what the branching reaches: short twigs pointing away from the hilum, scattered
    // through the whole lung, that give the lung window its fine dotted texture.
    private static void AddPeripheralTwigs(ChestAnatomy a, int side, Vector3D hilum, SeededRandom random, List<Capsule> output)
    {
        for (var placed = 0; placed < 900;)
        {
            var p = new Vector3D(side * random.Uniform(10, a.LungCentreX + a.LungHalfWidth * 1.3), random.Uniform(-a.LungHalfDepth * 1.3, a.LungHalfDepth * 1.3), random.Uniform(0, a.LungHeight));
            if (a.LungInside(p.X, p.Y, p.Z) < 3) continue;
            var d = Normalise(new Vector3D(p.X - hilum.X, p.Y - hilum.Y, p.Z - hilum.Z));
            d = Perturb(d, 0.4, random);
            var length = random.Uniform(4, 10);
            var radius = random.Uniform(0.5, 1.2);
            output.Add(new Capsule(p, new Vector3D(p.X + d.X * length, p.Y + d.Y * length, p.Z + d.Z * length), radius, radius * 0.8, Blood));
            placed++;
        }
    }

    private static void Branch(ChestAnatomy a, Vector3D start, Vector3D direction, int generation, double radius, double length, SeededRandom random, List<Capsule> output)
    {
        // Try a few perturbed directions and keep the one whose end lies deepest inside the lung; near the pleura
        // shorten the branch rather than lose the whole subtree.
        Vector3D? bestEnd = null;
        var bestDirection = direction;
        var bestInside = double.NegativeInfinity;
        for (var attempt = 0; attempt < 6 && bestInside < radius; attempt++)
        {
            var d = attempt == 0 ? direction : Perturb(direction, 0.5, random);
            var reach = attempt < 3 ? length : length * 0.6;
            var end = new Vector3D(start.X + d.X * reach, start.Y + d.Y * reach, start.Z + d.Z * reach);
            var inside = a.LungInside(end.X, end.Y, end.Z);
            if (inside > bestInside)
            {
                bestInside = inside;
                bestEnd = end;
                bestDirection = d;
            }
        }
        // Trunks start in the mediastinum; later branches must end inside the lung.
        if (bestEnd is not { } stop || (generation > 0 && bestInside < radius)) return;
        var childRadius = radius * 0.74;
        output.Add(new Capsule(start, stop, radius, childRadius, Blood));
        if (generation + 1 >= Generations) return;
        var childLength = length * random.Uniform(0.68, 0.85);
        for (var child = 0; child < 2; child++)
        {
            Branch(a, stop, Perturb(bestDirection, random.Uniform(0.35, 0.8), random), generation + 1, childRadius, childLength, random, output);
        }
    }

    // Tilts a unit vector by about atan(amount) in a random perpendicular direction.
    private static Vector3D Perturb(Vector3D d, double amount, SeededRandom random)
    {
        var r = new Vector3D(random.Gaussian(), random.Gaussian(), random.Gaussian());
        var along = r.Dot(d);
        var perpendicular = Normalise(new Vector3D(r.X - along * d.X, r.Y - along * d.Y, r.Z - along * d.Z));
        return Normalise(new Vector3D(d.X + amount * perpendicular.X, d.Y + amount * perpendicular.Y, d.Z + amount * perpendicular.Z));
    }

    private static Vector3D Normalise(Vector3D v)
    {
        var n = Math.Sqrt(v.Dot(v));
        return n > 0 ? new Vector3D(v.X / n, v.Y / n, v.Z / n) : new Vector3D(0, 0, 1);
    }
}
