namespace CovidCt.Pipelines.PostProcessing;

/// <summary>The four quadrants of the 2 x 2 split, as the image is displayed (row 0 at the top); combinable as flags.</summary>
[Flags]
public enum Quadrant
{
    /// <summary>No quadrant.</summary>
    None = 0,

    /// <summary>Top left of the displayed image.</summary>
    UpperLeft = 1,

    /// <summary>Top right of the displayed image.</summary>
    UpperRight = 2,

    /// <summary>Bottom left of the displayed image.</summary>
    LowerLeft = 4,

    /// <summary>Bottom right of the displayed image.</summary>
    LowerRight = 8,
}

/// <summary>Where the 2 x 2 split lies.</summary>
public enum QuadrantCentre
{
    /// <summary>The centre of the valid-area rectangle (default); the image centre on a slice without valid area.</summary>
    ValidArea,

    /// <summary>The centre of the image.</summary>
    Image,
}

/// <summary>Which quadrants a box counts for.</summary>
public enum QuadrantAssignment
{
    /// <summary>The quadrant holding the component's centroid (default). A centroid exactly on a split line counts for the right or lower side.</summary>
    Centroid,

    /// <summary>Every quadrant the box overlaps.</summary>
    Overlap,
}

/// <summary>How boxes are assigned to quadrants for the patient rule.</summary>
public sealed class QuadrantOptions
{
    /// <summary>Where the split lies (default <see cref="QuadrantCentre.ValidArea"/>).</summary>
    public QuadrantCentre Centre { get; set; } = QuadrantCentre.ValidArea;

    /// <summary>Which quadrants a box counts for (default <see cref="QuadrantAssignment.Centroid"/>).</summary>
    public QuadrantAssignment Assignment { get; set; } = QuadrantAssignment.Centroid;

    /// <summary>A shallow copy, for changing some options without changing these (<see cref="Sweeps.SweepSetting.ApplyTo"/>): a property added later is copied too.</summary>
    internal QuadrantOptions Copy() => (QuadrantOptions)MemberwiseClone();
}
