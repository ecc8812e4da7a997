using CovidCt.Pipelines.Models;

namespace CovidCt.Pipelines.Preprocessing;

/// <summary>
/// Overrides for how slices are turned into model input. Every property left null is taken from the
/// model (its input shape and <c>covidct.*</c> metadata), and the window falls back to the study's lung
/// window (width 1200 HU, level -700 HU) when the model does not declare one.
/// </summary>
public sealed class PreprocessingOptions
{
    /// <summary>Window width in HU; null = the model's <c>covidct.window_width</c>, else 1200.</summary>
    public double? WindowWidth { get; set; }

    /// <summary>Window level in HU; null = the model's <c>covidct.window_level</c>, else -700.</summary>
    public double? WindowLevel { get; set; }

    /// <summary>Input height in pixels; null = the model's. A value the model's fixed shape contradicts is an error.</summary>
    public int? InputHeight { get; set; }

    /// <summary>Input width in pixels; null = the model's. A value the model's fixed shape contradicts is an error.</summary>
    public int? InputWidth { get; set; }

    /// <summary>Tensor layout; null = the model's. A value that contradicts the model is an error.</summary>
    public TensorLayout? Layout { get; set; }

    /// <summary>Channels (1 or 3; with 3 the windowed gray value is repeated); null = the model's. A contradicting value is an error.</summary>
    public int? Channels { get; set; }

    /// <summary>
    /// What of each slice the model sees: <see cref="SliceFraming.Body"/> (default: the patient framed on its body, so any border
    /// gives the same input) or <see cref="SliceFraming.Image"/> (the whole slice, for a model trained on whole slices of another
    /// framing). Not read from the model.
    /// </summary>
    public SliceFraming Framing { get; set; } = SliceFraming.Body;

    /// <summary>Name of the model's image input; null = its only input. A name the model does not have is an error.</summary>
    public string? InputName { get; set; }
}
