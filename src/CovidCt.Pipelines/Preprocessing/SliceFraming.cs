namespace CovidCt.Pipelines.Preprocessing;

/// <summary>What of each slice the model sees (<see cref="PreprocessingOptions.Framing"/>).</summary>
public enum SliceFraming
{
    /// <summary>
    /// The patient's body (pixels above −500 HU over all its slices; each image alone in an image-level cohort), squared about
    /// its centre so the body spans 216/256 of the input, as on the full-field-of-view slices the shipped models were trained on.
    /// The same CT padded with air, cropped to the chest or at another field of view gives the model the same input. The default.
    /// </summary>
    Body,

    /// <summary>The whole slice as it is, border and all (the framing before body framing existed); for a model trained that way.</summary>
    Image,
}
