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
}
