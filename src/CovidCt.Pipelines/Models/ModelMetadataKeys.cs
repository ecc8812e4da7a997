namespace CovidCt.Pipelines.Models;

/// <summary>
/// The ONNX <c>metadata_props</c> keys the platform's models carry (all values are strings). A model declares how its input is
/// made (window, size, layout, channels), never the post-processing operating point: threshold, minimum size and k belong to
/// the pipeline (<see cref="Definition.PipelineDefinition"/>, which <c>covidct sweep</c> writes), so models of earlier exports
/// that still carry <c>covidct.threshold</c>/<c>covidct.min_pixels</c> have them ignored.
/// </summary>
public static class ModelMetadataKeys
{
    /// <summary>unetpp or unet.</summary>
    public const string Architecture = "covidct.architecture";

    /// <summary><c>sigmoid</c> when the model outputs logits, <c>none</c> when it outputs probabilities (see <see cref="Scoring.OutputActivation"/>).</summary>
    public const string OutputActivation = "covidct.output_activation";

    /// <summary>Model version.</summary>
    public const string Version = "covidct.version";

    /// <summary>Lung window width in HU the model was trained with.</summary>
    public const string WindowWidth = "covidct.window_width";

    /// <summary>Lung window level in HU the model was trained with.</summary>
    public const string WindowLevel = "covidct.window_level";

    /// <summary>Input height in pixels.</summary>
    public const string InputHeight = "covidct.input_height";

    /// <summary>Input width in pixels.</summary>
    public const string InputWidth = "covidct.input_width";

    /// <summary>NCHW or NHWC.</summary>
    public const string Layout = "covidct.layout";

    /// <summary>1 or 3.</summary>
    public const string Channels = "covidct.channels";

    /// <summary>SHA-256 of the cohort specification the model was trained on.</summary>
    public const string CohortSpecSha256 = "covidct.cohort_spec_sha256";

    /// <summary>When training finished, UTC.</summary>
    public const string TrainedUtc = "covidct.trained_utc";

    /// <summary>
    /// Set on an int8 model by <c>covidct model quantize</c> (<see cref="Quantization.Int8Quantization"/>): a JSON object with the
    /// scheme, the calibration cohort's fingerprint, split and slice count, and the source model's file name and SHA-256.
    /// </summary>
    public const string Quantization = "covidct.quantization";
}
