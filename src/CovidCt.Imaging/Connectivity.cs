namespace CovidCt.Imaging;

/// <summary>Which in-plane neighbours join two foreground pixels into one component.</summary>
public enum Connectivity
{
    /// <summary>Edge neighbours only (up, down, left, right).</summary>
    Four = 4,

    /// <summary>Edge and corner neighbours (the study's connected regions).</summary>
    Eight = 8,
}
