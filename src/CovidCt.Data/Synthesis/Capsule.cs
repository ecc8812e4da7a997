namespace CovidCt.Data.Synthesis;

/// <summary>
/// A tube between two points (mm) whose radius tapers linearly from <see cref="RadiusA"/> to <see cref="RadiusB"/>,
/// filled with <see cref="Hounsfield"/>: the one primitive for vessels, airways, ribs and other long structures.
/// </summary>
/// <param name="A">Start point, mm (x towards the patient's left, y towards the back, z towards the head).</param>
/// <param name="B">End point, mm.</param>
/// <param name="RadiusA">Radius at <paramref name="A"/>, mm.</param>
/// <param name="RadiusB">Radius at <paramref name="B"/>, mm.</param>
/// <param name="Hounsfield">Value inside the tube.</param>
/// <param name="Opacity">How much of the voxel the tube replaces where it covers it fully (1 = opaque; below 1 blends, as thin plates do).</param>
public readonly record struct Capsule(Vector3D A, Vector3D B, double RadiusA, double RadiusB, float Hounsfield, float Opacity = 1f)
{
    /// <summary>Lowest z the tube reaches, mm.</summary>
    public double MinZ => Math.Min(A.Z - RadiusA, B.Z - RadiusB);

    /// <summary>Highest z the tube reaches, mm.</summary>
    public double MaxZ => Math.Max(A.Z + RadiusA, B.Z + RadiusB);

    /// <summary>Signed distance from (x, y, z) to the tube surface, mm (negative inside).</summary>
    public double SignedDistance(double x, double y, double z)
    {
        double abx = B.X - A.X, aby = B.Y - A.Y, abz = B.Z - A.Z;
        double apx = x - A.X, apy = y - A.Y, apz = z - A.Z;
        var lengthSquared = abx * abx + aby * aby + abz * abz;
        var t = lengthSquared > 0 ? Math.Clamp((apx * abx + apy * aby + apz * abz) / lengthSquared, 0, 1) : 0;
        double dx = apx - t * abx, dy = apy - t * aby, dz = apz - t * abz;
        return Math.Sqrt(dx * dx + dy * dy + dz * dz) - (RadiusA + t * (RadiusB - RadiusA));
    }
}
