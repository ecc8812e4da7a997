using CovidCt.Pipelines.PostProcessing;
using CovidCt.Pipelines.Preprocessing;
using CovidCt.Pipelines.Scoring;

namespace CovidCt.Pipelines;

/// <summary>Every setting of the detection pipeline, one options object per step; the defaults are the study's.</summary>
public sealed class PipelineOptions
{
    /// <summary>Step 2: window, input size, layout, channels (null fields come from the model).</summary>
    public PreprocessingOptions Preprocessing { get; set; } = new();

    /// <summary>Step 3: batched ONNX Runtime scoring.</summary>
    public OnnxScoringOptions Scoring { get; set; } = new();

    /// <summary>Step 4: the valid area.</summary>
    public ValidAreaOptions ValidArea { get; set; } = new();

    /// <summary>Step 5: threshold and minimum size.</summary>
    public LesionBoxOptions LesionBoxes { get; set; } = new();

    /// <summary>Step 6: the quadrant split.</summary>
    public QuadrantOptions Quadrants { get; set; } = new();

    /// <summary>Step 8: the patient rule.</summary>
    public PatientRuleOptions PatientRule { get; set; } = new();

    /// <summary>
    /// Checks every step's options; called once when a pipeline (the ML.NET chain or <see cref="DetectionPipeline"/>) is built,
    /// so no step re-checks them per slice or per patient.
    /// </summary>
    /// <exception cref="ArgumentException">When an option is out of range, naming it.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Preprocessing, nameof(Preprocessing));
        ArgumentNullException.ThrowIfNull(Scoring, nameof(Scoring));
        ArgumentNullException.ThrowIfNull(ValidArea, nameof(ValidArea));
        ArgumentNullException.ThrowIfNull(LesionBoxes, nameof(LesionBoxes));
        ArgumentNullException.ThrowIfNull(Quadrants, nameof(Quadrants));
        ArgumentNullException.ThrowIfNull(PatientRule, nameof(PatientRule));
        Scoring.Validate();
        ValidArea.Validate();
        LesionBoxes.Validate();
        PatientRule.Validate();
    }

    /// <summary>A shallow copy, for changing some options without changing these (<see cref="Sweeps.SweepSetting.ApplyTo"/>): a property added later is copied too.</summary>
    internal PipelineOptions Copy() => (PipelineOptions)MemberwiseClone();
}
