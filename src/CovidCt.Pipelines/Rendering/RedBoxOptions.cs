namespace CovidCt.Pipelines.Rendering;

/// <summary>How a red-box figure is drawn.</summary>
public sealed class RedBoxOptions
{
    /// <summary>Display window width in HU (default the study's 1200, <see cref="StudyProtocol.WindowWidth"/>).</summary>
    public double WindowWidth { get; set; } = StudyProtocol.WindowWidth;

    /// <summary>Display window level in HU (default the study's -700, <see cref="StudyProtocol.WindowLevel"/>).</summary>
    public double WindowLevel { get; set; } = StudyProtocol.WindowLevel;

    /// <summary>Box line width in pixels of the original slice (default 2).</summary>
    public float LineWidth { get; set; } = 2;

    /// <summary>Write each box's maximum probability above it (default false).</summary>
    public bool LabelProbabilities { get; set; }
}
