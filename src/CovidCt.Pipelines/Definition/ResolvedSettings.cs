using CovidCt.Pipelines.Models;
using CovidCt.Pipelines.Preprocessing;

namespace CovidCt.Pipelines.Definition;

/// <summary>What a pipeline's options resolve to with its model (options, then model metadata, then the study).</summary>
public sealed class ResolvedSettings
{
    /// <summary>Window width, HU.</summary>
    public double WindowWidth { get; set; }

    /// <summary>Window level, HU.</summary>
    public double WindowLevel { get; set; }

    /// <summary>Model input height, pixels.</summary>
    public int InputHeight { get; set; }

    /// <summary>Model input width, pixels.</summary>
    public int InputWidth { get; set; }

    /// <summary>Model input layout.</summary>
    public TensorLayout Layout { get; set; }

    /// <summary>Model input channels.</summary>
    public int Channels { get; set; }

    /// <summary>The outputs read (one, or several averaged).</summary>
    public IReadOnlyList<string> Outputs { get; set; } = [];

    /// <summary>What of each slice the model sees: the patient framed on its body, or the whole slice (<see cref="PreprocessingOptions.Framing"/>).</summary>
    public SliceFraming Framing { get; set; }

    /// <summary>With body framing, the HU above which a pixel is body (what the frame is the bounding box of); null with whole-slice framing.</summary>
    public double? BodyHounsfield { get; set; }

    /// <summary>With body framing, the fraction of the framed square's side the body's longer side spans; null with whole-slice framing.</summary>
    public double? BodyFraction { get; set; }

    /// <summary>The settings of <paramref name="preprocessing"/> and <paramref name="outputs"/>.</summary>
    public static ResolvedSettings Of(ImagePreprocessing preprocessing, IReadOnlyList<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        return new ResolvedSettings
        {
            WindowWidth = preprocessing.WindowWidth,
            WindowLevel = preprocessing.WindowLevel,
            InputHeight = preprocessing.InputHeight,
            InputWidth = preprocessing.InputWidth,
            Layout = preprocessing.Layout,
            Channels = preprocessing.Channels,
            Outputs = outputs,
            Framing = preprocessing.Framing,
            BodyHounsfield = preprocessing.Framing == SliceFraming.Body ? BodyFrame.BodyHounsfield : null,
            BodyFraction = preprocessing.Framing == SliceFraming.Body ? BodyFrame.TrainingBodyFraction : null,
        };
    }
}
